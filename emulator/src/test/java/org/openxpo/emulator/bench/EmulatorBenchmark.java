package org.openxpo.emulator.bench;

import org.openxpo.emulator.Cage;
import org.openxpo.emulator.EmulatedChassis;
import org.openxpo.emulator.clock.EmulatorClock;
import org.openxpo.emulator.clock.VirtualClock;
import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.emulator.module.XpoModule;
import org.openxpo.protocol.connector.I2cMessage;
import org.openxpo.protocol.connector.I2cResult;
import org.openxpo.protocol.types.Lanes;
import org.openxpo.protocol.types.ModuleState;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prints what one emulator costs (a main program, not a test: run it from the emulator's test classpath, e.g.
 * {@code java -Xmx1g -cp <test classpath> org.openxpo.emulator.bench.EmulatorBenchmark}).
 * <ol>
 *   <li>Median and p99 of a 128-byte read on the in-process target (goal ≤ 2 µs median): select a page of 11h
 *       (bank rotating) and read 128 bytes in one {@link Cage#i2c} transfer joined by repeated starts, on a virtual
 *       clock (pure cost) and on wall-clock time with the firmware thread running (what a server sees).</li>
 *   <li>Modules per JVM (goal 10,000 in ≤ 1 GiB): heap per module after GC, for modules past MgmtInit in
 *       ModuleLowPwr and in ModuleReady with all 64 lanes up, and the CPU one 100 ms physics tick costs.</li>
 * </ol>
 * Arguments: {@code [modules=10000] [reads=1000000]}.
 */
public final class EmulatorBenchmark {
    private EmulatorBenchmark() {}

    public static void main(String[] args) throws Exception {
        int modules = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int reads = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        System.out.printf("JVM %s, %d CPUs, max heap %d MiB%n", Runtime.version(), Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().maxMemory() >> 20);
        readLatency("virtual clock", new VirtualClock(), reads);
        readLatency("wall clock + firmware thread", EmulatorClock.system(), reads);
        modulesPerJvm(modules);
    }

    // ------------------------------------------------------------------ read latency

    private static void readLatency(String label, EmulatorClock clock, int n) throws InterruptedException {
        try (EmulatedChassis chassis = EmulatedChassis.single(clock)) {
            Cage cage = chassis.cage(1);
            if (clock instanceof VirtualClock v) v.advanceMillis(2000);
            else Thread.sleep(1500);
            if (cage.module().moduleState() != ModuleState.READY) throw new IllegalStateException("module not ready");
            List<List<I2cMessage>> transfers = new ArrayList<>();
            for (int bank = 0; bank < Lanes.BANKS; bank++) {
                transfers.add(List.of(I2cMessage.write(0x50, (byte) 126, (byte) bank, (byte) 0x11),
                    I2cMessage.write(0x50, (byte) 128), I2cMessage.read(0x50, 128)));
            }
            List<I2cMessage> readOnly = List.of(I2cMessage.write(0x50, (byte) 128), I2cMessage.read(0x50, 128));
            long sink = 0;
            for (int i = 0; i < 300_000; i++) sink += check(cage.i2c(transfers.get(i & 7)));   // warm-up (JIT)
            long[] t = new long[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                List<I2cResult> r = cage.i2c(transfers.get(i & 7));
                t[i] = System.nanoTime() - t0;
                sink += r.get(2).data()[0];
            }
            long[] plain = new long[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                List<I2cResult> r = cage.i2c(readOnly);
                plain[i] = System.nanoTime() - t0;
                sink += r.get(1).data()[0];
            }
            System.out.printf("128-byte read, %s: select page + read 128: median %.2f µs, p99 %.2f µs, max %.1f µs;"
                    + " read 128 without select: median %.2f µs, p99 %.2f µs   (%d samples, sink %d)%n",
                label, pct(t, 50), pct(t, 99), pct(t, 100), pct(plain, 50), pct(plain, 99), n, sink & 1);
            System.out.printf("  goal: median <= 2 µs -> %s%n", pct(t, 50) <= 2 ? "met" : "MISSED");
        }
    }

    private static int check(List<I2cResult> r) {
        for (I2cResult x : r) if (!x.ok()) throw new IllegalStateException("transfer failed: " + r);
        return r.get(r.size() - 1).data()[0];
    }

    /** Percentile in µs. */
    private static double pct(long[] samples, double p) {
        long[] s = samples.clone();
        Arrays.sort(s);
        int i = (int) Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1);
        return s[Math.max(0, i)] / 1000.0;
    }

    // ------------------------------------------------------------------ modules per JVM

    private static void modulesPerJvm(int n) {
        long base = usedAfterGc();
        VirtualClock clock = new VirtualClock();
        long t0 = System.nanoTime();
        List<XpoModule> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            // Held in low power by the LPMode pin: powered and past MgmtInit, lanes down.
            XpoModule m = new XpoModule(ModuleConfig.builder().seed(i).serialNumber(EmulatedChassis.serial(i + 1)).build(), clock);
            m.setLpMode(true);
            list.add(m);
        }
        clock.advanceMillis(1000);
        for (XpoModule m : list) m.sync();
        double buildMs = (System.nanoTime() - t0) / 1e6;
        requireAll(list, ModuleState.LOW_PWR);
        long lowPwr = usedAfterGc() - base;
        System.out.printf("modules per JVM: %,d modules built and past MgmtInit in %.0f ms%n", n, buildMs);
        System.out.printf("  ModuleLowPwr: heap %.1f MiB total, %.1f KiB per module -> %,d modules per GiB%n",
            lowPwr / 1048576.0, lowPwr / 1024.0 / n, (long) (1024L * 1024 * 1024 / Math.max(1, lowPwr / n)));

        for (XpoModule m : list) m.setLpMode(false);
        clock.advanceMillis(2000);
        for (XpoModule m : list) m.sync();
        requireAll(list, ModuleState.READY);
        long ready = usedAfterGc() - base;
        System.out.printf("  ModuleReady, 64 lanes up: heap %.1f MiB total, %.1f KiB per module -> %,d modules per GiB%n",
            ready / 1048576.0, ready / 1024.0 / n, (long) (1024L * 1024 * 1024 / Math.max(1, ready / n)));
        System.out.printf("  goal: 10,000 modules in <= 1 GiB -> %s (%.0f MiB for 10,000)%n",
            ready / (double) n * 10_000 <= 1L << 30 ? "met" : "MISSED", ready / (double) n * 10_000 / 1048576.0);

        // Physics: 1 s of emulated time = 10 ticks per module.
        for (int round = 0; round < 2; round++) {   // first round warms up
            clock.advanceMillis(1000);
            long s = System.nanoTime();
            for (XpoModule m : list) m.sync();
            double perTickUs = (System.nanoTime() - s) / 1e3 / n / 10;
            if (round == 1) {
                System.out.printf("  physics tick (64 lanes up): %.1f µs per module per 100 ms tick -> one core keeps"
                    + " %,d modules in real time%n", perTickUs, (long) (100_000 / perTickUs));
            }
        }
        java.lang.ref.Reference.reachabilityFence(list);
    }

    private static void requireAll(List<XpoModule> list, ModuleState s) {
        for (XpoModule m : list) {
            if (m.moduleState() != s) throw new IllegalStateException("module in " + m.moduleState() + ", expected " + s);
        }
    }

    private static long usedAfterGc() {
        var mem = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return mem.getHeapMemoryUsage().getUsed();
    }
}
