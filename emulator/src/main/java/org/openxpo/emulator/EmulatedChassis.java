package org.openxpo.emulator;

import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.clock.VirtualClock;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.emulator.module.XpoModule;
import org.openxpo.protocol.connector.Chassis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A chassis of emulated cages numbered from 1. On a {@link VirtualClock} the firmware runs when the test advances
 * time; on wall-clock time a daemon thread keeps every module's timers running so events are pushed unprompted.
 */
public final class EmulatedChassis implements Chassis {
    private static final Logger LOG = LoggerFactory.getLogger(EmulatedChassis.class);
    /** How long, at most, the firmware thread sleeps between checks, in wall-clock time. */
    private static final long MAX_IDLE_NANOS = 5_000_000;
    /** The shortest sleep, in emulated time: a timer due sooner waits this long (the firmware never spins). */
    private static final long MIN_WAIT_NANOS = 100_000;

    private final EmulatorClock clock;
    private final IntFunction<ModuleConfig> startConfig;
    private final List<Cage> cages;
    private final Runnable virtualListener;
    private final Thread firmwareThread;
    private volatile boolean closed;

    /** {@code n} cages, each with a module built by {@code config.apply(cage)} (null leaves the cage empty). */
    public EmulatedChassis(int n, EmulatorClock clock, IntFunction<ModuleConfig> config) {
        if (n < 1) throw new IllegalArgumentException("a chassis has at least one cage");
        this.clock = clock;
        this.startConfig = config;
        List<Cage> list = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            ModuleConfig c = config.apply(i);
            list.add(new Cage(i, clock, c == null ? null : new XpoModule(c, clock)));
        }
        this.cages = Collections.unmodifiableList(list);
        if (clock instanceof VirtualClock v) {
            virtualListener = this::syncAll;
            v.onAdvance(virtualListener);
            firmwareThread = null;
        } else {
            virtualListener = null;
            firmwareThread = Thread.ofPlatform().daemon().name("xpo-firmware").start(this::runFirmware);
        }
    }

    /** One cage with the default module, on the given clock. */
    public static EmulatedChassis single(EmulatorClock clock) {
        return new EmulatedChassis(1, clock, i -> ModuleConfig.builder().serialNumber(serial(i)).seed(i).build());
    }

    /** {@code n} cages with default modules whose serial numbers and seeds differ. */
    public static EmulatedChassis of(int n, EmulatorClock clock) {
        return new EmulatedChassis(n, clock, i -> ModuleConfig.builder().serialNumber(serial(i)).seed(i).build());
    }

    public static String serial(int cage) { return String.format("XPO%07d", cage); }

    public EmulatorClock clock() { return clock; }

    /** The configuration of the module cage {@code n} started with (null: it started empty). */
    public ModuleConfig startConfig(int n) {
        cage(n);
        return startConfig.apply(n);
    }

    @Override
    public List<Integer> cages() {
        List<Integer> out = new ArrayList<>(cages.size());
        for (Cage c : cages) out.add(c.number());
        return out;
    }

    @Override
    public Cage cage(int number) {
        if (number < 1 || number > cages.size())
            throw new IllegalArgumentException("no cage " + number + " (cages are 1-" + cages.size() + ")");
        return cages.get(number - 1);
    }

    public int size() { return cages.size(); }

    private void syncAll() {
        for (Cage c : cages) c.sync();
    }

    /**
     * The firmware thread: runs every module's due timers, then sleeps until the next one. A timer that throws (a bug,
     * or an event listener that fails) is logged and dropped; the thread goes on driving every module, because when
     * it stops no cage pushes events until a host happens to access it.
     */
    private void runFirmware() {
        while (!closed) {
            long next = Long.MAX_VALUE;
            for (Cage c : cages) {
                XpoModule m = c.module();
                if (m == null) continue;
                try {
                    m.sync();
                } catch (VirtualMachineError e) {
                    throw e;
                } catch (Throwable e) {
                    LOG.error("cage {}: a firmware task failed; the module goes on without it", c.number(), e);
                }
                next = Math.min(next, m.nextDeadline());
            }
            java.util.concurrent.locks.LockSupport.parkNanos(wallWait(next - clock.nanos(), clock.rate()));
        }
    }

    /**
     * How long the firmware thread sleeps, in wall-clock nanoseconds, when its next timer is {@code emulatedNanos} of
     * emulated time away on a clock running at {@code rate}: a sped-up clock ({@code --clock-rate}) reaches the
     * deadline sooner, so the sleep is divided by the rate (never more than {@link #MAX_IDLE_NANOS}).
     */
    static long wallWait(long emulatedNanos, double rate) {
        return Math.min(MAX_IDLE_NANOS, (long) (Math.max(MIN_WAIT_NANOS, emulatedNanos) / rate));
    }

    @Override
    public void close() {
        closed = true;
        if (clock instanceof VirtualClock v) v.removeListener(virtualListener);
        if (firmwareThread != null) {
            java.util.concurrent.locks.LockSupport.unpark(firmwareThread);
            try {
                firmwareThread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
