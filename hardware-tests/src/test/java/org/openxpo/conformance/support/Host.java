package org.openxpo.conformance.support;

import org.awaitility.core.ConditionTimeoutException;
import org.openxpo.driver.XpoException;
import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.driver.transport.Transport;
import org.openxpo.emulator.fault.ActiveFault;
import org.openxpo.protocol.connector.Pin;
import org.openxpo.protocol.connector.TargetEvent;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.LaneControlPage;
import org.openxpo.protocol.map.LaneStatusPage;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.map.VdmPages;
import org.openxpo.protocol.types.DataPathState;
import org.openxpo.protocol.types.DpConfig;
import org.openxpo.protocol.types.Lanes;
import org.openxpo.protocol.types.ModuleState;
import org.openxpo.protocol.units.Codecs;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the suite does as a host, at register level on the driver's {@link RegisterAccess}: read and write fields of
 * the declared map, clear latched flags, reset and wait as CMIS hosts do, and wait for a condition within a module's
 * advertised duration (Awaitility, polling every few milliseconds). Every wait that fails says what it waited for,
 * the limit (advertised + allowance) and what it saw last. The flag and summary bytes it clears and reads by address
 * are deliberate: the suite is an independent host reading CMIS as written, not the map it checks.
 */
public final class Host {
    public static final MemoryMap MAP = MemoryMap.xpo();
    public static final int BANKS = Lanes.BANKS, LANES = Lanes.COUNT;
    /** Hosts wait 2 s for MgmtInit after a reset: CMIS advertises no duration for it (cmis-digest §1.4). */
    public static final Duration MGMT_INIT = Duration.ofSeconds(2);
    /** How long the suite holds ResetL low: far above the CMIS minimum pulse, short for a person. */
    public static final Duration RESET_PULSE = Duration.ofMillis(10);
    private static final Duration POLL = Duration.ofMillis(2);

    private final Target target;
    private final RegisterAccess access;
    private volatile Durations durations;

    Host(Target target) {
        this.target = target;
        this.access = target.access();
    }

    public Target target() { return target; }

    public RegisterAccess access() { return access; }

    public Transport transport() { return target.transport(); }

    // ------------------------------------------------------------------ registers

    public long get(Field field) { return access.get(field, 0, 0); }

    public long get(Field field, int bank, int index) { return access.get(field, bank, index); }

    /** A field's element in its engineering unit (V, A, W, °C, mW, L/min ...). */
    public double value(Field field) { return access.value(field, 0, 0); }

    public double value(Field field, int bank, int index) { return access.value(field, bank, index); }

    public void set(Field field, long value) { access.set(field, 0, 0, value); }

    public void set(Field field, int bank, int index, long value) { access.set(field, bank, index, value); }

    public byte[] read(int page, int bank, int offset, int length) { return access.read(page, bank, offset, length); }

    public int u8(int page, int bank, int offset) { return access.read(page, bank, offset, 1)[0] & 0xFF; }

    public void write(int page, int bank, int offset, int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) b[i] = (byte) bytes[i];
        access.write(page, bank, offset, b);
    }

    /** The byte of a one-bit-per-lane field of a bank (bit i = lane 8·bank + i + 1). */
    public int laneBits(Field field, int bank) { return u8(field.page(), bank, field.offset()); }

    /** Writes the byte of a one-bit-per-lane control field of a bank. */
    public void setLaneBits(Field field, int bank, int bits) { write(field.page(), bank, field.offset(), bits); }

    public ModuleState state() { return ModuleState.fromCode((int) get(LowerPage.MODULE_STATE)); }

    /** DPState of the 8 lanes of a bank (index 0 = first lane of the bank); null for reserved codes. */
    public DataPathState[] dpStates(int bank) {
        Field fd = LaneStatusPage.DP_STATE;
        byte[] w = window(Pages.LANE_STATUS, bank, fd);
        DataPathState[] out = new DataPathState[Lanes.PER_BANK];
        for (int i = 0; i < Lanes.PER_BANK; i++) out[i] = DataPathState.fromCode((int) fd.get(w, i));
        return out;
    }

    /** ConfigStatusLane of the 8 lanes of a bank, raw codes. */
    public int[] configStatus(int bank) { return nibbles(bank, LaneStatusPage.CONFIG_STATUS_LANE); }

    /** Active control set DPConfig of the 8 lanes of a bank. */
    public DpConfig[] activeConfig(int bank) {
        Field fd = LaneStatusPage.ACS_DP_CONFIG_LANE;
        byte[] w = window(Pages.LANE_STATUS, bank, fd);
        DpConfig[] out = new DpConfig[Lanes.PER_BANK];
        for (int i = 0; i < Lanes.PER_BANK; i++) out[i] = DpConfig.decode((int) fd.get(w, i));
        return out;
    }

    private int[] nibbles(int bank, Field fd) {
        byte[] w = window(Pages.LANE_STATUS, bank, fd);
        int[] out = new int[Lanes.PER_BANK];
        for (int i = 0; i < Lanes.PER_BANK; i++) out[i] = (int) fd.get(w, i);
        return out;
    }

    private byte[] window(int page, int bank, Field fd) {
        byte[] w = new byte[256];
        System.arraycopy(read(page, bank, fd.offset(), fd.byteLength()), 0, w, fd.offset(), fd.byteLength());
        return w;
    }

    /**
     * Reads (and so clears) every latched flag: lower 8–11, page 11h flags of all 8 banks, the VDM flags (2Ch) of the
     * advertised groups in all 8 banks when the module has VDM, B0h 160–165.
     */
    public void clearFlags() {
        read(Pages.LOWER_MEMORY, 0, 8, 4);
        for (int b = 0; b < BANKS; b++) read(Pages.LANE_STATUS, b, 134, 20);
        if (get(AdminPages.VDM_PAGES_SUPPORTED) == 1) {
            int bytes = VdmPages.FLAG_BYTES_PER_GROUP * ((int) get(VdmPages.GROUPS_SUPPORTED) + 1);
            for (int b = 0; b < BANKS; b++) read(Pages.VDM_FLAGS, b, VdmPages.Group.ONE.flags().offset(), bytes);
        }
        read(Pages.XPO_TELEMETRY, 0, 160, 6);
    }

    /**
     * Clears the flags until none latches again within {@code window} (a module settling after a change, e.g. Rx
     * recovering on a looped-back fiber after its Tx came back), at most {@code limit}.
     */
    public void awaitQuiet(Duration window, Duration limit) {
        await("no flag latching again within " + window.toMillis() + " ms", limit, () -> {
            clearFlags();
            sleep(window);
            return interruptAsserted() ? Arrays.toString(summaries()) + " " + hex(read(Pages.LOWER_MEMORY, 0, 8, 4)) : "";
        }, String::isEmpty, s -> s.isEmpty() ? "quiet" : "flags latching again: summaries, 00h:8-11 " + s);
        clearFlags();
    }

    /** The flag summaries: 00h:4–7 (banks 0–3, bit 0) and 00h:13 (banks 4–7 in bits 7-4, XPO summaries in 3-0). */
    public int[] summaries() {
        byte[] lo = read(Pages.LOWER_MEMORY, 0, 4, 10);
        return new int[] {lo[0] & 0xFF, lo[1] & 0xFF, lo[2] & 0xFF, lo[3] & 0xFF, lo[9] & 0xFF};
    }

    /** True when the flag summary of {@code bank} says a page 11h flag is set there. */
    public boolean bankSummary(int bank) {
        int[] s = summaries();
        return bank < 4 ? (s[bank] & 1) != 0 : (s[4] & (1 << bank)) != 0;
    }

    /** 00h:3 bit 0 = 0: the module says its interrupt is asserted. */
    public boolean interruptAsserted() { return get(LowerPage.INTERRUPT_DEASSERTED) == 0; }

    /** The IntL pin is low. Only where the pin reaches the host. */
    public boolean intLLow() { return !transport().readPin(Pin.INT_L); }

    // ------------------------------------------------------------------ events

    /** Records the target's events of one kind until closed. */
    public <E extends TargetEvent> Events<E> record(Class<E> type) { return new Events<>(transport(), type); }

    /** Events of one kind as they arrive (IntL edges, IBIs, resets ...). */
    public static final class Events<E extends TargetEvent> implements AutoCloseable {
        private final List<E> seen = new CopyOnWriteArrayList<>();
        private final AutoCloseable subscription;

        Events(Transport transport, Class<E> type) {
            subscription = transport.subscribe(e -> { if (type.isInstance(e)) seen.add(type.cast(e)); });
        }

        /** What arrived so far, oldest first. */
        public List<E> list() { return List.copyOf(seen); }

        public void clear() { seen.clear(); }

        @Override
        public void close() {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // the transport is closing anyway; nothing is left to release
            }
        }
    }

    // ------------------------------------------------------------------ advertised durations

    /** The module's advertised maximum durations (01h:144, 167, 168), read once. */
    public Durations durations() {
        Durations d = durations;
        if (d == null) durations = d = Durations.read(this);
        return d;
    }

    /** Advertised durations, each the upper bound of its CMIS code (what SONiC uses, without its ×10 for DPInit). */
    public record Durations(Duration dpInit, Duration dpDeinit, Duration modulePwrUp, Duration modulePwrDn,
                            Duration txTurnOn, Duration txTurnOff) {
        static Durations read(Host h) {
            byte[] p = h.read(Pages.ADVERTISING, 0, 144, 25);
            int b144 = p[0] & 0xFF, b167 = p[23] & 0xFF, b168 = p[24] & 0xFF;
            return new Durations(ms(b144 & 0xF), ms(b144 >> 4), ms(b167 & 0xF), ms(b167 >> 4), ms(b168 & 0xF),
                ms(b168 >> 4));
        }

        private static Duration ms(int code) { return Duration.ofMillis(Codecs.durationMillis(code)); }
    }

    /** Advertised durations plus the target's allowance ({@link Target#allowance()}): the limit the suite gives the module. */
    public Duration limit(Duration... advertised) {
        Duration d = target.allowance();
        for (Duration a : advertised) d = d.plus(a);
        return d;
    }

    /**
     * Advertised durations plus the host allowance only: how long a check watches for something that must not happen.
     * The emulated targets' extra allowance is for lateness; a longer quiet window would only slow the suite.
     */
    public Duration quietWindow(Duration... advertised) {
        Duration d = Settings.allowance();
        for (Duration a : advertised) d = d.plus(a);
        return d;
    }

    // ------------------------------------------------------------------ waiting

    /**
     * Polls {@code probe} until {@code ok} holds, at most {@code limit}; fails with "expected WHAT within N ms; last
     * seen: ..." and returns the value that satisfied it.
     */
    public <T> T await(String what, Duration limit, Callable<T> probe, Predicate<T> ok, Function<T, String> show) {
        return awaitImpl(what, limit, probe, ok, show, e -> false);
    }

    public <T> T await(String what, Duration limit, Callable<T> probe, Predicate<T> ok) {
        return awaitImpl(what, limit, probe, ok, String::valueOf, e -> false);
    }

    /** Like {@link #await} but a NACK or bus error (module resetting or initializing) counts as "not yet". */
    public <T> T awaitThroughNacks(String what, Duration limit, Callable<T> probe, Predicate<T> ok, Function<T, String> show) {
        return awaitImpl(what, limit, probe, ok, show, e -> e instanceof XpoException.Nack || e instanceof XpoException.BusError);
    }

    /** Like {@link #await} but any driver error (a link still reconnecting) counts as "not yet". */
    public <T> T awaitThroughErrors(String what, Duration limit, Callable<T> probe, Predicate<T> ok, Function<T, String> show) {
        return awaitImpl(what, limit, probe, ok, show, e -> true);
    }

    private <T> T awaitImpl(String what, Duration limit, Callable<T> probe, Predicate<T> ok, Function<T, String> show,
                            Predicate<XpoException> notYet) {
        AtomicReference<String> last = new AtomicReference<>("nothing read yet");
        AtomicReference<T> hit = new AtomicReference<>();
        long start = System.nanoTime();
        try {
            org.awaitility.Awaitility.await(what).atMost(limit.toMillis() + 1, TimeUnit.MILLISECONDS).pollDelay(Duration.ZERO).pollInterval(POLL)
                .pollInSameThread().until(() -> {
                    T v;
                    try {
                        v = probe.call();
                    } catch (XpoException e) {
                        if (!notYet.test(e)) throw e;
                        access.invalidate();
                        last.set("no answer (" + e.getMessage() + ")");
                        return false;
                    }
                    last.set(show.apply(v));
                    if (ok.test(v)) {
                        hit.set(v);
                        return true;
                    }
                    return false;
                });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected " + what + " within " + limit.toMillis() + " ms; last seen after "
                + (System.nanoTime() - start) / 1_000_000 + " ms: " + last.get(), null);
        }
        return hit.get();
    }

    /** Sleeps (only where a host must let time pass, e.g. a reset pulse or "nothing happens" checks). */
    public static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    // ------------------------------------------------------------------ module-level actions

    /** How the suite resets: a ResetL pulse when the pin is wired, else SoftwareReset (00h:26.3). */
    public String reset() {
        markVolatile();
        String how;
        if (target.wired(Pin.RESET_L)) {
            transport().writePin(Pin.RESET_L, false);
            sleep(RESET_PULSE);
            transport().writePin(Pin.RESET_L, true);
            how = "ResetL pulse";
        } else {
            set(LowerPage.SOFTWARE_RESET, 1);
            how = "SoftwareReset";
        }
        access.invalidate();
        awaitBootedAfterReset(how);
        return how;
    }

    /**
     * Sets a harmless volatile register (Aux1 masks, 00h:33 bits 3-0, of a monitor the profile does not implement)
     * so that its return to 0 proves a reset happened and an old state is not mistaken for the new one.
     */
    public void markVolatile() {
        try {
            set(LowerPage.AUX1_MASKS, 0xF);
        } catch (XpoException e) {
            // a module that does not answer now is reset anyway; the wait then relies on the state alone
        }
    }

    /** Waits until the module answers after a reset (MgmtInit) and reports ModuleLowPwr or ModuleReady. */
    public ModuleState awaitBootedAfterReset(String how) {
        Durations d = durations;  // read before the reset; never read it from a module that is resetting
        Duration limit = MGMT_INIT.plus(d == null ? Duration.ofSeconds(5) : d.modulePwrUp()).plus(target.allowance());
        record Boot(ModuleState state, long marker) {}
        Boot b = awaitThroughNacks("the module to answer after a " + how + " and report ModuleLowPwr or ModuleReady "
                + "(MgmtInit 2 s + ModulePwrUp)", limit,
            () -> {
                // two reads: bytes 8-11 between them are latched flags a caller may still want to see
                int b3 = u8(Pages.LOWER_MEMORY, 0, 3), b33 = u8(Pages.LOWER_MEMORY, 0, 33);
                return new Boot(ModuleState.fromCode((b3 >> 1) & 7), b33 & 0x0F);
            },
            s -> s.marker == 0 && (s.state == ModuleState.LOW_PWR || s.state == ModuleState.READY),
            s -> (s.state == null ? "reserved state" : s.state.cmisName())
                + (s.marker != 0 ? " (volatile registers not yet restored: no reset seen)" : ""));
        access.invalidate();
        return b.state;
    }

    /** Waits for ModuleReady within the advertised ModulePwrUp (plus allowance). */
    public void awaitReady() {
        Duration lim = limit(durations().modulePwrUp());
        await("ModuleReady within ModulePwrUp (" + durations().modulePwrUp().toMillis() + " ms advertised)", lim,
            this::state, s -> s == ModuleState.READY, Host::name);
    }

    /** Every lane whose active control set has an application: DPActivated (the default application comes up itself). */
    public void awaitDataPathsActivated(Duration limit) {
        await("every configured lane DPActivated", limit, this::dataPathSummary, s -> s.isEmpty(), s -> s);
    }

    /** "" when every lane with an application is DPActivated, else which lanes are not. */
    public String dataPathSummary() {
        StringBuilder sb = new StringBuilder();
        for (int b = 0; b < BANKS; b++) {
            DpConfig[] acs = activeConfig(b);
            DataPathState[] st = dpStates(b);
            for (int i = 0; i < Lanes.PER_BANK; i++) {
                if (acs[i].appSel() != 0 && st[i] != DataPathState.ACTIVATED) {
                    sb.append(sb.isEmpty() ? "" : ", ").append("lane ").append(Lanes.lane(b, i)).append(' ')
                        .append(st[i] == null ? "reserved" : st[i].cmisName());
                }
            }
        }
        return sb.toString();
    }

    /**
     * Puts the module in the state every check class starts from: no injected faults (emulator), host pins at their
     * defaults (ResetL high, LPMode low, PowerEnable high), a reset, ModuleReady, every configured data path
     * DPActivated, and no latched flags.
     */
    public void baseline() {
        if (target.emulated()) {
            for (ActiveFault af : target.module().activeFaults()) target.module().clearFault(af.id());
            if (!target.cage().present()) throw new IllegalStateException("the emulated cage is empty");
        }
        if (target.wired(Pin.POWER_ENABLE)) transport().writePin(Pin.POWER_ENABLE, true);
        if (target.wired(Pin.LP_MODE)) transport().writePin(Pin.LP_MODE, false);
        if (target.wired(Pin.RESET_L)) transport().writePin(Pin.RESET_L, true);
        if (durations == null) awaitThroughNacks("the module to answer", MGMT_INIT.plus(target.allowance()),
            () -> durations(), d -> true, String::valueOf);
        reset();
        if (!target.wired(Pin.LP_MODE) && state() == ModuleState.LOW_PWR) {
            // LPMode is not wired: the module may see it asserted by the cage. Take power mode in software, as
            // SONiC does: LowPwrAllowRequestHW = 0, LowPwrRequestSW = 0.
            set(LowerPage.LOW_PWR_ALLOW_REQUEST_HW, 0);
        }
        awaitReady();
        Durations d = durations();
        awaitDataPathsActivated(limit(d.dpInit(), d.txTurnOn()));
        clearFlags();
    }

    /** Resets (pin or software), handles an unwired LPMode pin, and waits for ModuleReady and the default data paths. */
    public void resetToReady() {
        reset();
        if (!target.wired(Pin.LP_MODE) && state() == ModuleState.LOW_PWR) set(LowerPage.LOW_PWR_ALLOW_REQUEST_HW, 0);
        awaitReady();
        Durations d = durations();
        awaitDataPathsActivated(limit(d.dpInit(), d.txTurnOn()));
    }

    // ------------------------------------------------------------------ lanes

    /** Waits until every lane of {@code bank} in {@code mask} shows {@code want}. */
    public void awaitBank(int bank, int mask, DataPathState want, Duration limit, String why) {
        await(why + ": " + want.cmisName() + " on bank " + bank + " lanes " + laneList(bank, mask), limit,
            () -> dpStates(bank), s -> {
                for (int i = 0; i < Lanes.PER_BANK; i++) if ((mask & (1 << i)) != 0 && s[i] != want) return false;
                return true;
            }, Host::names);
    }

    /**
     * Turns the transmitters of a whole bank off and on again (OutputDisableTx), waiting for DPInitialized and
     * DPActivated within the advertised Tx turn-off/turn-on durations: the data paths of that bank change state,
     * so DPStateChangedFlag latches there — a flag any module can be made to raise without a fault.
     */
    public void cycleTx(int bank) {
        Durations d = durations();
        setLaneBits(LaneControlPage.OUTPUT_DISABLE_TX, bank, 0xFF);
        awaitBank(bank, 0xFF, DataPathState.INITIALIZED, limit(d.txTurnOff()), "Tx disabled");
        setLaneBits(LaneControlPage.OUTPUT_DISABLE_TX, bank, 0x00);
        awaitBank(bank, 0xFF, DataPathState.ACTIVATED, limit(d.txTurnOn()), "Tx enabled");
    }

    /** "lanes 9-16" style list of the lanes of {@code bank} in {@code mask}. */
    public static String laneList(int bank, int mask) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Lanes.PER_BANK; i++) {
            if ((mask & (1 << i)) == 0) continue;
            int lane = Lanes.lane(bank, i);
            if (!sb.isEmpty()) sb.append(',');
            sb.append(lane);
        }
        return sb.toString();
    }

    public static String name(ModuleState s) { return s == null ? "a reserved state" : s.cmisName(); }

    public static String name(DataPathState s) { return s == null ? "reserved" : s.cmisName(); }

    public static String names(DataPathState[] s) {
        return Arrays.stream(s).map(Host::name).toList().toString();
    }

    public static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) sb.append(String.format("%02X ", x & 0xFF));
        return sb.toString().trim();
    }
}
