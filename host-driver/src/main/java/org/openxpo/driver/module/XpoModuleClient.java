package org.openxpo.driver.module;

import org.openxpo.driver.XpoException;
import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.driver.vdm.AdvertisedVdm;
import org.openxpo.driver.vdm.VdmReader;
import org.openxpo.driver.transport.Transport;
import org.openxpo.driver.transport.Transports;
import org.openxpo.protocol.connector.TargetEvent;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.time.HostClock;
import org.openxpo.protocol.types.ModuleState;

import java.util.BitSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The module API of one XPO (or any CMIS) module over a {@link Transport}: identity, status snapshots, thresholds,
 * latched flags as alarms, and the controls a host uses — reset, low power, applications on lanes, Tx disable and
 * interrupt masks — each control followed by the wait CMIS hosts do, bounded by the module's advertised durations.
 *
 * <p>Reading status has two forms because latched flags clear when read: {@link #snapshot()} reads them and reports
 * them (nobody else will see them), {@link #status()} skips the flag bytes and leaves them to their owner (a monitor,
 * an interrupt handler). Identity is read once and kept until the module resets, is replaced or the link reconnects.
 * The client is thread-safe: each register access holds the bus, multi-step controls are not atomic.
 *
 * <p>Time: every wait (controls) and every timestamp (snapshots, flag readings, the monitor's events) reads the
 * client's {@link HostClock}: {@link HostClock#system()}, or for a client on an existing {@link RegisterAccess} that
 * access layer's {@link RegisterAccess#clock()}, unless a constructor is given another — a test passes the emulator
 * test bed's {@code hostClock()} so the driver and an emulated module share virtual time.
 */
public final class XpoModuleClient implements AutoCloseable {
    private final Transport transport;
    private final RegisterAccess access;
    private final HostClock clock;
    private final boolean ownsTransport, ownsAccess;
    private final VdmReader vdm;
    private final AutoCloseable subscription, restartWatch;
    private volatile Identity identity;

    /** A client over a transport the caller keeps (and closes), on the system clock. */
    public XpoModuleClient(Transport transport) { this(transport, HostClock.system()); }

    /** A client over a transport the caller keeps (and closes) that waits and stamps with {@code clock}. */
    public XpoModuleClient(Transport transport, HostClock clock) {
        this(transport, new RegisterAccess(transport, RegisterAccess.RetryPolicy.DEFAULT, clock), clock, false, true);
    }

    /**
     * A client over an existing register access (sharing its page-select cache and bus lock), on the access layer's
     * clock.
     */
    public XpoModuleClient(RegisterAccess access) { this(access, access.clock()); }

    /** A client over an existing register access that waits and stamps with {@code clock}. */
    public XpoModuleClient(RegisterAccess access, HostClock clock) {
        this(access.transport(), access, clock, false, false);
    }

    private XpoModuleClient(Transport transport, RegisterAccess access, HostClock clock, boolean ownsTransport,
                            boolean ownsAccess) {
        this.transport = transport;
        this.access = access;
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        this.ownsTransport = ownsTransport;
        this.ownsAccess = ownsAccess;
        this.vdm = new VdmReader(access, this.clock, VdmReader.FREEZE_TIMEOUT);
        this.subscription = transport.subscribe(e -> {
            if (e instanceof TargetEvent.Reset || e instanceof TargetEvent.Presence) forgetIdentity();
        });
        transport.onReconnect(this::forgetIdentity);
        // a module that restarted unseen (Pi4J has no Reset events) may run another image: read the identity again
        this.restartWatch = access.onRestartDetected(this::forgetIdentity);
    }

    /** Opens {@code target} (see {@link org.openxpo.driver.transport.TargetUri}); closing the client closes it. */
    public static XpoModuleClient open(String target) {
        Transport t = Transports.open(target);
        return new XpoModuleClient(t, new RegisterAccess(t), HostClock.system(), true, true);
    }

    public Transport transport() { return transport; }

    public RegisterAccess access() { return access; }

    /** The clock this client waits and stamps with. */
    public HostClock clock() { return clock; }

    // ------------------------------------------------------------------ reading

    /** What the module is; read on first use and after every reset, re-plug or reconnect. */
    public Identity identity() {
        Identity id = identity;
        if (id == null) {
            id = IdentityReader.read(access);
            // the VDM descriptors are part of what the module is: read them now, not inside the first snapshot
            if (id.advertised().vdm()) vdm.layout(id.advertised());
            identity = id;
        }
        return id;
    }

    /** Forgets the identity (the next call reads it again). */
    public void forgetIdentity() {
        identity = null;
        vdm.forgetLayout();
    }

    /** The module state (00h:3), or null for a reserved code. */
    public ModuleState moduleState() { return ModuleState.fromCode((int) access.get(LowerPage.MODULE_STATE)); }

    /** True while an unmasked latched flag waits to be read (00h:3 bit0 = 0, the register image of IntL). */
    public boolean interruptAsserted() { return access.get(LowerPage.INTERRUPT_DEASSERTED) == 0; }

    /** Status without touching the latched flags: {@code alarms} is empty and {@code flagsRead} false. */
    public ModuleSnapshot status() { return StatusReader.read(access, identity(), false, clock, vdmLayout()); }

    /** Status with the latched flags, which this read clears: {@code alarms} lists every flag that was set. */
    public ModuleSnapshot snapshot() { return StatusReader.read(access, identity(), true, clock, vdmLayout()); }

    /** Only the latched flags, read as an interrupt handler does (lower page, then what the summaries point at). */
    public FlagReading readFlags() { return FlagReader.read(access, identity(), clock, vdmLayout()); }

    /**
     * {@link #readFlags()} started without waiting, from the thread that delivers the transport's events (an IntL or
     * IBI listener on the link's event loop): the lower page's read goes out at once, and the flag pages' batch as its
     * answer arrives, on that thread — no hand-off to another thread between the interrupt and the reads. The future
     * completes there; {@link PendingFlagReading#complete()} gives the reading on a thread that may wait. Empty when it
     * cannot start here: the transport cannot send from this thread, or the identity (or VDM layout) must be read first.
     */
    public Optional<CompletableFuture<PendingFlagReading>> startFlagReading() {
        Identity id = identity;
        if (id == null || !transport.sendsAsyncHere()) return Optional.empty();
        AdvertisedVdm layout = null;
        if (id.advertised().vdm() && (layout = vdm.knownLayout()) == null) return Optional.empty();
        return Optional.of(FlagReader.start(access, id, clock, layout));
    }


    /**
     * The module's VDM (pages 20h–2Fh): its layout is read on first use and kept with the identity; {@link #status()},
     * {@link #snapshot()} and {@link #readFlags()} include its basic values and flags when the module advertises VDM.
     */
    public VdmReader vdm() { return vdm; }

    /** The VDM layout when the module advertises VDM, else null (flat memory has none). */
    private AdvertisedVdm vdmLayout() {
        Identity id = identity();
        return id.advertised().vdm() ? vdm.layout(id.advertised()) : null;
    }

    public Thresholds thresholds() { return ThresholdReader.read(access, identity()); }

    /** The waits this module gets, from its advertised durations. */
    public Timeouts timeouts() { return Timeouts.from(identity().durations()); }

    // ------------------------------------------------------------------ controls

    /** Resets (ResetL pulse when the transport drives the pin, else SoftwareReset) and waits for the module. */
    public ResetMethod reset() { return reset(ResetMethod.AUTO); }

    public ResetMethod reset(ResetMethod method) {
        Timeouts t;
        try {
            t = timeouts();
        } catch (XpoException e) {
            // a module that cannot tell its durations now is reset anyway, with generous waits
            t = Timeouts.from(AdvertisedDurations.FLAT_MEMORY);
        }
        try {
            return new ModuleControl(transport, access, clock).reset(method, t);
        } finally {
            forgetIdentity();
        }
    }

    /** Requests (true) or releases (false) low power and waits for ModuleLowPwr / ModuleReady. */
    public void setLowPower(boolean on) { new ModuleControl(transport, access, clock).setLowPower(on, timeouts()); }

    /** Checks an application against the advertisement without touching the module. */
    public ApplicationPlan plan(int appSel, BitSet lanes) { return ApplicationPlan.of(identity(), appSel, lanes); }

    /**
     * Runs the CMIS data-path sequence to bring {@code lanes} up with application {@code appSel}; returns when every
     * lane is DPActivated. Fails before writing anything when the lanes do not fit the application
     * ({@link XpoException.InvalidRequest}), and with {@link ConfigRejectedException} when the module rejects it.
     */
    public ApplyResult applyApplication(int appSel, BitSet lanes) {
        ApplicationPlan plan = plan(appSel, lanes);
        return new DataPathSequencer(access, identity(), clock).apply(plan);
    }

    /** Sets or clears OutputDisableTx (10h:130) of {@code lanes}; the data paths follow on their own. */
    public void setTxDisabled(BitSet lanes, boolean disabled) {
        Identity id = identity();
        if (lanes.isEmpty() || lanes.nextSetBit(0) < 1 || lanes.length() - 1 > id.lanes()) {
            throw new XpoException.InvalidRequest("lanes " + LaneSets.format(lanes) + " are outside 1-" + id.lanes());
        }
        new DataPathSequencer(access, id, clock).setTxDisabled(lanes, disabled);
    }

    /**
     * Masks (true) or unmasks an alarm's interrupt by its name (see {@link AlarmCatalog}; a VDM alarm by the name its
     * flag is reported with, "EsnrMediaInputLowAlarm"); {@code lanes} for lane alarms, ignored otherwise. A masked flag
     * still latches and still shows in reads; it only stops asserting IntL.
     */
    public void setAlarmMasked(String alarm, BitSet lanes, boolean masked) {
        AlarmMasks.set(access, identity(), vdmLayout(), alarm, lanes, masked);
    }

    @Override
    public void close() {
        try {
            subscription.close();
            restartWatch.close();
        } catch (Exception ignored) {
            // the transport may already be closed; nothing is left to release
        }
        if (ownsAccess) access.close();
        if (ownsTransport) transport.close();
    }
}
