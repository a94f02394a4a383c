package org.openxpo.emulator.module;

import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.map.XpoPages;
import org.openxpo.protocol.types.Lanes;

/**
 * Keeps the interrupt summary consistent with the latched flags: FlagsSummary (00h:4–7: bit0 page 11h, bit2 page 14h,
 * bit3 VDM page 2Ch of each bank; and the XPO bytes in 00h:13),
 * InterruptDeasserted (00h:3.0) and the IntL level. A latched flag asserts the interrupt unless its mask bit is set;
 * which mask belongs to which flag is the map's relation ({@link MemoryMap#maskOf}).
 *
 * <p>{@link #update()} runs after every flag change, every host write to page 10h, 13h, 2Dh or the XPO page, and every host
 * write to lower memory that covers a mask byte ({@link #writesLowerMask}: page selects, the most common write, do
 * not), so it works on the page arrays directly: they are fetched once and fetched again only after a reset replaced them
 * (a reset clears the memory, which gives page B0h a new array: that identity is the check).
 */
final class Interrupts {
    interface Listener {
        void interruptChanged(boolean asserted);
    }

    private static final MemoryMap MAP = MemoryMap.xpo();
    /** Lower-memory flags and their masks (both in lower memory). */
    private static final MaskedFlagBytes LOWER = MaskedFlagBytes.of(MAP, Field::lower);
    /** Lane flags on 11h of each bank, masked on 10h of the same bank. */
    private static final MaskedFlagBytes LANE = MaskedFlagBytes.of(MAP, f -> on(f, Pages.LANE_STATUS));
    /** Diagnostics flags on 14h of each bank, masked on 13h of the same bank. */
    private static final MaskedFlagBytes DIAGNOSTICS = MaskedFlagBytes.of(MAP, f -> on(f, Pages.DIAGNOSTICS_LAST));
    /** VDM flags on 2Ch of each bank, masked on 2Dh of the same bank. */
    private static final MaskedFlagBytes VDM = MaskedFlagBytes.of(MAP, f -> on(f, Pages.VDM_FLAGS));
    /** XPO flags and masks, both on B0h. */
    private static final MaskedFlagBytes XPO = MaskedFlagBytes.of(MAP, f -> on(f, Pages.XPO_TELEMETRY));
    /** CMIS summarises banks 0–3 one field each; the XPO profile adds banks 4–7 as one bit each in 00h:13. */
    private static final Field[] SUMMARY_PER_BANK = {LowerPage.FLAGS_SUMMARY_BANK0, LowerPage.FLAGS_SUMMARY_BANK1,
        LowerPage.FLAGS_SUMMARY_BANK2, LowerPage.FLAGS_SUMMARY_BANK3};
    private static final XpoPages.Monitor[] MONITORS = XpoPages.Monitor.values();

    static {
        for (Field flag : MAP.flagMasks().keySet()) {
            if (!flag.lower() && !on(flag, Pages.LANE_STATUS) && !on(flag, Pages.DIAGNOSTICS_LAST)
                && !on(flag, Pages.VDM_FLAGS) && !on(flag, Pages.XPO_TELEMETRY)) {
                throw new IllegalStateException(flag.name() + " is masked outside lower memory, 11h, 14h, 2Ch and B0h");
            }
        }
    }

    private static boolean on(Field f, int page) { return !f.lower() && f.page() == page; }

    private final ModuleMemory mem;
    private final byte[] lower;
    private final Listener listener;
    private boolean asserted;
    private byte[] xpo;
    private final byte[][] status = new byte[Lanes.BANKS][], control = new byte[Lanes.BANKS][];
    private final byte[][] diagFlags = new byte[Lanes.BANKS][], diagMasks = new byte[Lanes.BANKS][];
    private final byte[][] vdmFlags = new byte[Lanes.BANKS][], vdmMasks = new byte[Lanes.BANKS][];

    Interrupts(ModuleMemory mem, Listener listener) {
        this.mem = mem;
        this.lower = mem.lower();
        this.listener = listener;
    }

    /** True when a host write to lower memory bytes [{@code from}, {@code to}) changes a mask (so maybe IntL). */
    static boolean writesLowerMask(int from, int to) { return LOWER.coversMask(from, to); }

    boolean asserted() { return asserted; }

    /** Forgets the level (after a reset the pin is released without an event; the next update reports changes). */
    void resetLevel() { asserted = false; }

    private void pages() {
        byte[] b0 = mem.pageArray(Pages.XPO_TELEMETRY, 0);
        if (b0 == xpo) return;
        xpo = b0;
        for (int b = 0; b < Lanes.BANKS; b++) {
            status[b] = mem.pageArray(Pages.LANE_STATUS, b);
            control[b] = mem.pageArray(Pages.LANE_CONTROL, b);
            diagFlags[b] = mem.pageArray(Pages.DIAGNOSTICS_LAST, b);
            diagMasks[b] = mem.pageArray(Pages.DIAGNOSTICS_FIRST, b);
            vdmFlags[b] = mem.pageArray(Pages.VDM_FLAGS, b);
            vdmMasks[b] = mem.pageArray(Pages.VDM_MASKS, b);
        }
    }

    /** Recomputes summaries and the interrupt level; tells the listener when the level changes. */
    void update() {
        pages();
        byte[] lo = lower;
        boolean unmasked = LOWER.anyUnmasked(lo, lo);
        int beyondPerBankFields = 0;
        for (int b = 0; b < Lanes.BANKS; b++) {
            boolean lane = LANE.anyLatched(status[b]), diag = DIAGNOSTICS.anyLatched(diagFlags[b]);
            boolean vdm = VDM.anyLatched(vdmFlags[b]);
            if (lane && LANE.anyUnmasked(status[b], control[b])) unmasked = true;
            if (diag && DIAGNOSTICS.anyUnmasked(diagFlags[b], diagMasks[b])) unmasked = true;
            if (vdm && VDM.anyUnmasked(vdmFlags[b], vdmMasks[b])) unmasked = true;
            int summary = (lane ? LowerPage.SUMMARY_LANE_FLAGS : 0) | (diag ? LowerPage.SUMMARY_DIAGNOSTICS_FLAGS : 0)
                | (vdm ? 1 << LowerPage.FLAGS_SUMMARY_VDM_FLAGS_BIT : 0);
            if (b < SUMMARY_PER_BANK.length) SUMMARY_PER_BANK[b].set(lo, 0, summary);
            else if (summary != 0) beyondPerBankFields |= 1 << (b - SUMMARY_PER_BANK.length);
        }
        LowerPage.FLAGS_SUMMARY_BANKS_4_TO_7.set(lo, 0, beyondPerBankFields);

        boolean power = XpoPages.POWER_GOOD_LOST_FLAG.get(xpo, 0) != 0, cooling = false;
        for (XpoPages.Monitor m : MONITORS) {
            if (m.flags().get(xpo, 0) == 0) continue;
            if (m.isPower()) power = true; else cooling = true;
        }
        LowerPage.XPO_POWER_FLAGS_SUMMARY.set(lo, 0, power ? 1 : 0);
        LowerPage.XPO_COOLING_FLAGS_SUMMARY.set(lo, 0, cooling ? 1 : 0);
        long leak = XpoPages.LEAK_FLAG.get(xpo, 0) | XpoPages.LEAK_SENSOR_FAULT_FLAG.get(xpo, 0);
        LowerPage.XPO_LEAK_SUMMARY.set(lo, 0, leak);
        LowerPage.XPO_MATING_CYCLES_SUMMARY.set(lo, 0, XpoPages.MATING_CYCLES_WARNING_FLAG.get(xpo, 0));
        if (XPO.anyUnmasked(xpo, xpo)) unmasked = true;

        LowerPage.INTERRUPT_DEASSERTED.set(lo, 0, unmasked ? 0 : 1);
        if (unmasked != asserted) {
            asserted = unmasked;
            listener.interruptChanged(unmasked);
        }
    }
}
