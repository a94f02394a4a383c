package org.openxpo.protocol.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @ParameterizedTest(name = "lane {0} is bank {1}, index {2}")
    @CsvSource({"1, 0, 0", "8, 0, 7", "9, 1, 0", "17, 2, 0", "64, 7, 7"})
    void aLaneIsItsBankAndItsIndexInTheBank(int lane, int bank, int index) {
        assertEquals(bank, Lanes.bankOf(lane));
        assertEquals(index, Lanes.indexInBank(lane));
        assertEquals(lane, Lanes.lane(bank, index));
    }

    @Test
    void everyLaneRoundTripsAndLanesOutside1To64AreRefused() {
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

    @Test
    void paddleCardACarriesBanks0To3AndCardBBanks4To7() {
        assertEquals(64, Lanes.COUNT);
        for (int bank = 0; bank < Lanes.BANKS; bank++) {
            assertEquals(bank < 4 ? Lanes.CARD_A : Lanes.CARD_B, Lanes.cardOfBank(bank), "bank " + bank);
        }
        assertEquals(Lanes.CARD_A, Lanes.cardOf(32));
        assertEquals(Lanes.CARD_B, Lanes.cardOf(33));
        assertEquals(1, Lanes.firstLaneOfCard(Lanes.CARD_A));
        assertEquals(33, Lanes.firstLaneOfCard(Lanes.CARD_B));
        assertEquals(4, Lanes.firstBankOfCard(Lanes.CARD_B));
        assertEquals(32, Lanes.LANES_PER_CARD);
        assertThrows(IllegalArgumentException.class, () -> Lanes.cardOfBank(8));
        assertThrows(IllegalArgumentException.class, () -> Lanes.firstLaneOfCard(2));
    }

    @Test
    void aBankCarriesEightConsecutiveLanes() {
        BitSet bank2 = new BitSet();
        for (int i = 0; i < Lanes.PER_BANK; i++) bank2.set(Lanes.lane(2, i));
        assertEquals(lanes(17, 18, 19, 20, 21, 22, 23, 24), bank2);
        assertEquals(57, Lanes.firstLane(7));
        assertEquals(3, Lanes.BANKS_SUPPORTED_CODE, "CMIS BanksSupported code of 8 banks");
        assertThrows(IllegalArgumentException.class, () -> Lanes.firstLane(8));
        assertThrows(IllegalArgumentException.class, () -> Lanes.lane(0, 8));
        assertThrows(IllegalArgumentException.class, () -> Lanes.lane(-1, 0));
    }

    private static BitSet lanes(int... numbers) {
        BitSet b = new BitSet();
        for (int n : numbers) b.set(n);
        return b;
    }
}
