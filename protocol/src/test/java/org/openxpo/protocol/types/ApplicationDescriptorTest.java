package org.openxpo.protocol.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openxpo.protocol.map.MemoryMap;

class ApplicationDescriptorTest {

    @Test
    void decodesTheFourDescriptorBytes() {
        // Facebook's 400G-LR4 example: 400GAUI-8 / 400G-LR4-10, 8 host + 4 media lanes, start lane 1
        byte[] b = {0x00, 0x11, 0x1E, (byte) 0x84, 0x01};
        ApplicationDescriptor d = ApplicationDescriptor.decode(b, 1);
        assertEquals(new ApplicationDescriptor(0x11, 0x1E, 8, 4, 0x01), d);
        assertEquals(0x111E8401L, d.encode());
    }

    @Test
    void packedFormRoundTripsThroughTheMapField() {
        ApplicationDescriptor d = new ApplicationDescriptor(ApplicationDescriptor.HOST_800GAUI_4,
            ApplicationDescriptor.SMF_800GBASE_DR4, 4, 4, 0x11);
        byte[] window = new byte[256];
        MemoryMap.xpo().field("AppDescriptor").set(window, 2, d.encode());
        assertEquals(d, ApplicationDescriptor.decode(window, 86 + 8));
        assertEquals(d, ApplicationDescriptor.decode(MemoryMap.xpo().field("AppDescriptor").get(window, 2)));
        assertEquals(0x44, window[86 + 10], "host lane count in bits 7-4, media in 3-0");
    }

    @Test
    void startLanesAndRates() {
        ApplicationDescriptor d = new ApplicationDescriptor(ApplicationDescriptor.HOST_1_6TAUI_8,
            ApplicationDescriptor.SMF_1_6TBASE_DR8, 8, 8, 0x01);
        assertTrue(d.mayStartOn(0));
        assertFalse(d.mayStartOn(4));
        assertFalse(d.mayStartOn(8));
        assertEquals(1600, d.gigabits());
        assertEquals("1.6TAUI-8", d.hostInterfaceName());
        assertEquals("1.6TBASE-DR8", d.mediaInterfaceName());
    }

    @Test
    void endOfList() {
        assertTrue(ApplicationDescriptor.decode(0xFF000000L).isEndOfList());
        assertTrue(ApplicationDescriptor.decode(0L).isEndOfList());
        assertFalse(ApplicationDescriptor.decode(0x80730111L).isEndOfList());
    }
}
