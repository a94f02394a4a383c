package org.openxpo.agent.dashboard;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's chromium driven through its own chromium-driver ({@code apt-get install chromium chromium-driver}), never a
 * downloaded driver or browser: Selenium is pointed at the system binaries so its manager never starts. Without them
 * the browser tests are skipped on a developer's machine and fail on CI (where {@code .ci/run} installs them).
 */
final class HeadlessChromium {
    static final Path DRIVER = Path.of(System.getProperty("dashboard.chromedriver", "/usr/bin/chromedriver"));
    static final Path BROWSER = Path.of(System.getProperty("dashboard.chromium", "/usr/bin/chromium"));

    private HeadlessChromium() {}

    /** A headless browser of the given window size; the caller quits it. */
    static ChromeDriver start(int width, int height) {
        boolean installed = Files.isExecutable(DRIVER) && Files.isExecutable(BROWSER);
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(installed, "the browser tests need Debian's chromium and chromium-driver ("
                + BROWSER + ", " + DRIVER + "): apt-get install chromium chromium-driver");
        } else if (!installed) {
            throw new IllegalStateException("CI must have " + BROWSER + " and " + DRIVER + " (.ci/run installs them)");
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile()).addArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--force-device-scale-factor=1", "--window-size=" + width + "," + height);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Writes the page as the browser shows it to {@code file}. */
    static void screenshot(ChromeDriver driver, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
