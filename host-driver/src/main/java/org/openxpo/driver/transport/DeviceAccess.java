package org.openxpo.driver.transport;

import org.openxpo.driver.XpoException;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The device files a Pi target opens ({@code /dev/i2c-N}, {@code /dev/gpiochipN}) and the one line a user gets when
 * the kernel says EACCES for one of them: which group grants it, and how to join.
 */
final class DeviceAccess {
    private DeviceAccess() {}

    /** Fails with the hint when {@code device} exists but this user may not read and write it. */
    static void require(Path device) {
        if (Files.exists(device) && !(Files.isReadable(device) && Files.isWritable(device))) throw denied(device);
    }

    /** The failure for a device this user may not open. */
    static XpoException.Unsupported denied(Path device) {
        String group = device.getFileName().toString().startsWith("i2c") ? "i2c" : "gpio";
        return new XpoException.Unsupported(device + ": permission denied (EACCES): add your user to the '" + group
            + "' group (sudo usermod -aG " + group + " $USER, then log in again) or run as root");
    }

    /** The failure when Pi4J reports EACCES while opening {@code target}: both groups may be missing. */
    static XpoException.Unsupported deniedWhileOpening(String target, String reason) {
        return new XpoException.Unsupported("cannot open " + target + ": " + reason + " (EACCES): add your user to the "
            + "'i2c' and 'gpio' groups (sudo usermod -aG i2c,gpio $USER, then log in again) or run as root");
    }

    /** Whether {@code failure}, or anything that caused it, is the kernel refusing access to a device file. */
    static boolean isDenial(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException) return true;
            String message = t.getMessage();
            if (message != null && (message.contains("Permission denied") || message.contains("EACCES"))) return true;
        }
        return false;
    }
}
