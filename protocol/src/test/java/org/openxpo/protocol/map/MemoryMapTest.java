package org.openxpo.protocol.map;

import org.openxpo.protocol.types.Lanes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Invariants of the declared map: what the emulator, the driver and the docs all rely on. */
class MemoryMapTest {
    private final MemoryMap map = MemoryMap.xpo();

    @Test
    void everyFieldFitsInItsRegion() {
        for (Field f : map.lowerFields()) {
            assertTrue(f.offset() + f.byteLength() <= 128, f.name() + " runs past byte 127 of the lower page");
        }
        for (PageDef p : map.pages()) {
            for (Field f : p.fields()) {
                assertEquals(p.number(), f.page(), f.name() + " declared on another page");
                assertTrue(f.offset() >= 128 && f.offset() + f.byteLength() <= 256,
                    f.name() + " does not fit bytes 128-255 of page " + p.label());
            }
        }
    }

    @Test
    void noTwoFieldsShareABit() {
        checkNoOverlap("Lower", map.lowerFields());
        for (PageDef p : map.pages()) checkNoOverlap(p.label(), p.fields());
    }

    private static void checkNoOverlap(String region, List<Field> fields) {
        String[][] owner = new String[256][8];
        for (Field f : fields) {
            for (int i = 0; i < f.count(); i++) {
                int n = f.isBitField() ? 1 : f.bytesPerElement();
                int mask = f.isBitField() ? f.elementMask(i) : 0xFF;
                for (int k = 0; k < n; k++) {
                    int at = f.elementOffset(i) + k;
                    for (int b = 0; b < 8; b++) {
                        if ((mask & (1 << b)) == 0) continue;
                        if (owner[at][b] != null) {
                            fail(String.format("%s byte %d bit %d: %s overlaps %s", region, at, b, f.name(), owner[at][b]));
                        }
                        owner[at][b] = f.name();
                    }
                }
            }
        }
    }

    @Test
    void namesAreUniqueAcrossTheMap() {
        List<Field> declared = new ArrayList<>(map.lowerFields());
        map.pages().forEach(p -> declared.addAll(p.fields()));
        Set<String> names = new HashSet<>();
        for (Field f : declared) assertTrue(names.add(f.name()), "duplicate name " + f.name());
        assertEquals(declared.size(), map.fields().size());
    }

    @Test
    void lanePagesHaveEightBanksOf64Lanes() {
        assertEquals(64, Lanes.COUNT);
        for (int page : new int[] {0x10, 0x11, 0x13, 0x14, 0x20, 0x23, 0x24, 0x27, 0x28, 0x2B, 0x2C, 0x2D, 0x2F}) {
            assertEquals(8, map.page(page).orElseThrow().banks());
            for (int bank = 0; bank < 8; bank++) assertTrue(map.supports(page, bank), page + "/" + bank);
            assertFalse(map.supports(page, 8));
            assertFalse(map.supports(page, 255));
            assertFalse(map.supports(page, -1));
        }
    }

    @Test
    void unbankedAndCdbPagesAcceptOnlyBank0() {
        for (PageDef p : map.pages()) {
            if (p.banks() == 8) continue;
            assertTrue(map.supports(p.number(), 0), p.label());
            assertFalse(map.supports(p.number(), 1), p.label() + " bank 1");
        }
        assertFalse(map.page(0x00).orElseThrow().banked());
        assertEquals(1, map.page(0x9F).orElseThrow().banks());
    }

    @Test
    void unimplementedPagesAreNotSelectable() {
        for (int page : new int[] {0x03, 0x04, 0x12, 0x15, 0x2E, 0xB2, 0xFF}) {
            assertFalse(map.supports(page, 0), String.format("%02Xh", page));
        }
        assertThrows(IllegalArgumentException.class, () -> map.rules(0x12, 200));
        assertEquals(map.lowerRules(), map.rules(0x12, 26), "the lower page does not depend on the page select");
    }

    @Test
    void implementedPages() {
        List<Integer> numbers = map.pages().stream().map(PageDef::number).toList();
        assertTrue(numbers.containsAll(List.of(0x00, 0x01, 0x02, 0x10, 0x11, 0x9F, 0xB0, 0xB1)));
        for (int epl = 0xA0; epl <= 0xAF; epl++) assertTrue(numbers.contains(epl));
        assertEquals(numbers.stream().sorted().toList(), numbers, "pages come in ascending order");
    }

    @Test
    void resetValuesFitTheirWidth() {
        for (Field f : map.fields()) {
            assertTrue(f.bitWidth() >= 64 || (f.reset() >>> f.bitWidth()) == 0, f.name() + " reset " + f.reset());
            assertTrue(f.reset() >= 0, f.name());
        }
        assertEquals(1, map.field("InterruptDeasserted").reset(), "IntL deasserted after reset");
        assertEquals(0x10, map.field("DPConfigLane").reset(), "AppSel 1 on every lane by default");
    }

    @Test
    void everyLatchedFlagHasAMaskOnTheSameBits() {
        for (Field flag : map.fields()) {
            if (flag.access() != Access.COR) continue;
            String maskName = flag.name().replace("Flags", "Masks").replace("Flag", "Mask");
            Field mask = map.findField(maskName).orElse(null);
            if (mask == null) fail(flag.name() + " has no mask " + maskName);
            assertEquals(Access.RW, mask.access(), maskName);
            assertEquals(flag.bit(), mask.bit(), maskName);
            assertEquals(flag.bitWidth(), mask.bitWidth(), maskName);
            assertEquals(flag.count(), mask.count(), maskName);
        }
    }

    @Test
    void bankSelectIsFollowedByPageSelect() {
        // a host writes both in one 2-byte write (CMIS 5.3 §8.2.15)
        assertEquals(126, map.field("BankSelect").offset());
        assertEquals(127, map.field("PageSelect").offset());
    }

    @Test
    void fieldsAtFindsTheCoveringFields() {
        assertEquals(List.of("DPState"), names(map.fieldsAt(0x11, 130)));
        assertEquals(List.of("BankBroadcastEnable", "LowPwrAllowRequestHW", "SquelchMethodSelect", "LowPwrRequestSW",
            "SoftwareReset"), names(map.fieldsAt(0x11, 26)));
        assertEquals(List.of(), names(map.fieldsAt(0x11, 236)));
        assertEquals(List.of(), names(map.fieldsAt(0x12, 130)));
    }

    @Test
    void unknownFieldNameIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> map.field("NoSuchField"));
        assertTrue(e.getMessage().contains("NoSuchField"));
        assertTrue(map.findField("NoSuchField").isEmpty());
    }

    private static List<String> names(List<Field> fields) {
        return fields.stream().map(Field::name).toList();
    }
}
