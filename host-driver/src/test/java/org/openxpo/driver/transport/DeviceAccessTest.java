package org.openxpo.driver.transport;

import org.junit.jupiter.api.Test;
import org.openxpo.driver.XpoException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class DeviceAccessTest {
    @Test
    void anI2cBusDeniedNamesTheI2cGroup() {
        String line = DeviceAccess.denied(Path.of("/dev/i2c-1")).getMessage();
        assertEquals("/dev/i2c-1: permission denied (EACCES): add your user to the 'i2c' group "
            + "(sudo usermod -aG i2c $USER, then log in again) or run as root", line);
    }

    @Test
    void aGpioChipDeniedNamesTheGpioGroup() {
        XpoException.Unsupported e = DeviceAccess.denied(Path.of("/dev/gpiochip0"));
        assertTrue(e.getMessage().startsWith("/dev/gpiochip0: permission denied (EACCES)"), e.getMessage());
        assertTrue(e.getMessage().contains("sudo usermod -aG gpio $USER"), e.getMessage());
    }

    @Test
    void aRefusalWhileOpeningNamesBothGroups() {
        String line = DeviceAccess.deniedWhileOpening("pi4j://1/0x50?resetL=17", "Permission denied").getMessage();
        assertTrue(line.startsWith("cannot open pi4j://1/0x50?resetL=17: Permission denied (EACCES)"), line);
        assertTrue(line.contains("sudo usermod -aG i2c,gpio $USER"), line);
    }

    @Test
    void recognisesTheKernelsRefusalDeepInACauseChain() {
        assertTrue(DeviceAccess.isDenial(new RuntimeException("open failed",
            new IOException("wrapped", new AccessDeniedException("/dev/i2c-1")))));
        assertTrue(DeviceAccess.isDenial(new IllegalStateException("Failed to open /dev/gpiochip0: Permission denied")));
        assertTrue(DeviceAccess.isDenial(new RuntimeException("ioctl: EACCES")));
        assertFalse(DeviceAccess.isDenial(new RuntimeException("Remote I/O error")));
    }
}
