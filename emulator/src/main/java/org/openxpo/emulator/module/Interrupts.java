package org.openxpo.emulator.module;

import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.XpoPages;

/**
 * Keeps the interrupt summary consistent with the latched flags: FlagsSummary (00h:4–7, and the XPO bytes in 00h:13),
 * InterruptDeasserted (00h:3.0) and the IntL level. A latched flag asserts the interrupt unless its mask bit is set;
 * each flag byte's mask byte sits at a fixed distance, as the map declares.
 *
 * <p>{@link #update()} runs after every host write to the lower page (page selects included) and every flag change,
 * so it works on the page arrays directly: they are fetched once and fetched again only after a reset replaced them
 * (a reset clears the memory, which gives page B0h a new array: that identity is the check).
 */
final class Interrupts {
    interface Listener {
        void interruptChanged(boolean asserted);
    }

    private static final MemoryMap MAP = MemoryMap.xpo();
    private static final int LOWER_FLAGS = Fields.MODULE_STATE_CHANGED_FLAG.offset();
    private static final int LOWER_FLAGS_END = MAP.field("CustomMonFlags").offset() + 1;
    private static final int LOWER_MASKS = MAP.field("ModuleStateChangedMask").offset();
    private static final int LANE_FLAGS = Fields.LANE_FLAGS_FIRST.offset();
    private static final int LANE_FLAGS_END = Fields.LANE_FLAGS_LAST.offset() + 1;
    private static final int LANE_MASKS = Fields.LANE_MASKS_FIRST.offset();
    private static final int XPO_FLAGS = MAP.field(XpoPages.Monitor.values()[0].flagsField()).offset();
    private static final int XPO_FLAGS_END = Fields.LEAK_FLAG.offset() + 1;
    private static final int XPO_MASKS = MAP.field(XpoPages.Monitor.values()[0].masksField()).offset();
    private static final XpoPages.Monitor[] MONITORS = XpoPages.Monitor.values();
    private static final Field[] MONITOR_FLAGS = new Field[MONITORS.length];
    static {
        for (XpoPages.Monitor m : MONITORS) MONITOR_FLAGS[m.ordinal()] = MAP.field(m.flagsField());
    }

    private final ModuleMemory mem;
    private final byte[] lower;
    private final Listener listener;
    private boolean asserted;
    private byte[] xpo;
    private final byte[][] status = new byte[MemoryMap.BANKS][], control = new byte[MemoryMap.BANKS][];

    Interrupts(ModuleMemory mem, Listener listener) {
        this.mem = mem;
        this.lower = mem.lower();
        this.listener = listener;
    }

    boolean asserted() { return asserted; }

    /** Forgets the level (after a reset the pin is released without an event; the next update reports changes). */
    void resetLevel() { asserted = false; }

    private void pages() {
        byte[] b0 = mem.pageArray(XpoPages.TELEMETRY, 0);
        if (b0 == xpo) return;
        xpo = b0;
        for (int b = 0; b < MemoryMap.BANKS; b++) {
            status[b] = mem.pageArray(0x11, b);
            control[b] = mem.pageArray(0x10, b);
        }
    }

    /** Recomputes summaries and the interrupt level; tells the listener when the level changes. */
    void update() {
        pages();
        byte[] lo = lower;
        boolean unmasked = false;
        for (int a = LOWER_FLAGS; a < LOWER_FLAGS_END; a++) {
            if ((lo[a] & ~lo[a - LOWER_FLAGS + LOWER_MASKS] & 0xFF) != 0) unmasked = true;
        }
        int banks4to7 = 0;
        for (int b = 0; b < MemoryMap.BANKS; b++) {
            byte[] s = status[b];
            byte[] c = control[b];
            boolean set = false;
            for (int a = LANE_FLAGS; a < LANE_FLAGS_END; a++) {
                int f = s[a] & 0xFF;
                if (f == 0) continue;
                set = true;
                if ((f & ~c[a - LANE_FLAGS + LANE_MASKS]) != 0) unmasked = true;
            }
            if (b < 4) Fields.FLAGS_SUMMARY_BANK[b].set(lo, 0, set ? 1 : 0);
            else if (set) banks4to7 |= 1 << (b - 4);
        }
        Fields.FLAGS_SUMMARY_BANKS_4_TO_7.set(lo, 0, banks4to7);

        boolean power = Fields.POWER_GOOD_LOST_FLAG.get(xpo, 0) != 0, cooling = false;
        for (XpoPages.Monitor m : MONITORS) {
            if (MONITOR_FLAGS[m.ordinal()].get(xpo, 0) == 0) continue;
            if (m.isPower()) power = true; else cooling = true;
        }
        Fields.XPO_POWER_SUMMARY.set(lo, 0, power ? 1 : 0);
        Fields.XPO_COOLING_SUMMARY.set(lo, 0, cooling ? 1 : 0);
        Fields.XPO_LEAK_SUMMARY.set(lo, 0, Fields.LEAK_FLAG.get(xpo, 0) | Fields.LEAK_SENSOR_FAULT_FLAG.get(xpo, 0));
        Fields.XPO_MATING_SUMMARY.set(lo, 0, Fields.MATING_WARNING_FLAG.get(xpo, 0));
        for (int a = XPO_FLAGS; a < XPO_FLAGS_END; a++) {
            if ((xpo[a] & ~xpo[a - XPO_FLAGS + XPO_MASKS] & 0xFF) != 0) unmasked = true;
        }

        Fields.INTERRUPT_DEASSERTED.set(lo, 0, unmasked ? 0 : 1);
        if (unmasked != asserted) {
            asserted = unmasked;
            listener.interruptChanged(unmasked);
        }
    }
}
