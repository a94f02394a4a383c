package org.openxpo.emulator.fault;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * A fault to inject into an emulated module. Each one changes only what the module's firmware and physics do; a host
 * sees it through registers, flags, pins and IBIs, exactly as on hardware. Clearing a fault lets the module recover
 * where a real one would (latched faults such as a protective shutdown still need a reset).
 */
public sealed interface Fault {
    /** A short kind name for APIs and logs ("laser-failure", ...). */
    String kind();

    private static Set<Integer> checkLanes(Set<Integer> lanes) {
        if (lanes == null || lanes.isEmpty()) throw new IllegalArgumentException("a lane fault needs at least one lane");
        for (int l : lanes) if (l < 1 || l > 64) throw new IllegalArgumentException("lane " + l + " is outside 1-64");
        return Set.copyOf(new TreeSet<>(lanes));
    }

    /** Lasers of these lanes fail: no light, Tx failure flag, Tx power/bias low alarms. */
    record LaserFailure(Set<Integer> lanes) implements Fault {
        public LaserFailure { lanes = checkLanes(lanes); }
        public String kind() { return "laser-failure"; }
    }

    /** No light arrives on these lanes: Rx LOS, Rx power low alarm, output status Rx off. */
    record RxLossOfSignal(Set<Integer> lanes) implements Fault {
        public RxLossOfSignal { lanes = checkLanes(lanes); }
        public String kind() { return "rx-los"; }
    }

    /** The CDR of these lanes loses lock (host side Tx, or media side Rx). */
    record CdrLossOfLock(Set<Integer> lanes, boolean rx) implements Fault {
        public CdrLossOfLock { lanes = checkLanes(lanes); }
        public String kind() { return "cdr-lol"; }
    }

    /** Coolant flow changes to {@code fraction} of nominal (0 = no flow, up to 2 = twice the nominal flow). */
    record CoolantFlow(double fraction) implements Fault {
        public CoolantFlow {
            if (fraction < 0 || fraction > 2) throw new IllegalArgumentException("flow fraction " + fraction);
        }
        public String kind() { return "coolant-flow"; }
    }

    /** The leak sensor reports coolant: leak flag, then a protective shutdown. */
    record CoolantLeak() implements Fault {
        public String kind() { return "coolant-leak"; }
    }

    /** The leak sensor itself fails (flag only). */
    record LeakSensorFault() implements Fault {
        public String kind() { return "leak-sensor-fault"; }
    }

    /** Coolant arrives at {@code celsius} instead of the nominal inlet temperature. */
    record InletTemperature(double celsius) implements Fault {
        public InletTemperature {
            if (celsius < -20 || celsius > 100) throw new IllegalArgumentException("inlet temperature " + celsius);
        }
        public String kind() { return "inlet-temperature"; }
    }

    /** The 50 V supply sits at {@code volts}: below 40 V the module browns out, above 60 V it protects itself. */
    record InputVoltage(double volts) implements Fault {
        public InputVoltage {
            if (volts < 0 || volts > 80) throw new IllegalArgumentException("input voltage " + volts);
        }
        public String kind() { return "input-voltage"; }
    }

    /** The 50 V supply sags below the lock-out level for {@code duration}, then recovers: a power-on reset. */
    record BrownOut(Duration duration) implements Fault {
        public BrownOut {
            if (duration == null || duration.isNegative() || duration.isZero()) throw new IllegalArgumentException("brown-out duration");
        }
        public String kind() { return "brown-out"; }
    }

    /** The management interface hangs: every I2C/I3C transfer fails until cleared. */
    record StuckBus() implements Fault {
        public String kind() { return "stuck-bus"; }
    }

    /** The module firmware crashes: ModuleFirmwareErrorFlag and ModuleFault until reset. */
    record FirmwareFault() implements Fault {
        public String kind() { return "firmware-fault"; }
    }

    /** The lasers of these lanes age: Tx power falls by {@code dbPerHour} (emulated time) while bias rises. */
    record OpticsDegradation(Set<Integer> lanes, double dbPerHour) implements Fault {
        public OpticsDegradation {
            lanes = checkLanes(lanes);
            if (dbPerHour <= 0 || dbPerHour > 1000) throw new IllegalArgumentException("degradation " + dbPerHour);
        }
        public String kind() { return "optics-degradation"; }
    }

    /** CDB block writes take {@code factor} times as long as usual. */
    record CdbSlowWrites(double factor) implements Fault {
        public CdbSlowWrites {
            if (factor < 1 || factor > 1000) throw new IllegalArgumentException("slowdown factor " + factor);
        }
        public String kind() { return "cdb-slow-writes"; }
    }

    /** Every CDB firmware block write fails (status 0x62). */
    record CdbWriteFailure() implements Fault {
        public String kind() { return "cdb-write-failure"; }
    }

    /** CDB Complete (0107h) rejects the image (status 0x60) whatever it holds. */
    record CdbCompleteFailure() implements Fault {
        public String kind() { return "cdb-complete-failure"; }
    }

    /** After CDB Run (0109h) the module never comes back: silent until ResetL or a power cycle. */
    record FirmwareNoReturn() implements Fault {
        public String kind() { return "firmware-no-return"; }
    }

    /** CDB in foreground mode: the module NACKs every access while a command is busy. */
    record CdbForeground() implements Fault {
        public String kind() { return "cdb-foreground"; }
    }
}
