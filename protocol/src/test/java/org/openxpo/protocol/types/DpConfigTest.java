package org.openxpo.protocol.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DpConfigTest {

    @Test
    void encodesAppSelDataPathIdAndExplicitControl() {
        // SONiC writes (appl << 4) | (first_lane << 1) | ec
        assertEquals(0x10, new DpConfig(1, 0, false).encode());
        assertEquals(0x29, new DpConfig(2, 4, true).encode());
        assertEquals(new DpConfig(2, 4, true), DpConfig.decode(0x29));
        assertEquals(new DpConfig(0, 0, false), DpConfig.decode(0));
    }

    @Test
    void everyByteRoundTrips() {
        for (int b = 0; b < 256; b++) assertEquals(b, DpConfig.decode(b).encode());
    }

    @Test
    void outOfRangeValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DpConfig(16, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new DpConfig(1, 8, false));
        assertThrows(IllegalArgumentException.class, () -> new DpConfig(-1, 0, false));
    }
}
