package org.openxpo.driver.module;

import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.driver.vdm.AdvertisedVdm;
import org.openxpo.driver.vdm.VdmPageReads;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.time.HostClock;
import org.openxpo.protocol.types.ModuleState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;


/**
 * Reads the latched flags as an interrupt handler does (cmis-digest §4.1): lower bytes 3–13 in one transfer (state,
 * FlagsSummary of banks 0–3 in 4–7, module flags 8–11, the XPO byte 13 with banks 4–7 in bits 7-4 and the B0h
 * summaries in bits 3-0), then page 11h bytes 134–153 of only the banks a summary points at, and page B0h 160–165
 * only when a B0h summary bit is set. A quiet module costs one 11-byte read.
 *
 * <p>IntL is a level: a flag that latched while the reading ran keeps it asserted. So the reading ends by reading
 * 00h:3 again after everything it cleared, as the last transfer of the flag pages' batch (no extra round trip); when
 * it read no flag page, the first transfer's 00h:3 is still true unless that transfer cleared module flags, and only
 * then is 00h:3 read once more on its own.
 */
final class FlagReader {
    private FlagReader() {}

    /** FlagsSummary of banks 0–3 (00h:4–7, bit0: a page 11h flag of the bank is set). */
    static final List<Field> FLAGS_SUMMARY = List.of(LowerPage.FLAGS_SUMMARY_BANK0, LowerPage.FLAGS_SUMMARY_BANK1,
        LowerPage.FLAGS_SUMMARY_BANK2, LowerPage.FLAGS_SUMMARY_BANK3);
    /** The XPO summaries of page B0h's flags (00h:13 bits 3-0). */
    static final List<Field> XPO_SUMMARY = List.of(LowerPage.XPO_MATING_CYCLES_SUMMARY, LowerPage.XPO_LEAK_SUMMARY,
        LowerPage.XPO_COOLING_FLAGS_SUMMARY, LowerPage.XPO_POWER_FLAGS_SUMMARY);
    private static final List<Field> LOWER_FIELDS = LatchedFields.with(LatchedFields.with(
        List.of(LowerPage.MODULE_STATE, LowerPage.INTERRUPT_DEASSERTED, LowerPage.FLAGS_SUMMARY_BANKS_4_TO_7), FLAGS_SUMMARY),
        LatchedFields.with(XPO_SUMMARY, LatchedFields.lower()));
    private static final List<Field> LANE_FLAGS = LatchedFields.of(Pages.LANE_STATUS);
    private static final List<Field> XPO_FLAGS = LatchedFields.of(Pages.XPO_TELEMETRY);
    private static final List<Field> DIAG_FLAGS = LatchedFields.of(Pages.DIAGNOSTICS_LAST);
    private static final List<Field> LOWER_LATCHED = LatchedFields.lower();
    /** 00h:3 read last, after the flag pages: is the interrupt still asserted. */
    private static final RegisterAccess.FieldRead INTERRUPT_AFTER =
        new RegisterAccess.FieldRead(Pages.LOWER_MEMORY, 0, List.of(LowerPage.INTERRUPT_DEASSERTED));
    /** The first read of every reading: 00h:3–13 (state, interrupt, summaries, module flags). */
    private static final RegisterAccess.FieldRead LOWER_READ = new RegisterAccess.FieldRead(Pages.LOWER_MEMORY, 0, LOWER_FIELDS);

    static FlagReading read(RegisterAccess access, Identity id, HostClock clock) { return read(access, id, clock, null); }

    /**
     * As above; with {@code vdm} (the module's VDM layout, null: none) also page 2Ch of the banks whose summary points
     * at VDM flags (FlagsSummary bit 3; for banks 4–7 of an XPO module the bank's bit in 00h:13), in the same batch.
     */
    static FlagReading read(RegisterAccess access, Identity id, HostClock clock, AdvertisedVdm vdm) {
        PendingFlagReading r = new PendingFlagReading(access, id, clock.instant(), vdm);
        r.lowerRead(access.readFields(Pages.LOWER_MEMORY, 0, LOWER_FIELDS));
        return r.finish(r.pageGroups().isEmpty() ? List.of() : access.readFields(r.pageGroups()));
    }

    /**
     * {@link #read} started from the transport's event thread without waiting: the lower page's read leaves at once and
     * the flag pages' batch as soon as its answer is in, both from that thread ({@link RegisterAccess#readFieldsAsync}).
     */
    static CompletableFuture<PendingFlagReading> start(RegisterAccess access, Identity id, HostClock clock, AdvertisedVdm vdm) {
        PendingFlagReading r = new PendingFlagReading(access, id, clock.instant(), vdm);
        return access.readFieldsAsync(List.of(LOWER_READ)).thenCompose(lower -> {
            if (!lower.ready()) return CompletableFuture.completedFuture(r.lowerLater(lower));
            r.lowerRead(lower.finish().getFirst());
            if (r.pageGroups().isEmpty()) return CompletableFuture.completedFuture(r);
            return access.readFieldsAsync(r.pageGroups()).thenApply(r::pagesLater);
        });
    }

    /** The pages the summaries in {@code lo} point at, as groups of one batch: bank flags, VDM, diagnostics, B0h. */
    static Plan plan(byte[] lo, Identity id, AdvertisedVdm vdm) {
        List<RegisterAccess.FieldRead> groups = new ArrayList<>();
        List<Integer> flaggedBanks = new ArrayList<>();
        int banks = id.flatMemory() ? 0 : id.banks();  // flat memory has no lane pages
        for (int bank = 0; bank < banks; bank++) {
            if (!flagged(lo, bank, id)) continue;
            groups.add(new RegisterAccess.FieldRead(Pages.LANE_STATUS, bank, LANE_FLAGS));
            flaggedBanks.add(bank);
        }
        List<RegisterAccess.FieldRead> vdmReads = new ArrayList<>();
        for (int bank = 0; vdm != null && bank < Math.min(banks, vdm.banks()); bank++) {
            if (!vdmFlagged(lo, bank, id)) continue;  // the summary first: planning a bank's read scans its layout
            RegisterAccess.FieldRead r = VdmPageReads.flags(vdm, bank);
            if (r != null) vdmReads.add(r);
        }
        groups.addAll(vdmReads);
        List<Integer> diagBanks = new ArrayList<>();
        for (int bank = 0; id.advertised().diagnostics() && bank < banks; bank++) {
            if (!diagnosticsFlagged(lo, bank, id)) continue;
            groups.add(new RegisterAccess.FieldRead(Pages.DIAGNOSTICS_LAST, bank, DIAG_FLAGS));
            diagBanks.add(bank);
        }
        boolean xpoFlagged = id.xpo() && XPO_SUMMARY.stream().anyMatch(s -> s.get(lo, 0) != 0);
        if (xpoFlagged) groups.add(new RegisterAccess.FieldRead(Pages.XPO_TELEMETRY, 0, XPO_FLAGS));
        if (!groups.isEmpty()) groups.add(INTERRUPT_AFTER);
        return new Plan(List.copyOf(groups), flaggedBanks, vdmReads, diagBanks, xpoFlagged);
    }

    /** What {@link #plan} chose to read, to decode the windows of its batch by. */
    record Plan(List<RegisterAccess.FieldRead> groups, List<Integer> flaggedBanks,
                List<RegisterAccess.FieldRead> vdmReads, List<Integer> diagBanks, boolean xpoFlagged) {}

    /**
     * The reading from the lower page {@code lo} and the windows of {@code plan}'s batch; what is left needs at most a
     * read of 00h:3 (module flags cleared with no page read) and of the fault cause (in ModuleFault).
     */
    static FlagReading decode(RegisterAccess access, Instant time, byte[] lo, Plan plan, AdvertisedVdm vdm,
                              List<byte[]> windows) {
        List<Alarm> alarms = new ArrayList<>(AlarmCatalog.decodeLower(lo));
        List<Integer> flaggedBanks = plan.flaggedBanks();
        for (int k = 0; k < flaggedBanks.size(); k++) {
            alarms.addAll(AlarmCatalog.decodeBank(windows.get(k), flaggedBanks.get(k)));
        }
        for (int k = 0; k < plan.vdmReads().size(); k++) {
            int bank = plan.vdmReads().get(k).bank();
            alarms.addAll(AlarmCatalog.decodeVdm(VdmPageReads.decodeFlags(vdm, bank, windows.get(flaggedBanks.size() + k))));
        }
        int firstDiag = flaggedBanks.size() + plan.vdmReads().size();
        for (int k = 0; k < plan.diagBanks().size(); k++) {
            alarms.addAll(AlarmCatalog.decodeDiagnostics(windows.get(firstDiag + k), plan.diagBanks().get(k)));
        }
        if (plan.xpoFlagged()) alarms.addAll(AlarmCatalog.decodeXpo(windows.get(windows.size() - 2)));
        boolean pagesRead = !plan.groups().isEmpty();
        int reads = 1 + plan.groups().size();
        boolean interruptAsserted;
        if (pagesRead) {
            interruptAsserted = asserted(windows.getLast());
        } else if (LOWER_LATCHED.stream().anyMatch(f -> f.get(lo, 0) != 0)) {
            interruptAsserted = access.get(LowerPage.INTERRUPT_DEASSERTED) == 0;  // this read cleared what it found
            reads++;
        } else {
            interruptAsserted = asserted(lo);
        }
        ModuleState state = ModuleState.fromCode((int) LowerPage.MODULE_STATE.get(lo, 0));
        int fault = 0;
        if (state == ModuleState.FAULT) {
            fault = (int) access.get(LowerPage.MODULE_FAULT_CAUSE);
            reads++;
        }
        return new FlagReading(time, state, fault, List.copyOf(alarms), reads, interruptAsserted);
    }

    private static boolean asserted(byte[] lower) { return LowerPage.INTERRUPT_DEASSERTED.get(lower, 0) == 0; }

    /** FlagsSummary bit 2 (page 14h) for banks 0–3; for banks 4–7 as {@link #flagged}. */
    private static boolean diagnosticsFlagged(byte[] lo, int bank, Identity id) {
        if (bank < FLAGS_SUMMARY.size()) return (FLAGS_SUMMARY.get(bank).get(lo, 0) & LowerPage.SUMMARY_DIAGNOSTICS_FLAGS) != 0;
        return flagged(lo, bank, id);
    }

    /** FlagsSummary bit 3 (page 2Ch) for banks 0–3; for banks 4–7 as {@link #flagged}. */
    private static boolean vdmFlagged(byte[] lo, int bank, Identity id) {
        if (bank < FLAGS_SUMMARY.size()) return (FLAGS_SUMMARY.get(bank).get(lo, 0) & LowerPage.SUMMARY_VDM_FLAGS) != 0;
        return flagged(lo, bank, id);
    }

    /**
     * FlagsSummary bit0 (page 11h) for banks 0–3; 00h:13 bit 4+(b−4) for banks 4–7 of an XPO module. A non-XPO module
     * with more than 4 banks has no summary for them (byte 13 is custom), so those banks are always read.
     */
    private static boolean flagged(byte[] lo, int bank, Identity id) {
        if (bank < FLAGS_SUMMARY.size()) return (FLAGS_SUMMARY.get(bank).get(lo, 0) & 1) != 0;
        return !id.xpo() || ((LowerPage.FLAGS_SUMMARY_BANKS_4_TO_7.get(lo, 0) >>> (bank - FLAGS_SUMMARY.size())) & 1) != 0;
    }
}
