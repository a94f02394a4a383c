package org.openxpo.protocol.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.openxpo.protocol.units.Unit;

/** Field.get/set against the byte layout CMIS prescribes, using the real declarations. */
class FieldTest {
    private final MemoryMap map = MemoryMap.xpo();
    private final byte[] window = new byte[256];

    @Test
    void byteField() {
        Field f = map.field("CdbLplLength");
        f.set(window, 0, 0x78);
        assertEquals(0x78, window[132]);
        assertEquals(0x78, f.get(window, 0));
    }

    @Test
    void multiByteFieldIsBigEndian() {
        Field f = map.field("TempMonValue");
        f.set(window, 0, 0x1234);
        assertEquals(0x12, window[14]);
        assertEquals(0x34, window[15]);
        assertEquals(0x1234, f.get(window, 0));
        f.setValue(window, 0, -1.0);
        assertEquals(0xFF00, f.get(window, 0));
        assertEquals(-1.0, f.value(window, 0));

        Field password = map.field("PasswordEntry");
        password.set(window, 0, 0xDEADBEEFL);
        assertArrayEquals(new byte[] {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF},
            java.util.Arrays.copyOfRange(window, 122, 126));
        assertEquals(0xDEADBEEFL, password.get(window, 0));
    }

    @Test
    void perLaneWordsFollowEachOther() {
        Field f = map.field("OpticalPowerTx");
        f.set(window, 7, 0xABCD);
        assertEquals((byte) 0xAB, window[154 + 14]);
        assertEquals((byte) 0xCD, window[154 + 15]);
        assertEquals(168, f.elementOffset(7));
        assertEquals(0xABCD, f.get(window, 7));
        assertEquals(0, f.get(window, 6));
    }

    @Test
    void nibblePerLanePacksLane1InTheLowBits() {
        Field f = map.field("DPState");
        f.set(window, 0, 4); // lane 1: bits 3-0 of 128
        f.set(window, 1, 7); // lane 2: bits 7-4 of 128
        f.set(window, 2, 2); // lane 3: bits 3-0 of 129
        f.set(window, 7, 0xF);
        assertEquals(0x74, window[128] & 0xFF);
        assertEquals(0x02, window[129] & 0xFF);
        assertEquals(0xF0, window[131] & 0xFF);
        assertEquals(4, f.get(window, 0));
        assertEquals(7, f.get(window, 1));
        assertEquals(2, f.get(window, 2));
        f.set(window, 1, 1);
        assertEquals(0x14, window[128] & 0xFF, "setting lane 2 leaves lane 1 alone");
        assertEquals(0xF0, f.elementMask(1));
    }

    @Test
    void bitPerLane() {
        Field f = map.field("OutputDisableTx");
        f.set(window, 0, 1);
        f.set(window, 5, 1);
        assertEquals(0x21, window[130] & 0xFF);
        f.set(window, 0, 0);
        assertEquals(0x20, window[130] & 0xFF);
        assertEquals(1, f.get(window, 5));
        assertEquals(0, f.get(window, 4));
    }

    @Test
    void bitRangeInsideAByte() {
        Field state = map.field("ModuleState");
        window[3] = 0x01; // InterruptDeasserted
        state.set(window, 0, 3);
        assertEquals(0x07, window[3]);
        assertEquals(3, state.get(window, 0));
        state.set(window, 0, 0xFF); // wider than 3 bits: only its own bits change
        assertEquals(0x0F, window[3]);
    }

    @Test
    void asciiIsSpacePaddedAndTrimmedOnRead() {
        Field f = map.field("VendorRev");
        f.setText(window, "A");
        assertEquals('A', window[164]);
        assertEquals(' ', window[165]);
        assertEquals("A", f.text(window));
        map.field("VendorName").setText(window, "OpenXPO emulated module"); // longer than 16: cut
        assertEquals("OpenXPO emulated", map.field("VendorName").text(window));
    }

    @Test
    void elementIndexIsChecked() {
        assertThrows(IndexOutOfBoundsException.class, () -> map.field("DPState").get(window, 8));
        assertThrows(IndexOutOfBoundsException.class, () -> map.field("TempMonValue").get(window, 1));
    }

    @Test
    void badDeclarationsAreRejected() {
        assertThrows(IllegalArgumentException.class,
            () -> new Field("X", 0x10, 255, 0, 16, 1, Access.RO, Unit.RAW, 0, "runs past 255"));
        assertThrows(IllegalArgumentException.class,
            () -> new Field("X", 0x10, 128, 0, 3, 8, Access.RO, Unit.RAW, 0, "3-bit elements straddle bytes"));
        assertThrows(IllegalArgumentException.class,
            () -> new Field("X", 0x10, 128, 6, 4, 1, Access.RO, Unit.RAW, 0, "bits 9-6 straddle bytes"));
    }

    @Test
    void locationUsesTheDocNotation() {
        assertEquals("Lower:26.4", map.field("LowPwrRequestSW").location());
        assertEquals("Lower:3.3-1", map.field("ModuleState").location());
        assertEquals("11h:128-131", map.field("DPState").location());
        assertEquals("11h:154-169", map.field("OpticalPowerTx").location());
    }
}
