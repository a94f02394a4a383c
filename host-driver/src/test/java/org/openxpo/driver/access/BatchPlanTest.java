package org.openxpo.driver.access;

import org.junit.jupiter.api.Test;
import org.openxpo.driver.XpoException;
import org.openxpo.protocol.connector.I2cMessage;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The batch plan without a transport: which transfers a set of reads and writes takes. The expected transfers are
 * spelled out as wire bytes (address 0x50, BankSelect 126, PageSelect 127), as a bus analyser would show them.
 */
class BatchPlanTest {
    static final WriteLimits EXT_15 = WriteLimits.advertised(15), EXT_0 = WriteLimits.advertised(0);

    static I2cMessage write(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) b[i] = (byte) bytes[i];
        return I2cMessage.write(0x50, b);
    }

    @Test
    void readsSelectOnlyWhenThePageOrBankChanges() {
        BatchPlan plan = new BatchPlan(0x11, 2, EXT_15, 2);
        plan.read(0x11, 2, 128, 6);     // selected already
        plan.read(0x11, 3, 128, 6);     // another bank: bank and page
        plan.read(0x00, 0, 3, 1);       // lower page: no select
        plan.read(0x01, 0, 128, 4);     // another page, an unbanked one: bank 0 is written with it
        assertEquals(List.of(
            List.of(write(128), I2cMessage.read(0x50, 6)),
            List.of(write(126, 3, 0x11)),
            List.of(write(128), I2cMessage.read(0x50, 6)),
            List.of(write(3), I2cMessage.read(0x50, 1)),
            List.of(write(126, 0, 0x01)),
            List.of(write(128), I2cMessage.read(0x50, 4))), plan.transfers());
        assertEquals(-1, plan.step(0).select());
        assertEquals(1, plan.step(1).select());
        assertEquals(0x01, plan.endPage());
        assertEquals(0, plan.endBank());
    }

    @Test
    void anUnknownSelectionIsWrittenWithItsBank() {
        BatchPlan plan = new BatchPlan(-1, -1, EXT_15, 2);
        plan.read(0x10, 0, 130, 1);
        assertEquals(List.of(write(126, 0, 0x10)), plan.transfers().getFirst(), "bank written with the page");
    }

    @Test
    void writesAreCutAtTheGeneralLimitAndAtTheCdbLimitTheModuleAdvertised() {
        byte[] sixteen = new byte[16];
        BatchPlan general = new BatchPlan(0x10, 0, EXT_15, 2);
        assertEquals(List.of(8, 8), lengths(general.write(0x10, 0, 213, sixteen)));
        BatchPlan cdb = new BatchPlan(0x9F, 0, EXT_15, 2);
        assertEquals(List.of(120), lengths(cdb.write(0x9F, 0, 136, new byte[120])), "ext 15: the whole LPL at once");
        BatchPlan small = new BatchPlan(0x9F, 0, EXT_0, 2);
        List<BatchPlan.Piece> pieces = small.write(0x9F, 0, 130, new byte[126]);
        assertEquals(16, pieces.size(), "ext 0: header and LPL in 8-byte writes");
        assertTrue(pieces.stream().allMatch(p -> p.length() <= 8));
        assertEquals(126, pieces.stream().mapToInt(BatchPlan.Piece::length).sum());
        assertEquals(130 + 15 * 8, pieces.getLast().at());
    }

    @Test
    void aWriteIsCutAtTheLowerUpperBoundaryAndOnlyItsUpperPartSelects() {
        BatchPlan plan = new BatchPlan(-1, -1, EXT_15, 2);
        List<BatchPlan.Piece> pieces = plan.write(0x9F, 0, 124, new byte[8]);
        assertEquals(List.of(4, 4), lengths(pieces));
        assertEquals(-1, plan.step(pieces.get(0).step()).select(), "the lower part needs no select");
        assertTrue(plan.step(pieces.get(1).step()).select() >= 0);
    }

    @Test
    void aWriteOfPageSelectLeavesTheSelectionUnknown() {
        BatchPlan plan = new BatchPlan(0x11, 0, EXT_15, 2);
        plan.write(0x00, 0, 126, new byte[] {0, 0x02});
        plan.read(0x11, 0, 128, 1);
        assertEquals(List.of(write(126, 0, 0x11)), plan.transfers().get(1), "selected again, bank included");
    }

    @Test
    void everyTransferFitsTwoMessagesAndATransportWithFewerIsRefused() {
        BatchPlan plan = new BatchPlan(-1, -1, EXT_0, 2);
        plan.write(0xA0, 0, 128, new byte[128]);
        plan.read(0x11, 7, 128, 86);
        plan.write(0x9F, 0, 130, new byte[126]);
        assertTrue(plan.transfers().stream().allMatch(t -> t.size() <= 2), "a select, a write or a register read");
        assertThrows(XpoException.Unsupported.class, () -> new BatchPlan(0, 0, EXT_0, 1));
    }

    @Test
    void pagesAndBanksOutsideTheMapAreRefusedWhilePlanning() {
        BatchPlan plan = new BatchPlan(-1, -1, EXT_15, 2);
        assertThrows(XpoException.InvalidRequest.class, () -> plan.read(0x05, 0, 128, 1));
        assertThrows(XpoException.InvalidRequest.class, () -> plan.read(0x10, 8, 128, 1));
        assertTrue(plan.transfers().isEmpty());
    }

    private static List<Integer> lengths(List<BatchPlan.Piece> pieces) {
        return pieces.stream().map(BatchPlan.Piece::length).toList();
    }
}
