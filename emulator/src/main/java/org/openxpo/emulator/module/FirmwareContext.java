package org.openxpo.emulator.module;

import org.openxpo.protocol.types.FaultCause;
import org.openxpo.protocol.types.ModuleState;

/**
 * What the firmware parts of one module share ({@link HostBus}, {@link DataPaths}, {@link Physics},
 * {@link I3cTarget}, {@link CdbEngine}): the configuration, the memory, the faults, the firmware clock and timers,
 * and the event sink towards the cage. The module hands it to each part one way, with the few actions that part may
 * trigger (the nested interfaces below, each named for what it does); no part sees the module itself.
 *
 * <p><b>The lock rule.</b> Every firmware part runs only under the module's lock. The entry points are the
 * synchronized methods of {@code XpoModule} (a bus transfer, a CCC, a pin, a fault, a clock sync); firmware timers
 * run from those. Events to the cage are emitted under the lock: a listener must not block, and must not call back
 * into anything that takes another lock first (a pin write, a plug). The context's entry points ({@link #now},
 * {@link #schedule}, {@link #events}) assert the rule when assertions are on (they are in the tests).
 */
final class FirmwareContext {
    /** The module state machine as the parts read it. */
    interface ModuleStatus {
        ModuleState state();

        /** The 50 V input is within its lock-out limits and the module is connected. */
        boolean powered();

        /** Powered, out of reset and past MgmtInit: the management interface answers. */
        boolean responsive();
    }

    /** A part latched or cleared a flag: the interrupt summaries, IntL and IBIs follow. */
    interface FlagWatch {
        void flagsChanged();
    }

    /** A fatal condition: lasers off, ModuleFault with {@code cause}, until a reset. */
    interface FaultEntry {
        void enterFault(FaultCause cause);
    }

    /** A reset as a pin or software reset does it: volatile registers back to defaults, then MgmtInit. */
    interface ModuleReset {
        void reset(String cause);
    }

    /** CDB Run: a reset into the inactive image (or the running one); a fault may keep the module from coming back. */
    interface ImageRun {
        void resetInto(boolean inactiveImage, boolean neverComesBack);
    }

    private final Object moduleLock;
    private final ModuleConfig config;
    private final ModuleMemory memory;
    private final Timers timers;
    private final Faults faults;
    private ModuleEvents events = ModuleEvents.NONE;

    FirmwareContext(Object moduleLock, ModuleConfig config, ModuleMemory memory, Timers timers, Faults faults) {
        this.moduleLock = moduleLock;
        this.config = config;
        this.memory = memory;
        this.timers = timers;
        this.faults = faults;
    }

    ModuleConfig config() { return config; }

    /** The module's memory: the same object for the module's life, so a part may keep it. */
    ModuleMemory memory() { return memory; }

    /** The faults active now (read on every tick and message). */
    Faults faults() { return faults; }

    /** The firmware's time: while a timer runs, its deadline. */
    long now() {
        assert locked() : "firmware time read outside the module's lock";
        return timers.now();
    }

    Timers.Timer schedule(long delayNanos, Runnable action) {
        assert locked() : "firmware timer scheduled outside the module's lock";
        return timers.schedule(delayNanos, action);
    }

    /** Where events to the cage go. */
    ModuleEvents events() {
        assert locked() : "module event emitted outside the module's lock";
        return events;
    }

    void setEvents(ModuleEvents events) {
        assert locked();
        this.events = events == null ? ModuleEvents.NONE : events;
    }

    /** True when the calling thread holds the module's lock. */
    boolean locked() { return Thread.holdsLock(moduleLock); }
}
