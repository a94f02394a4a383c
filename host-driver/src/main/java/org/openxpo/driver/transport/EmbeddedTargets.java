package org.openxpo.driver.transport;

import org.openxpo.driver.XpoException;
import org.openxpo.protocol.connector.Chassis;
import org.openxpo.protocol.connector.EmbeddedTargetProvider;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

/** Finds an in-process target implementation (the emulator) at run time, without the driver importing it. */
public final class EmbeddedTargets {
    private EmbeddedTargets() {}

    /**
     * Opens the {@code embedded} target: a chassis from the first provider on the class path, one cage of it. Options
     * the provider refuses ({@code seed=x}) are an {@link XpoException.InvalidRequest}.
     */
    public static InProcessTransport open(TargetUri uri) {
        EmbeddedTargetProvider provider = ServiceLoader.load(EmbeddedTargetProvider.class).findFirst()
            .orElseThrow(() -> new XpoException.Unsupported(
                "no embedded target on the class path: add the xpo-emulator jar (the xpoctl distribution has it)"));
        Map<String, String> options = new HashMap<>(uri.options());
        options.remove("cage");
        Chassis chassis;
        try {
            chassis = provider.create(options);
        } catch (IllegalArgumentException refused) {
            throw new XpoException.InvalidRequest("invalid target '" + uri + "': " + refused.getMessage());
        }
        return new InProcessTransport(chassis.cage(uri.cage()), chassis, uri.toString());
    }
}
