package org.openxpo.protocol.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.BitSet;

class LanesTest {

    @Test
    void parsesRangesSinglesAndLists() {
        assertEquals(lanes(1, 2, 3, 4, 5, 6, 7, 8), Lanes.parse("1-8"));
        assertEquals(lanes(5), Lanes.parse("5"));
        assertEquals(lanes(1, 2, 3, 4, 5, 6, 7, 8, 17), Lanes.parse("1-8,17"));
        assertEquals(lanes(63, 64), Lanes.parse(" 63 - 64 "));
        assertEquals(64, Lanes.parse("1-64").cardinality());
    }

    @Test
    void rejectsLanesOutsideTheModuleAndMalformedLists() {
        assertMessage("0", "lane 0 is outside 1-64");
        assertMessage("65", "lane 65 is outside 1-64");
        assertMessage("8-1", "runs backwards");
        assertMessage("x", "'x' is not a lane number");
        assertMessage("1-2-3", "bad lane range");
        assertMessage("", "empty lane list");
        assertMessage("1,,2", "is not a lane number");
    }

    private static void assertMessage(String spec, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lanes.parse(spec));
        assertTrue(e.getMessage().contains(expected), "'" + spec + "': " + e.getMessage());
    }

    @Test
    void bankArithmetic() {
        assertEquals(0, Lanes.bankOf(1));
        assertEquals(0, Lanes.bankOf(8));
        assertEquals(1, Lanes.bankOf(9));
        assertEquals(7, Lanes.bankOf(64));
        assertEquals(0, Lanes.indexInBank(9));
        assertEquals(7, Lanes.indexInBank(64));
        assertEquals(17, Lanes.lane(2, 0));
        assertEquals(64, Lanes.lane(7, 7));
        for (int lane = 1; lane <= 64; lane++) {
            assertEquals(lane, Lanes.lane(Lanes.bankOf(lane), Lanes.indexInBank(lane)));
        }
        assertThrows(IllegalArgumentException.class, () -> Lanes.bankOf(0));
        assertThrows(IllegalArgumentException.class, () -> Lanes.indexInBank(65));
    }

    @Test
    void bankMaskPicksTheLanesOfOneBank() {
        BitSet set = Lanes.parse("1-8,17,24,64");
        assertEquals(0xFF, Lanes.bankMask(set, 0));
        assertEquals(0, Lanes.bankMask(set, 1));
        assertEquals(0x81, Lanes.bankMask(set, 2));
        assertEquals(0x80, Lanes.bankMask(set, 7));
    }

    private static BitSet lanes(int... numbers) {
        BitSet b = new BitSet();
        for (int n : numbers) b.set(n);
        return b;
    }
}
