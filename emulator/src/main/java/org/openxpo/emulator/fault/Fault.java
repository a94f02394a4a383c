package org.openxpo.emulator.fault;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.openxpo.emulator.Ranges;
import org.openxpo.protocol.types.Lanes;

import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A fault to inject into an emulated module. Each one changes only what the module's firmware and physics do; a host
 * sees it through registers, flags, pins and IBIs, exactly as on hardware. Clearing a fault lets the module recover
 * where a real one would (latched faults such as a protective shutdown still need a reset).
 *
 * <p>This type is also the faults' JSON form, the same in scenario files and the control API:
 * {@code {"kind":"laser-failure","lanes":[1,2]}}. Jackson finds the kinds through the sealed hierarchy and names them by
 * {@link JsonTypeName}; each record's components are exactly the parameters its kind takes, so a parameter of another
 * kind is an unknown field. Every switch over a fault lists every kind (no default arm): a new kind does not compile
 * until each place handles it. Every constructor checks its parameters against the ranges in docs/emulator-server.md.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
public sealed interface Fault {
    /** The kind's name in APIs, scenarios and logs ("laser-failure", ...). */
    default String kind() { return FaultKinds.nameOf(getClass()); }

    private static Set<Integer> checkLanes(Set<Integer> lanes) {
        if (lanes == null || lanes.isEmpty()) throw new IllegalArgumentException("a lane fault needs at least one lane");
        for (Integer l : lanes) {
            if (l == null) throw new IllegalArgumentException("lanes must not hold null");
            Lanes.check(l);
        }
        return Collections.unmodifiableSortedSet(new TreeSet<>(lanes));   // sorted: JSON lists lanes in order
    }

    /** Lasers of these lanes fail: no light, Tx failure flag, Tx power/bias low alarms. */
    @JsonTypeName("laser-failure")
    record LaserFailure(@JsonProperty(required = true) Set<Integer> lanes) implements Fault {
        public LaserFailure { lanes = checkLanes(lanes); }
    }

    /** No light arrives on these lanes: Rx LOS, Rx power low alarm, output status Rx off. */
    @JsonTypeName("rx-los")
    record RxLossOfSignal(@JsonProperty(required = true) Set<Integer> lanes) implements Fault {
        public RxLossOfSignal { lanes = checkLanes(lanes); }
    }

    /** The CDR of these lanes loses lock (host side Tx, or media side Rx; Tx when {@code rx} is omitted). */
    @JsonTypeName("cdr-lol")
    record CdrLossOfLock(@JsonProperty(required = true) Set<Integer> lanes, boolean rx) implements Fault {
        public CdrLossOfLock { lanes = checkLanes(lanes); }
    }

    /** The lasers of these lanes age: Tx power falls by {@code dbPerHour} (emulated time) while bias rises. */
    @JsonTypeName("optics-degradation")
    record OpticsDegradation(@JsonProperty(required = true) Set<Integer> lanes,
                             @JsonProperty(required = true) double dbPerHour) implements Fault {
        public OpticsDegradation {
            lanes = checkLanes(lanes);
            Ranges.checkPositive("dbPerHour", dbPerHour, 1000);
        }
    }

    /**
     * The PRBS checker of these lanes cannot lock (media side, or host side when {@code media} is omitted), whatever
     * it receives: its loss-of-lock flag latches and it counts every other bit as an error.
     */
    @JsonTypeName("prbs-checker-lol")
    record PrbsCheckerLossOfLock(@JsonProperty(required = true) Set<Integer> lanes, boolean media) implements Fault {
        public PrbsCheckerLossOfLock { lanes = checkLanes(lanes); }
    }

    /**
     * Bit errors at rate {@code ber} (more than 0, at most 0.5) add to what the PRBS checkers of these lanes measure
     * (media side, or host side when {@code media} is omitted), on top of the lane's link quality.
     */
    @JsonTypeName("injected-ber")
    record InjectedBer(@JsonProperty(required = true) Set<Integer> lanes, boolean media,
                       @JsonProperty(required = true) double ber) implements Fault {
        public InjectedBer {
            lanes = checkLanes(lanes);
            Ranges.checkPositive("ber", ber, 0.5);
        }
    }

    /**
     * The connectors of these lanes are dirty: reflections and loss cost their media input {@code db} dB of eSNR
     * (0–30), so the pre-FEC BER rises by what the PAM4 formula gives (docs/emulator.md).
     */
    @JsonTypeName("dirty-connector")
    record DirtyConnector(@JsonProperty(required = true) Set<Integer> lanes,
                          @JsonProperty(required = true) double db) implements Fault {
        public DirtyConnector {
            lanes = checkLanes(lanes);
            Ranges.checkPositive("db", db, 30);
        }
    }

    /** The receivers of these lanes age: their media eSNR drifts down by {@code dbPerHour} (emulated time). */
    @JsonTypeName("aging-drift")
    record AgingDrift(@JsonProperty(required = true) Set<Integer> lanes,
                      @JsonProperty(required = true) double dbPerHour) implements Fault {
        public AgingDrift {
            lanes = checkLanes(lanes);
            Ranges.checkPositive("dbPerHour", dbPerHour, 1000);
        }
    }

    /**
     * A burst of errored frames on the media input of these lanes: for {@code durationMs} (1 ms to 24 h) a fraction
     * {@code ratio} (more than 0, at most 1) of the FEC frames is uncorrectable; then it ends by itself.
     */
    @JsonTypeName("errored-frames-burst")
    record ErroredFramesBurst(@JsonProperty(required = true) Set<Integer> lanes,
                              @JsonProperty(required = true) long durationMs,
                              @JsonProperty(required = true) double ratio) implements Fault {
        public ErroredFramesBurst {
            lanes = checkLanes(lanes);
            Ranges.check("durationMs", durationMs, 1, Ranges.MAX_BROWN_OUT_MS, "24 h");
            Ranges.checkPositive("ratio", ratio, 1);
        }

        public Duration duration() { return Duration.ofMillis(durationMs); }
    }

    /** Coolant flow changes to {@code fraction} of nominal (0 = no flow, up to 2 = twice the nominal flow). */
    @JsonTypeName("coolant-flow")
    record CoolantFlow(@JsonProperty(required = true) double fraction) implements Fault {
        public CoolantFlow { Ranges.check("fraction", fraction, 0, 2); }
    }

    /** The leak sensor reports coolant: leak flag, then a protective shutdown. */
    @JsonTypeName("coolant-leak")
    record CoolantLeak() implements Fault {}

    /** The leak sensor itself fails (flag only). */
    @JsonTypeName("leak-sensor-fault")
    record LeakSensorFault() implements Fault {}

    /** Coolant arrives at {@code celsius} instead of the nominal inlet temperature. */
    @JsonTypeName("inlet-temperature")
    record InletTemperature(@JsonProperty(required = true) double celsius) implements Fault {
        public InletTemperature { Ranges.check("celsius", celsius, -20, 100); }
    }

    /** The 50 V supply sits at {@code volts}: below 40 V the module browns out, above 60 V it protects itself. */
    @JsonTypeName("input-voltage")
    record InputVoltage(@JsonProperty(required = true) double volts) implements Fault {
        public InputVoltage { Ranges.check("volts", volts, 0, 80); }
    }

    /**
     * The 50 V supply sags below the lock-out level for {@code durationMs} (1 ms to 24 h), then recovers: a power-on
     * reset.
     */
    @JsonTypeName("brown-out")
    record BrownOut(@JsonProperty(required = true) long durationMs) implements Fault {
        public BrownOut { Ranges.check("durationMs", durationMs, 1, Ranges.MAX_BROWN_OUT_MS, "24 h"); }

        /** A brown-out of {@code duration}: whole milliseconds, 1 ms–24 h. */
        public BrownOut(Duration duration) { this(wholeMillis(duration)); }

        private static long wholeMillis(Duration d) {
            if (d == null || d.compareTo(Duration.ofMillis(1)) < 0 || d.compareTo(Duration.ofMillis(Ranges.MAX_BROWN_OUT_MS)) > 0)
                throw new IllegalArgumentException("a brown-out lasts 1 ms–24 h, not " + d);
            if (d.toNanosPart() % 1_000_000 != 0)
                throw new IllegalArgumentException("a brown-out lasts whole milliseconds, not " + d);
            return d.toMillis();
        }

        public Duration duration() { return Duration.ofMillis(durationMs); }
    }

    /** The management interface hangs: every I2C/I3C transfer fails until cleared. */
    @JsonTypeName("stuck-bus")
    record StuckBus() implements Fault {}

    /** The module firmware crashes: ModuleFirmwareErrorFlag and ModuleFault until reset. */
    @JsonTypeName("firmware-fault")
    record FirmwareFault() implements Fault {}

    /** CDB block writes take {@code factor} times as long as usual. */
    @JsonTypeName("cdb-slow-writes")
    record CdbSlowWrites(@JsonProperty(required = true) double factor) implements Fault {
        public CdbSlowWrites { Ranges.check("factor", factor, 1, 1000); }
    }

    /** Every CDB firmware block write fails (status 0x62). */
    @JsonTypeName("cdb-write-failure")
    record CdbWriteFailure() implements Fault {}

    /** CDB Complete (0107h) rejects the image (status 0x60) whatever it holds. */
    @JsonTypeName("cdb-complete-failure")
    record CdbCompleteFailure() implements Fault {}

    /** After CDB Run (0109h) the module never comes back: silent until ResetL or a power cycle. */
    @JsonTypeName("firmware-no-return")
    record FirmwareNoReturn() implements Fault {}

    /** CDB in foreground mode: the module NACKs every access while a command is busy. */
    @JsonTypeName("cdb-foreground")
    record CdbForeground() implements Fault {}
}
