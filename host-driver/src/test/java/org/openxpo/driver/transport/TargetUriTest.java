package org.openxpo.driver.transport;

import org.junit.jupiter.api.Test;
import org.openxpo.protocol.connector.Pin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetUriTest {

    @Test
    void aPi4jTargetWiresEachPinNamedByItsOption() {
        TargetUri uri = TargetUri.parse("pi4j://1/0x50?resetL=17&lpMode=27&powerEnable=5&intL=22&modPrsL=23&powerGood=6");
        assertEquals(17, uri.gpio(Pin.RESET_L));
        assertEquals(27, uri.gpio(Pin.LP_MODE));
        assertEquals(5, uri.gpio(Pin.POWER_ENABLE));
        assertEquals(22, uri.gpio(Pin.INT_L));
        assertEquals(23, uri.gpio(Pin.MOD_PRS_L));
        assertEquals(6, uri.gpio(Pin.POWER_GOOD));
    }

    @Test
    void aPinWithoutItsOptionIsNotWired() {
        TargetUri uri = TargetUri.parse("pi4j://1/0x50?resetL=17");
        assertEquals(-1, uri.gpio(Pin.INT_L));
        assertEquals("intL", TargetUri.gpioOption(Pin.INT_L));
    }

    @Test
    void anUnknownOptionIsRefusedListingThePinOptionsInPinOrder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> TargetUri.parse("pi4j://1/0x50?reset=17"));
        assertTrue(e.getMessage().endsWith(
            "unknown option 'reset' (known: resetL, lpMode, powerEnable, intL, modPrsL, powerGood, chip)"), e.getMessage());
    }
}
