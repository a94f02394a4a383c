package org.openxpo.emulator.module;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openxpo.emulator.Cage;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.VirtualClock;
import org.openxpo.protocol.connector.TargetEvent;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.units.Codecs;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** One emulated module in cage 1 on a virtual clock, a test host on its bus, and the events it pushed. */
abstract class ModuleFixture {
    final VirtualClock clock = new VirtualClock();
    EmulatedChassis chassis;
    Cage cage;
    XpoModule module;
    TestHost host;
    final List<TargetEvent> events = new CopyOnWriteArrayList<>();

    ModuleConfig config() { return ModuleConfig.defaults(); }

    @BeforeEach
    void start() {
        chassis = new EmulatedChassis(1, clock, i -> config());
        cage = chassis.cage(1);
        module = cage.module();
        host = new TestHost(cage);
        cage.subscribe(events::add);
    }

    @AfterEach
    void stop() { chassis.close(); }

    void advance(long ms) { clock.advanceMillis(ms); }

    /** The IntL edges the module pushed so far, in order: true = asserted. */
    List<Boolean> intLEdges() {
        return events.stream().filter(e -> e instanceof TargetEvent.IntL).map(e -> ((TargetEvent.IntL) e).asserted())
            .toList();
    }

    /** Past MgmtInit, PwrUp and the default application's bring-up. */
    void bootToReady() {
        advance(2000);
    }

    /** Reads and so clears every latched flag the host can see (lower page, all lane banks and their VDM flags, XPO page). */
    void clearAllFlags() {
        host.read(8, 4);
        for (int b = 0; b < 8; b++) {
            host.select(0x11, b);
            host.read(134, 20);
            host.select(0x2C, b);
            host.read(128, 64);
        }
        host.select(0xB0, 0);
        host.read(160, 6);
        host.select(0, 0);
    }

    /** Every element of a per-lane field of {@code bank} (e.g. DPState, ConfigStatusLane), read in one transfer. */
    int[] lanes(Field f, int bank) {
        host.select(f.page(), bank);
        byte[] window = new byte[256];
        System.arraycopy(host.read(f.offset(), f.byteLength()), 0, window, f.offset(), f.byteLength());
        int[] out = new int[f.count()];
        for (int i = 0; i < out.length; i++) out[i] = (int) f.get(window, i);
        return out;
    }

    /** The byte of a one-bit-per-lane field of {@code bank} (bit i = lane 8·bank+i+1), e.g. OutputStatusTx. */
    int laneMask(Field f, int bank) {
        host.select(f.page(), bank);
        return host.readByte(f.offset());
    }

    /** The advertised upper bound of a 01h duration code field (e.g. MaxDurationDPInit), in ms. */
    long advertisedMillis(Field durationField) {
        return Codecs.durationMillis((int) host.get(durationField));
    }

    /** The data-path durations the module advertises in 01h:144 and 01h:168: upper bounds in ms. */
    record DataPathDurations(long dpInit, long dpDeinit, long txOn, long txOff) {}

    DataPathDurations advertisedDataPathDurations() {
        return new DataPathDurations(advertisedMillis(AdminPages.MAX_DURATION_DP_INIT),
            advertisedMillis(AdminPages.MAX_DURATION_DP_DEINIT), advertisedMillis(AdminPages.MAX_DURATION_DP_TX_TURN_ON),
            advertisedMillis(AdminPages.MAX_DURATION_DP_TX_TURN_OFF));
    }

    /** The eight lanes of a bank all at {@code v}, as a per-lane field reads when the bank moves together. */
    static int[] all(int v) {
        int[] a = new int[8];
        Arrays.fill(a, v);
        return a;
    }

    /**
     * Steps the clock 1 ms at a time until {@code done} holds (checked before each step) and returns the elapsed ms;
     * fails if it does not hold within {@code limitMs}. 0 means the condition already held.
     */
    long millisUntil(BooleanSupplier done, long limitMs, String what) {
        for (long t = 0; t <= limitMs; t++) {
            if (done.getAsBoolean()) return t;
            if (t < limitMs) advance(1);
        }
        return fail(what + " not within " + limitMs + " ms");
    }
}
