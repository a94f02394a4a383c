package org.openxpo.emulator.module;

import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.fault.ActiveFault;
import org.openxpo.emulator.fault.Fault;
import org.openxpo.protocol.connector.CccRequest;
import org.openxpo.protocol.connector.CccResult;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.connector.I3cDevice;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.LaneControlPage;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.map.XpoPages;
import org.openxpo.protocol.types.FaultCause;
import org.openxpo.protocol.types.Lanes;
import org.openxpo.protocol.types.ModuleState;

import java.util.List;

/**
 * One emulated XPO module: its management firmware as the control connector shows it, and the façade the cage and the
 * rest of the emulator use. The module owns the pins, power, reset and the module state machine, and dispatches host
 * writes; the other jobs are parts it builds and hands a {@link FirmwareContext} one way: the bus semantics
 * ({@link HostBus}), the data paths, flags and interrupts, physics, the I3C target and the CDB engine.
 *
 * <p><b>The lock rule.</b> Every firmware part runs only under this module's lock. The entry points are the
 * synchronized methods below: each first runs the firmware timers due by the clock's time, so a transfer is atomic
 * and sees the firmware up to date. Events to the cage ({@link ModuleEvents}) are emitted under the lock: a listener
 * must not block, and must not call back into anything that takes another lock first (a pin write, a plug).
 */
public final class XpoModule {
    private static final MemoryMap MAP = MemoryMap.xpo();
    private static final List<Field> NONZERO_RESET = MAP.fields().stream().filter(f -> f.reset() != 0).toList();

    private final ModuleConfig config;
    private final EmulatorClock clock;
    private final ModuleMemory memory = new ModuleMemory(MAP);
    private final Timers timers;
    private final Faults faults = new Faults();
    private final FirmwareImages images;
    private final FirmwareContext firmware;
    private final HostBus bus;
    private final DataPaths dataPaths;
    private final Interrupts interrupts;
    private final Physics physics;
    private final LaneDiagnostics diagnostics;
    private final Vdm vdm;
    private final I3cTarget i3c;
    private final CdbEngine cdb;
    /** Set by a "never comes back after Run" fault: the module stays silent until ResetL or power. */
    private boolean hung;

    private ModuleState state = ModuleState.RESETTING;
    private boolean resetLHigh = true, lpModeHigh, powerEnableHigh = true;
    private boolean powered;
    private boolean connected = true;
    private boolean powerGood;
    private int matingCycles;
    private Timers.Timer stateTimer;
    private Timers.Timer tickTimer;

    /** The module state machine as its parts read it (under the lock, so without taking it again). */
    private final FirmwareContext.ModuleStatus status = new FirmwareContext.ModuleStatus() {
        public ModuleState state() { return state; }
        public boolean powered() { return powered; }
        public boolean responsive() { return answering(); }
    };

    public XpoModule(ModuleConfig config, EmulatorClock clock) {
        this.config = config;
        this.clock = clock;
        this.timers = new Timers(clock.nanos());
        this.images = new FirmwareImages(config.firmwareMajor(), config.firmwareMinor());
        this.firmware = new FirmwareContext(this, config, memory, timers, faults);
        this.interrupts = new Interrupts(memory, this::interruptChanged);
        FirmwareContext.FlagWatch flags = interrupts::update;
        this.cdb = new CdbEngine(firmware, images, flags, this::firmwareReset);
        this.bus = new HostBus(firmware, status, cdb::holdingBus, flags, this::onHostWrite);
        this.dataPaths = new DataPaths(firmware, status, flags);
        this.physics = new Physics(firmware, status, flags, this::enterFault);
        this.vdm = new Vdm(firmware, flags, physics.links());
        this.diagnostics = new LaneDiagnostics(firmware, status, flags,
            new MeasuredReceiverQuality(physics.links(), new RxPowerLinkQuality(memory)));
        this.i3c = new I3cTarget(firmware, status, this::reset, bus);
        this.matingCycles = config.matingCycles();
        synchronized (this) {
            checkPower("power-on");
        }
    }

    public ModuleConfig config() { return config; }

    /** The memory as the firmware sees it: for tests in this package, under the lock or on a quiet module. */
    ModuleMemory memory() { return memory; }

    public FirmwareImages images() { return images; }

    /** Where the module's events go (the cage sets this). */
    public synchronized void setEvents(ModuleEvents events) { firmware.setEvents(events); }

    // ------------------------------------------------------------------ clock

    /** Runs every firmware timer due by the clock's time. */
    public synchronized void sync() { timers.runUntil(clock.nanos()); }

    /** The clock time of the next firmware timer (Long.MAX_VALUE if none): lets a server sleep until then. */
    public synchronized long nextDeadline() { return timers.nextDeadline(); }

    // ------------------------------------------------------------------ I2C target

    /** Executes one I2C transfer: messages joined by repeated starts; after a failed message the rest are skipped. */
    public synchronized List<I2cResult> i2c(List<I2cMessage> messages) {
        sync();
        return bus.transfer(messages, msg -> bus.execute(msg, ManagementInterface.I2C_ADDRESS));
    }

    /** True when the management interface answers: powered, out of reset and past MgmtInit. */
    public synchronized boolean responsive() { return answering(); }

    private boolean answering() {
        return powered && resetLHigh && !hung && state != ModuleState.RESETTING && state != ModuleState.MGMT_INIT;
    }

    /** Firmware reactions to host writes, by which declared fields the written range covers. */
    private void onHostWrite(int page, int bank, int from, int to) {
        if (from < ManagementInterface.UPPER_PAGE_START) {
            if (covers(LowerPage.PASSWORD_ENTRY, from, to)) {
                cdb.passwordEntered(memory.get(LowerPage.PASSWORD_ENTRY));
            }
            if (covers(LowerPage.SOFTWARE_RESET, from, to) && memory.get(LowerPage.SOFTWARE_RESET) == 1) {
                timers.schedule(0, () -> reset("software"));
                return;
            }
            if (covers(LowerPage.LOW_PWR_REQUEST_SW, from, to)) evaluateLowPower();
            // Only the mask bytes change the interrupt level; page selects (the most common write) skip the update.
            if (Interrupts.writesLowerMask(from, to)) interrupts.update();
            return;
        }
        if (page == Pages.LANE_CONTROL) {
            if (covers(LaneControlPage.APPLY_DP_INIT, from, to)) {
                dataPaths.applyDpInit(bank, (int) byteAt(LaneControlPage.APPLY_DP_INIT, bank));
            }
            if (covers(LaneControlPage.APPLY_IMMEDIATE, from, to)) {
                dataPaths.applyImmediate(bank, (int) byteAt(LaneControlPage.APPLY_IMMEDIATE, bank));
            }
            if (covers(LaneControlPage.DP_DEINIT_LANE, from, to)
                || covers(LaneControlPage.OUTPUT_DISABLE_TX, from, to)) {
                dataPaths.reconcileBank(bank);
            }
            interrupts.update();
            return;
        }
        if (page == Pages.DIAGNOSTICS_FIRST) {
            diagnostics.onControlWrite(bank);
            interrupts.update();   // the masks of the 14h flags
            return;
        }
        if (page == Pages.DIAGNOSTICS_LAST) {
            diagnostics.onResultsWrite(bank);
            return;
        }
        if (page == Pages.CDB) cdb.onWrite(from, to);
        if (page == Pages.VDM_CONTROL) vdm.controlWritten(bank, from, to);
        if (page == Pages.XPO_TELEMETRY || page == Pages.VDM_MASKS) interrupts.update();
    }

    private long byteAt(Field laneBits, int bank) {
        return memory.region(laneBits, bank)[laneBits.offset()] & 0xFF;
    }

    private static boolean covers(Field f, int from, int to) {
        return from < f.offset() + f.byteLength() && to > f.offset();
    }

    // ------------------------------------------------------------------ pins

    public synchronized void setResetL(boolean high) {
        sync();
        if (high == resetLHigh) return;
        resetLHigh = high;
        if (!powered) return;
        // Asserting ResetL resets the module (volatile defaults, IntL released) and holds it in Resetting;
        // releasing it starts MgmtInit.
        if (!high) reset("pin");
        else startMgmtInit("pin");
    }

    public synchronized void setLpMode(boolean high) {
        sync();
        lpModeHigh = high;
        if (responsive()) evaluateLowPower();
    }

    public synchronized void setPowerEnable(boolean high) {
        sync();
        powerEnableHigh = high;
        checkPower("power-enable");
    }

    public synchronized boolean resetL() { return resetLHigh; }

    public synchronized boolean lpMode() { return lpModeHigh; }

    public synchronized boolean powerEnable() { return powerEnableHigh; }

    /** IntL pin level: low (false) while an unmasked flag is latched and IBIs do not replace it. */
    public synchronized boolean intLHigh() {
        sync();
        return !(powered && interrupts.asserted() && !i3c.ibiEnabled());
    }

    public synchronized boolean powerGood() {
        sync();
        return powerGood;
    }

    // ------------------------------------------------------------------ power and reset

    /** Re-evaluates the 50 V input: lock-out below 40 V (brown-out), power-good within 40–60 V. */
    private void checkPower(String cause) {
        double v = physics.inputVoltage();
        boolean on = connected && powerEnableHigh && v >= Physics.UNDER_VOLTAGE_LOCKOUT_V;
        boolean good = on && v <= Physics.OVER_VOLTAGE_V;
        if (good != powerGood) {
            powerGood = good;
            if (powered) memory.set(XpoPages.POWER_GOOD, good ? 1 : 0);
            firmware.events().powerGood(good);
        }
        if (on && !powered) {
            powered = true;
            reset(cause);
        } else if (!on && powered) {
            powered = false;
            powerOff();
        }
    }

    private void powerOff() {
        timers.clear();
        memory.clear();
        dataPaths.reset();
        diagnostics.reset();
        i3c.powerLost();
        state = ModuleState.RESETTING;
        boolean wasAsserted = interrupts.asserted();
        interrupts.resetLevel();
        if (wasAsserted) firmware.events().interrupt(false);
        armTick();
    }

    /** Reset (pin, software, power, firmware): volatile registers back to defaults, then MgmtInit unless ResetL is low. */
    private void reset(String cause) {
        reset(cause, true);
    }

    /**
     * Reset; {@code bootCommitted} is false only for CDB Run, which boots the image it chose (uncommitted): any other
     * reset boots the committed image again, so an update that was never committed cannot stick.
     */
    private void reset(String cause, boolean bootCommitted) {
        hung = false;
        timers.clear();
        memory.clear();
        memory.resetDeclared(NONZERO_RESET);
        if (bootCommitted) images.bootCommitted();
        cdb.reset();
        StaticContent.load(memory, config, images);
        vdm.reset();
        memory.set(XpoPages.MATING_CYCLES, matingCycles);
        memory.set(XpoPages.POWER_GOOD, powerGood ? 1 : 0);
        dataPaths.reset();
        diagnostics.reset();
        boolean wasAsserted = interrupts.asserted();
        interrupts.resetLevel();
        if (wasAsserted) firmware.events().interrupt(false);
        bus.reset();
        firmware.events().reset(cause);
        armTick();
        state = ModuleState.RESETTING;
        if (resetLHigh) startMgmtInit(cause);
    }

    /** CDB Run: reset into the inactive image (or the running one); optionally never come back (fault). */
    private void firmwareReset(boolean toInactive, boolean neverReturn) {
        if (toInactive) images.switchToInactive();
        reset("firmware-run", false);
        if (neverReturn) {
            if (stateTimer != null) stateTimer.cancel();
            state = ModuleState.RESETTING;
            hung = true;
        }
    }

    private void startMgmtInit(String cause) {
        if (state != ModuleState.RESETTING && state != ModuleState.MGMT_INIT) {
            reset(cause);
            return;
        }
        state = ModuleState.MGMT_INIT;
        stateTimer = timers.schedule(config.timing().mgmtInit().toNanos(), () -> {
            setState(ModuleState.LOW_PWR);
            evaluateLowPower();
        });
    }

    private void armTick() {
        long period = config.timing().physicsTick().toNanos();
        tickTimer = timers.schedule(period, this::tick);
    }

    private void tick() {
        try {
            double dt = config.timing().physicsTick().toNanos() / 1e9;
            faults.expireTimedFaults(timers.now());
            checkPower("brown-out");
            // The firmware (monitors, flags, protective actions) runs only while powered and past MgmtInit; heat keeps
            // flowing into the liquid loop regardless, so an unpowered or resetting module still cools down.
            if (powered && state != ModuleState.RESETTING && state != ModuleState.MGMT_INIT) {
                physics.tick(dt);
                diagnostics.tick(dt);
                vdm.tick();
            } else {
                physics.tickWithoutFirmware(dt);
            }
        } finally {
            // re-armed whatever happened: without its tick a module would never run its physics or end a brown-out
            if (tickTimer == null || !tickTimer.pending()) armTick();
        }
    }

    // ------------------------------------------------------------------ module state machine

    public synchronized ModuleState moduleState() { return state; }

    /** LowPwrS = LowPwrRequestSW OR (LowPwrAllowRequestHW AND LPMode), evaluated whenever an input changes. */
    private void evaluateLowPower() {
        boolean lowPwr = memory.get(LowerPage.LOW_PWR_REQUEST_SW) == 1
            || (memory.get(LowerPage.LOW_PWR_ALLOW_REQUEST_HW) == 1 && lpModeHigh);
        ModuleConfig.Timing t = config.timing();
        switch (state) {
            case LOW_PWR -> {
                if (!lowPwr) {
                    setState(ModuleState.PWR_UP);
                    stateTimer = timers.schedule(t.modulePwrUp().toNanos(), () -> {
                        setState(ModuleState.READY);
                        evaluateLowPower();
                    });
                }
            }
            case PWR_UP, READY -> {
                if (lowPwr) {
                    if (stateTimer != null) stateTimer.cancel();
                    setState(ModuleState.PWR_DN);
                    stateTimer = timers.schedule(t.modulePwrDn().toNanos(), () -> {
                        dataPaths.forceDeactivateAll();
                        setState(ModuleState.LOW_PWR);
                        evaluateLowPower();
                    });
                }
            }
            default -> { }
        }
    }

    private void setState(ModuleState s) {
        ModuleState before = state;
        state = s;
        memory.set(LowerPage.MODULE_STATE, s.code());
        if (before.code() != s.code()) {
            memory.latch(LowerPage.MODULE_STATE_CHANGED_FLAG, 0, 0);
            interrupts.update();
        }
        dataPaths.reconcileAll();
    }

    /** A fatal condition: lasers off, ModuleFault with its cause, until reset. */
    private void enterFault(FaultCause cause) {
        if (state == ModuleState.FAULT) return;
        if (stateTimer != null) stateTimer.cancel();
        memory.set(LowerPage.MODULE_FAULT_CAUSE, cause.code());
        dataPaths.forceDeactivateAll();
        setState(ModuleState.FAULT);
    }

    public synchronized FaultCause faultCause() {
        if (state != ModuleState.FAULT) return FaultCause.NONE;
        return FaultCause.fromCode((int) memory.get(LowerPage.MODULE_FAULT_CAUSE));
    }

    private void interruptChanged(boolean asserted) {
        if (!i3c.ibiEnabled()) firmware.events().interrupt(asserted);
        if (asserted) i3c.interruptAsserted();
    }

    // ------------------------------------------------------------------ faults

    /** Injects a fault; returns its id. It takes effect at once (and in the physics from the next tick). */
    public synchronized ActiveFault inject(Fault fault) {
        sync();
        ActiveFault a = faults.add(fault, timers.now());
        applyFaultNow(fault);
        syncCdbFaults();
        return a;
    }

    /** The CDB engine's fault switches follow the active fault list. */
    private void syncCdbFaults() {
        CdbEngine.Faults f = cdb.faults;
        f.writeSlowdown = 1;
        f.failWrites = f.failComplete = f.noReturnAfterRun = f.foreground = false;
        for (ActiveFault a : faults.list()) {
            switch (a.fault()) {
                case Fault.CdbSlowWrites s -> f.writeSlowdown = Math.max(f.writeSlowdown, s.factor());
                case Fault.CdbWriteFailure w -> f.failWrites = true;
                case Fault.CdbCompleteFailure c -> f.failComplete = true;
                case Fault.FirmwareNoReturn n -> f.noReturnAfterRun = true;
                case Fault.CdbForeground g -> f.foreground = true;
                case Fault.LaserFailure x -> { }
                case Fault.RxLossOfSignal x -> { }
                case Fault.CdrLossOfLock x -> { }
                case Fault.OpticsDegradation x -> { }
                case Fault.PrbsCheckerLossOfLock x -> { }
                case Fault.InjectedBer x -> { }
                case Fault.DirtyConnector x -> { }
                case Fault.AgingDrift x -> { }
                case Fault.ErroredFramesBurst x -> { }
                case Fault.CoolantFlow x -> { }
                case Fault.CoolantLeak x -> { }
                case Fault.LeakSensorFault x -> { }
                case Fault.InletTemperature x -> { }
                case Fault.InputVoltage x -> { }
                case Fault.BrownOut x -> { }
                case Fault.StuckBus x -> { }
                case Fault.FirmwareFault x -> { }
            }
        }
    }

    /** Clears a fault by id; false if there is none. */
    public synchronized boolean clearFault(String id) {
        sync();
        ActiveFault a = faults.remove(id);
        if (a == null) return false;
        syncCdbFaults();
        checkPower("power restored");
        for (int b = 0; b < Lanes.BANKS; b++) dataPaths.updateOutputs(b);
        return true;
    }

    public synchronized List<ActiveFault> activeFaults() { return faults.list(); }

    private void applyFaultNow(Fault fault) {
        switch (fault) {
            case Fault.FirmwareFault f -> {
                if (powered) {
                    memory.latch(LowerPage.MODULE_FIRMWARE_ERROR_FLAG, 0, 0);
                    enterFault(FaultCause.FIRMWARE_FAULT);
                }
            }
            case Fault.InputVoltage v -> checkPower("brown-out");
            case Fault.BrownOut b -> checkPower("brown-out");
            case Fault.LaserFailure l -> { for (int bank = 0; bank < Lanes.BANKS; bank++) dataPaths.updateOutputs(bank); }
            case Fault.RxLossOfSignal r -> { for (int bank = 0; bank < Lanes.BANKS; bank++) dataPaths.updateOutputs(bank); }
            // the physics reads these on its next tick, the CDB engine at its next command
            case Fault.CdrLossOfLock x -> { }
            case Fault.OpticsDegradation x -> { }
            case Fault.PrbsCheckerLossOfLock x -> { }
            case Fault.InjectedBer x -> { }
            case Fault.DirtyConnector x -> { }
            case Fault.AgingDrift x -> { }
            case Fault.ErroredFramesBurst x -> { }
            case Fault.CoolantFlow x -> { }
            case Fault.CoolantLeak x -> { }
            case Fault.LeakSensorFault x -> { }
            case Fault.InletTemperature x -> { }
            case Fault.StuckBus x -> { }
            case Fault.CdbSlowWrites x -> { }
            case Fault.CdbWriteFailure x -> { }
            case Fault.CdbCompleteFailure x -> { }
            case Fault.FirmwareNoReturn x -> { }
            case Fault.CdbForeground x -> { }
        }
    }

    // ------------------------------------------------------------------ presence

    /** Plugged into a cage whose host drives these pin levels: power-on reset follows if power is enabled. */
    public synchronized void connect(boolean resetL, boolean lpMode, boolean powerEnable) {
        sync();
        resetLHigh = resetL;
        lpModeHigh = lpMode;
        powerEnableHigh = powerEnable;
        connected = true;
        mated();
        checkPower("power-on");
    }

    /** Pulled out of its cage: everything volatile is lost. */
    public synchronized void disconnect() {
        sync();
        connected = false;
        checkPower("unplugged");
    }

    /** A module is mated into a cage: one more quick-connect cycle. */
    public synchronized void mated() {
        matingCycles++;
        if (powered) memory.set(XpoPages.MATING_CYCLES, matingCycles);
    }

    public synchronized int matingCycles() { return matingCycles; }

    // ------------------------------------------------------------------ I3C

    /** A private I3C transfer: the same memory semantics as I2C, at the dynamic address. */
    public synchronized List<I2cResult> i3c(List<I2cMessage> messages) {
        sync();
        return bus.transfer(messages, i3c::execute);
    }

    /** ENTDAA: a module without a dynamic address takes {@code address}. */
    public synchronized List<I3cDevice> entdaa(int address) {
        sync();
        return i3c.entdaa(address);
    }

    public synchronized CccResult ccc(CccRequest request) {
        sync();
        return i3c.ccc(request);
    }

    // ------------------------------------------------------------------ introspection

    public synchronized BusStatistics statistics() { return bus.statistics(); }

    /** Reads a field as the firmware sees it (no clear-on-read side effects): for the control API and tests. */
    public synchronized long peek(Field f, int bank, int index) {
        sync();
        return memory.get(f, bank, index);
    }

    public synchronized double peekValue(Field f, int bank, int index) {
        sync();
        return f.value(memory.region(f, bank), index);
    }

    public synchronized double inputVoltage() { sync(); return physics.inputVoltage(); }

    /** Routes the lanes' media inputs: the hook of a part that loops the emulated signal back (far end by default). */
    synchronized void routeMediaInputs(MediaInputRoute route) { physics.routeMediaInputs(route); }

    public synchronized double inputPowerW() { sync(); return physics.inputPowerW(); }

    public synchronized boolean powered() { return powered; }

    /** What the host receives from the module on {@code lane} (1–64): with a host input loopback, its own signal. */
    public synchronized LaneSignal hostReceives(int lane) {
        sync();
        return diagnostics.path(lane).hostOutput();
    }

    /** What the module sends the far end on {@code lane}'s fiber: with a media input loopback, the far end's own signal. */
    public synchronized LaneSignal farEndReceives(int lane) {
        sync();
        return diagnostics.path(lane).mediaOutput();
    }

    /**
     * True while one of {@code lane}'s loopbacks (13h:180–183) is on: per CMIS the lane then carries no traffic, which
     * the link-quality observables must show.
     */
    public synchronized boolean inLoopback(int lane) {
        sync();
        return diagnostics.inLoopback(lane);
    }

    public synchronized org.openxpo.protocol.types.DataPathState dataPathState(int lane) {
        sync();
        return dataPaths.state(Lanes.bankOf(lane), Lanes.indexInBank(lane));
    }
}
