package org.openxpo.driver;

import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.time.Duration;

/**
 * Awaitility's defaults for this module's tests: poll at once, then every 2 ms, instead of after 100 ms and every
 * 100 ms. Emulated modules on fast timing answer within milliseconds, so a default wait cost a test 100 ms or more;
 * an {@code atMost} still bounds every wait. Registered in {@code META-INF/services}; a test that sets its own poll
 * interval keeps it.
 */
public final class AwaitilityDefaults implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(Duration.ofMillis(2));
    }
}
