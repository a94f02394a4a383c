package org.openxpo.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openxpo.conformance.support.TargetConditions;
import org.openxpo.protocol.cdb.CdbPage;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.LaneControlPage;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.map.PageDef;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.map.VdmPages;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.openxpo.conformance.support.Host.*;

/**
 * Page and bank selection and the memory rules of the XPO profile, with raw I2C transfers where the rule is about the
 * bus (what 126/127 read back, sequential reads, write limits): every implemented page and all 8 banks, unsupported
 * pages and banks revert to 0, the bank is ignored for unbanked pages and applies when 127 is written.
 */
@Tag(TargetConditions.CDB_ACCESS)
abstract class PagingChecks extends Checks {
    private static final int ADDR = ManagementInterface.I2C_ADDRESS;
    /** 10h:231 RxPowerLowWarningMask: a harmless RW byte that exists once per bank (a mask of a warning). */
    private static final int MASK_BYTE = 231;

    @AfterEach
    void backToPage0() {
        raw(I2cMessage.write(ADDR, (byte) 126, (byte) 0, (byte) 0));
        host.access().invalidate();
    }

    @AfterAll
    void clearMasks() {
        for (int b = 0; b < BANKS; b++) host.write(Pages.LANE_CONTROL, b, MASK_BYTE, 0);
        host.write(Pages.LANE_CONTROL, 0, 213, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    static Stream<Named<Integer>> pages() { return MAP.pages().stream().map(d -> hex(d.number())); }

    static Stream<Named<Integer>> unsupportedPages() { return IntStream.of(0x03, 0x04, 0x12, 0x2E, 0xC0).mapToObj(PagingChecks::hex); }

    private static Named<Integer> hex(int page) { return Named.of(String.format("%02Xh", page), page); }

    /**
     * True when the module has {@code page}: every page of the map but the EPL pages beyond those 01h:163 advertises
     * (a module without EPL writes has none), and the VDM pages beyond what 01h:142.6 and 2Fh:128 advertise.
     */
    private boolean advertised(int page) {
        if (page >= Pages.VDM_FIRST && page <= Pages.VDM_LAST) {
            if (host.get(AdminPages.VDM_PAGES_SUPPORTED) == 0) return false;
            return !VdmPages.pagesBeyond((int) host.get(VdmPages.GROUPS_SUPPORTED) + 1).contains(page);
        }
        if (!Pages.isCdb(page) || page == CdbPage.PAGE) return true;
        return page - CdbPage.EPL_FIRST_PAGE < CdbPage.eplPageCount((int) host.get(AdminPages.CDB_MAX_PAGES_EPL));
    }

    @ParameterizedTest(name = "page {0}")
    @MethodSource("pages")
    void implementedPageIsSelectedAndReadBack(int page) {
        assumeTrue(advertised(page), String.format("page %02Xh: the module advertises fewer EPL pages", page));
        select(0, page);
        byte[] sel = rawRead(126, 2);
        assertEquals(page, sel[1] & 0xFF, String.format("PageSelect (127) must read back %02Xh", page));
        assertEquals(0, sel[0] & 0xFF, "BankSelect (126) stays 0");
        byte[] upper = rawRead(128, 128);
        assertEquals(128, upper.length);
        if (page != 0x00) {
            // the upper page is that page, not page 00h in disguise (00h:128 is the identifier copy)
            byte[] p00 = host.read(Pages.ADMINISTRATIVE, 0, 128, 128);
            host.access().invalidate();
            select(0, page);
            assertFalse(Arrays.equals(p00, rawRead(128, 128)),
                String.format("page %02Xh shows the same 128 bytes as page 00h", page));
        }
    }

    static IntStream banks() { return IntStream.range(0, BANKS); }

    @ParameterizedTest(name = "bank {0}")
    @MethodSource("banks")
    void laneBankIsSelectedAndKeepsItsOwnControls(int bank) {
        int pattern = 0x40 | (bank << 1) | 1;
        select(bank, 0x10);
        assertEquals(bank, rawRead(126, 1)[0] & 0xFF, "BankSelect must read back " + bank + " with page 10h");
        rawWrite(MASK_BYTE, pattern);
        assertEquals(pattern, rawRead(MASK_BYTE, 1)[0] & 0xFF, "10h:" + MASK_BYTE + " bank " + bank + " read back");
        int other = (bank + 1) % BANKS;
        select(other, 0x10);
        assertEquals(0, rawRead(MASK_BYTE, 1)[0] & 0xFF, "bank " + other + " must not see the byte written in bank " + bank);
        select(bank, 0x11);
        assertEquals(bank, rawRead(126, 1)[0] & 0xFF, "BankSelect must read back " + bank + " with page 11h");
        select(bank, 0x10);
        rawWrite(MASK_BYTE, 0);
    }

    @ParameterizedTest(name = "page {0}")
    @MethodSource("unsupportedPages")
    void unsupportedPageReadsBackZeroAndShowsPage00h(int page) {
        byte[] p00 = host.read(Pages.ADMINISTRATIVE, 0, 128, 16);
        host.access().invalidate();
        List<I2cResult> r = raw(I2cMessage.write(ADDR, (byte) 127, (byte) page));
        assertTrue(r.getFirst().ok(), String.format("selecting unsupported page %02Xh must be ACKed (the profile "
            + "reverts, it does not NACK)", page));
        assertEquals(0, rawRead(127, 1)[0] & 0xFF, String.format("PageSelect must read back 0 after selecting "
            + "unsupported page %02Xh", page));
        assertArrayEquals(p00, rawRead(128, 16), "the upper page must then be page 00h");
    }

    @Test
    void eplPagesTheModuleDoesNotAdvertiseRevertToPage00h() {
        List<Integer> absent = CdbPage.eplPages().stream().filter(p -> !advertised(p)).toList();
        assumeTrue(!absent.isEmpty(), "the module advertises all 16 EPL pages (01h:163)");
        for (int page : absent) {
            assertTrue(raw(I2cMessage.write(ADDR, (byte) 127, (byte) page)).getFirst().ok(),
                String.format("selecting EPL page %02Xh must be ACKed", page));
            assertEquals(0, rawRead(127, 1)[0] & 0xFF, String.format("PageSelect must read back 0 after selecting EPL "
                + "page %02Xh, which 01h:163 does not advertise", page));
        }
    }

    @ParameterizedTest(name = "bank {0}")
    @ValueSource(ints = {8, 0xFF})
    void unsupportedBankOfALanePageReadsBackZero(int bank) {
        byte[] bank0 = host.read(Pages.LANE_STATUS, 0, 206, 8);
        host.access().invalidate();
        List<I2cResult> r = raw(I2cMessage.write(ADDR, (byte) 126, (byte) bank, (byte) Pages.LANE_STATUS));
        assertTrue(r.getFirst().ok(), "selecting bank " + bank + " must be ACKed");
        byte[] sel = rawRead(126, 2);
        assertEquals(0, sel[0] & 0xFF, "BankSelect must read back 0 after selecting unsupported bank " + bank);
        assertEquals(Pages.LANE_STATUS, sel[1] & 0xFF, "page 11h stays selected");
        assertArrayEquals(bank0, rawRead(206, 8), "bank 0 of page 11h must be shown");
    }

    @Test
    void cdbPagesHaveOnlyBank0() {
        select(1, Pages.CDB);
        byte[] sel = rawRead(126, 2);
        assertEquals(0, sel[0] & 0xFF, "9Fh has bank 0 only (one CDB instance): BankSelect must read back 0");
        assertEquals(Pages.CDB, sel[1] & 0xFF);
    }

    @Test
    void bankSelectIsIgnoredForUnbankedPages() {
        byte[] p01 = host.read(Pages.ADVERTISING, 0, 128, 32);
        host.access().invalidate();
        select(5, 0x01);
        byte[] sel = rawRead(126, 2);
        assertEquals(5, sel[0] & 0xFF, "126 keeps the bank written with an unbanked page (it is ignored, not reverted)");
        assertEquals(Pages.ADVERTISING, sel[1] & 0xFF);
        assertArrayEquals(p01, rawRead(128, 32), "page 01h must read the same whatever bank is selected");
    }

    @Test
    void bankTakesEffectWhenPageSelectIsWritten() {
        select(6, 0x10);
        rawWrite(MASK_BYTE, 0x5A);
        select(0, 0x10);
        raw(I2cMessage.write(ADDR, (byte) 126, (byte) 6));
        assertEquals(0, rawRead(MASK_BYTE, 1)[0] & 0xFF, "writing 126 alone must not switch the bank yet (bank 0 shown)");
        raw(I2cMessage.write(ADDR, (byte) 127, (byte) Pages.LANE_CONTROL));
        assertEquals(0x5A, rawRead(MASK_BYTE, 1)[0] & 0xFF, "writing 127 must apply the pending bank 6");
        rawWrite(MASK_BYTE, 0);
    }

    @Test
    void lowerPageLooksTheSameWhateverPageIsSelected() {
        select(0, 0x00);
        byte[] a = rawRead(0, 3), aApps = rawRead(85, 33);
        select(7, 0x11);
        byte[] b = rawRead(0, 3), bApps = rawRead(85, 33);
        select(0, Pages.XPO_TELEMETRY);
        byte[] c = rawRead(0, 3), cApps = rawRead(85, 33);
        assertArrayEquals(a, b, "lower bytes 0-2 with page 11h bank 7 selected");
        assertArrayEquals(a, c, "lower bytes 0-2 with page B0h selected");
        assertArrayEquals(aApps, bApps, "lower bytes 85-117 with page 11h bank 7 selected");
        assertArrayEquals(aApps, cApps, "lower bytes 85-117 with page B0h selected");
    }

    @Test
    void sequentialReadWrapsFrom255To128OfTheSamePage() {
        byte[] p = host.read(Pages.THRESHOLDS, 0, 128, 128);
        host.access().invalidate();
        select(0, 0x02);
        byte[] r = rawRead(254, 4);
        assertArrayEquals(new byte[] {p[126], p[127], p[0], p[1]}, r,
            "a read from 254 must continue at 128 of the same page (02h)");
    }

    @Test
    void sequentialReadRunsFrom127IntoTheUpperPage() {
        byte[] p = host.read(Pages.THRESHOLDS, 0, 128, 2);
        host.access().invalidate();
        select(0, 0x02);
        byte[] r = rawRead(126, 4);
        assertArrayEquals(new byte[] {0, 0x02, p[0], p[1]}, r, "a read from 126 must run into page 02h at 128");
    }

    @Test
    void writeOfMoreThan8BytesIsRefusedAndWritesNothing() {
        select(0, 0x10);
        byte[] nine = new byte[10];
        nine[0] = (byte) 213;
        for (int i = 1; i < nine.length; i++) nine[i] = (byte) (0x10 + i);
        List<I2cResult> r = raw(I2cMessage.write(ADDR, nine));
        assertFalse(r.getFirst().ok(), "a 9-byte write must be refused (CMIS write limit 8 bytes)");
        assertArrayEquals(new byte[9], rawRead(213, 9), "a refused write must leave every byte unchanged");
        byte[] eight = Arrays.copyOf(nine, 9);
        assertTrue(raw(I2cMessage.write(ADDR, eight)).getFirst().ok(), "an 8-byte write must be accepted");
        assertArrayEquals(Arrays.copyOfRange(eight, 1, 9), rawRead(213, 8), "the 8 bytes must be written");
        byte[] zero = new byte[9];
        zero[0] = (byte) 213;
        assertTrue(raw(I2cMessage.write(ADDR, zero)).getFirst().ok());
    }

    @Test
    void readOnlyBytesKeepTheirValueWhenWritten() {
        byte[] lower1 = rawRead(1, 1);
        raw(I2cMessage.write(ADDR, (byte) 1, (byte) 0x00));
        assertArrayEquals(lower1, rawRead(1, 1), "00h:1 (CMIS revision, RO) changed after a write");
        select(0, 0x01);
        byte[] hw = rawRead(130, 2);
        raw(I2cMessage.write(ADDR, (byte) 130, (byte) (hw[0] ^ 0xFF), (byte) (hw[1] ^ 0xFF)));
        assertArrayEquals(hw, rawRead(130, 2), "01h:130-131 (hardware revision, RO) changed after a write");
    }

    @Test
    void reservedBytesReadZeroAndIgnoreWrites() {
        select(0, 0x10);
        raw(I2cMessage.write(ADDR, (byte) 133, (byte) 0x5A));
        assertEquals(0, rawRead(133, 1)[0] & 0xFF, "10h:133 is reserved: reads 0 even after a write");
        raw(I2cMessage.write(ADDR, (byte) 12, (byte) 0xA5));
        assertEquals(0, rawRead(12, 1)[0] & 0xFF, "lower byte 12 is reserved: reads 0 even after a write");
    }

    @Test
    void writeOnlySelfClearingBitsReadZero() {
        assertEquals(0, host.get(LowerPage.SOFTWARE_RESET), "00h:26.3 SoftwareReset reads 0");
        assertEquals(0, host.laneBits(LaneControlPage.APPLY_DP_INIT, 0), "10h:143 ApplyDPInit reads 0");
        assertEquals(0, host.laneBits(LaneControlPage.APPLY_IMMEDIATE, 3), "10h:144 ApplyImmediate reads 0");
        assertEquals(0, host.u8(Pages.LOWER_MEMORY, 0, 122), "00h:122 PasswordEntry reads 0");
    }

    @Test
    void registerByteAloneSetsTheReadPointer() {
        select(0, 0x02);
        byte[] want = rawRead(130, 3);
        assertTrue(raw(I2cMessage.write(ADDR, (byte) 130)).getFirst().ok(), "a write of the register byte alone");
        List<I2cResult> r = raw(I2cMessage.read(ADDR, 3));
        assertTrue(r.getFirst().ok(), "a read without a register byte");
        assertArrayEquals(want, r.getFirst().data(), "the read must continue at the register written before (02h:130)");
    }

    @Test
    void everyPageAndBankReadsWhole() {
        int reads = 0, absent = 0, lanePages = 0;
        for (PageDef def : MAP.pages()) {
            if (!advertised(def.number())) {
                absent++;
                continue;
            }
            int banks = def.banked() ? Math.max(1, def.banks()) : 1;
            if (banks == BANKS) lanePages++;
            for (int b = 0; b < banks; b++) {
                select(b, def.number());
                byte[] sel = rawRead(126, 2);
                assertEquals(def.number(), sel[1] & 0xFF, String.format("page %02Xh bank %d: PageSelect", def.number(), b));
                assertEquals(b, sel[0] & 0xFF, String.format("page %02Xh bank %d: BankSelect", def.number(), b));
                assertEquals(128, rawRead(128, 128).length);
                reads++;
            }
        }
        assertTrue(lanePages >= 2, "the lane pages 10h and 11h (and the advertised 13h/14h, VDM) are banked");
        assertEquals(MAP.pages().size() - absent + lanePages * (BANKS - 1), reads, "pages × banks read");
    }

    // ------------------------------------------------------------------ raw bus

    private List<I2cResult> raw(I2cMessage... messages) {
        host.access().invalidate();
        return t.transport().i2c(List.of(messages));
    }

    private void select(int bank, int page) {
        List<I2cResult> r = raw(I2cMessage.write(ADDR, (byte) 126, (byte) bank, (byte) page));
        assertTrue(r.getFirst().ok(), String.format("select bank %d page %02Xh: %s", bank, page, r.getFirst().status()));
    }

    private byte[] rawRead(int offset, int n) {
        List<I2cResult> r = raw(I2cMessage.write(ADDR, (byte) offset), I2cMessage.read(ADDR, n));
        assertTrue(r.get(0).ok() && r.get(1).ok(), "read " + n + " bytes at " + offset + ": " + r.get(0).status()
            + "/" + r.get(1).status());
        return r.get(1).data();
    }

    private void rawWrite(int offset, int value) {
        List<I2cResult> r = raw(I2cMessage.write(ADDR, (byte) offset, (byte) value));
        assertTrue(r.getFirst().ok(), "write at " + offset + ": " + r.getFirst().status());
    }
}
