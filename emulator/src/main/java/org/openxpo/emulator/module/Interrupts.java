package org.openxpo.emulator.module;

import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.XpoPages;

/**
 * Keeps the interrupt summary consistent with the latched flags: FlagsSummary (00h:4–7, and the XPO bytes in 00h:13),
 * InterruptDeasserted (00h:3.0) and the IntL level. A latched flag asserts the interrupt unless its mask bit is set;
 * each flag byte's mask byte sits at a fixed distance, as the map declares.
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

    private final ModuleMemory mem;
    private final Listener listener;
    private boolean asserted;

    Interrupts(ModuleMemory mem, Listener listener) {
        this.mem = mem;
        this.listener = listener;
    }

    boolean asserted() { return asserted; }

    /** Forgets the level (after a reset the pin is released without an event; the next update reports changes). */
    void resetLevel() { asserted = false; }

    /** Recomputes summaries and the interrupt level; tells the listener when the level changes. */
    void update() {
        byte[] lo = mem.lower();
        boolean unmasked = false;
        for (int a = LOWER_FLAGS; a < LOWER_FLAGS_END; a++) {
            if ((lo[a] & ~lo[a - LOWER_FLAGS + LOWER_MASKS] & 0xFF) != 0) unmasked = true;
        }
        int banks4to7 = 0;
        for (int b = 0; b < MemoryMap.BANKS; b++) {
            byte[] status = mem.pageArray(0x11, b);
            byte[] control = mem.pageArray(0x10, b);
            boolean set = false;
            for (int a = LANE_FLAGS; a < LANE_FLAGS_END; a++) {
                int f = status[a] & 0xFF;
                if (f == 0) continue;
                set = true;
                if ((f & ~control[a - LANE_FLAGS + LANE_MASKS]) != 0) unmasked = true;
            }
            if (b < 4) mem.set(Fields.FLAGS_SUMMARY_BANK[b], set ? 1 : 0);
            else if (set) banks4to7 |= 1 << (b - 4);
        }
        mem.set(Fields.FLAGS_SUMMARY_BANKS_4_TO_7, banks4to7);

        byte[] xpo = mem.pageArray(XpoPages.TELEMETRY, 0);
        boolean power = mem.get(Fields.POWER_GOOD_LOST_FLAG) != 0, cooling = false;
        for (XpoPages.Monitor m : XpoPages.Monitor.values()) {
            if (mem.get(MAP.field(m.flagsField())) == 0) continue;
            if (m.isPower()) power = true; else cooling = true;
        }
        mem.set(Fields.XPO_POWER_SUMMARY, power ? 1 : 0);
        mem.set(Fields.XPO_COOLING_SUMMARY, cooling ? 1 : 0);
        mem.set(Fields.XPO_LEAK_SUMMARY, mem.get(Fields.LEAK_FLAG) | mem.get(Fields.LEAK_SENSOR_FAULT_FLAG));
        mem.set(Fields.XPO_MATING_SUMMARY, mem.get(Fields.MATING_WARNING_FLAG));
        for (int a = XPO_FLAGS; a < XPO_FLAGS_END; a++) {
            if ((xpo[a] & ~xpo[a - XPO_FLAGS + XPO_MASKS] & 0xFF) != 0) unmasked = true;
        }

        mem.set(Fields.INTERRUPT_DEASSERTED, unmasked ? 0 : 1);
        if (unmasked != asserted) {
            asserted = unmasked;
            listener.interruptChanged(unmasked);
        }
    }
}
