package org.openxpo.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openxpo.conformance.support.Host;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.map.ThresholdSet;
import org.openxpo.protocol.map.XpoPages;
import org.openxpo.protocol.types.ModuleState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.openxpo.conformance.support.Host.*;

/**
 * The 50 V power and liquid-cooling telemetry of pages B0h/B1h, and the CMIS module monitors, read as a bench engineer
 * judges them: within physical ranges (input 40–60 V, power up to the advertised maximum, flow 0.35–0.7 L/min),
 * consistent with each other (I = P/V, the coolant carries the input power away, the cold plate sits between coolant
 * and hot zones), and quiet (no alarm flags) at nominal conditions. On a bench this needs the nominal supply (48–53 V)
 * and coolant loop (≈ 0.5 L/min, inlet 40–45 °C: the XPO operating point) and all lanes up (the baseline).
 * Byte addresses typed here are deliberate: the independent host's reading of CMIS (see {@link Checks}).
 */
abstract class TelemetryChecks extends Checks {
    /** How long a real module may take to refresh its monitors (the emulator: 100 ms). */
    private static final Duration REFRESH = Duration.ofSeconds(2);

    @Override
    protected void prepare() {
        host.baseline();
        host.await("the 50 V monitor to read a value after the reset", REFRESH, () -> host.value(XpoPages.Monitor.INPUT_VOLTAGE.value()),
            v -> v > 0, v -> v + " V");
        // the coolant and the zones settle within a few time constants of the reset's power step
        host.await("input power with every lane up", REFRESH, () -> host.value(XpoPages.Monitor.INPUT_POWER.value()), p -> p > 0, p -> p + " W");
    }

    @AfterAll
    void restore() {
        if (host.state() != ModuleState.READY || host.get(LowerPage.LOW_PWR_REQUEST_SW) != 0) host.resetToReady();
        host.clearFlags();
    }

    /** Reads B0h 128–157 in one transfer: the monitors of one refresh together. */
    private byte[] telemetry() {
        byte[] w = new byte[256];
        System.arraycopy(host.read(Pages.XPO_TELEMETRY, 0, 128, 30), 0, w, 128, 30);
        return w;
    }

    private static double v(byte[] w, Field field) { return field.value(w, 0); }

    @Test
    void inputVoltageIsWithinTheOperatingRange() {
        double v = host.value(XpoPages.Monitor.INPUT_VOLTAGE.value());
        assertTrue(v > 40 && v < 60, "InputVoltage " + v + " V: the XPO input range is 40-60 V (nominal 48-53 V)");
        double la = host.value(XpoPages.Monitor.INPUT_VOLTAGE.thresholds().lowAlarm()), ha = host.value(XpoPages.Monitor.INPUT_VOLTAGE.thresholds().highAlarm());
        assertTrue(v > la && v < ha, "InputVoltage " + v + " V outside its alarms " + la + "-" + ha + " V");
    }

    @Test
    void inputPowerIsPositiveAndWithinTheAdvertisedMaximum() {
        double p = host.value(XpoPages.Monitor.INPUT_POWER.value()), max = host.value(XpoPages.MAX_POWER_XPO);
        assertTrue(p > 0, "InputPower " + p + " W with every lane up");
        assertTrue(p <= max, "InputPower " + p + " W above the advertised MaxPowerXpo " + max + " W");
    }

    @Test
    void inputCurrentIsPowerOverVoltage() {
        byte[] w = telemetry();
        double v = v(w, XpoPages.Monitor.INPUT_VOLTAGE.value()), i = v(w, XpoPages.Monitor.INPUT_CURRENT.value()), p = v(w, XpoPages.Monitor.INPUT_POWER.value());
        double expect = p / v;
        assertEquals(expect, i, 0.03 * expect + 0.05, String.format("InputCurrent %.3f A vs InputPower/InputVoltage "
            + "%.1f W / %.3f V = %.3f A (tolerance 3 %% + 50 mA)", i, p, v, expect));
    }

    @Test
    void coolantFlowIsNominal() {
        double q = host.value(XpoPages.Monitor.COOLANT_FLOW.value());
        assertTrue(q >= 0.35 && q <= 0.7, "CoolantFlow " + q + " L/min: nominal is 0.35-0.7 L/min");
    }

    @Test
    void coolantTemperaturesArePlausible() {
        byte[] w = telemetry();
        double in = v(w, XpoPages.Monitor.COOLANT_INLET_TEMP.value()), out = v(w, XpoPages.Monitor.COOLANT_OUTLET_TEMP.value());
        assertTrue(in >= 5 && in <= 45, "CoolantInletTemp " + in + " °C outside 5-45 °C");
        assertTrue(out >= in - 0.5, "the outlet (" + out + " °C) must not be colder than the inlet (" + in + " °C)");
        assertTrue(out - in <= 30, "outlet - inlet = " + (out - in) + " K: far more than a running module heats the coolant");
    }

    @Test
    void coolantCarriesTheInputPowerAway() {
        // heat carried = flow (L/s) × 4186 J/(L·K) × (outlet − inlet); a liquid-cooled module loses little to the air
        record Balance(double carried, double input) {
            double ratio() { return carried / input; }
        }
        Balance b = host.await("the coolant to carry 50-120 % of the input power (energy balance)", Duration.ofSeconds(8),
            () -> {
                byte[] w = telemetry();
                double q = v(w, XpoPages.Monitor.COOLANT_FLOW.value()), dt = v(w, XpoPages.Monitor.COOLANT_OUTLET_TEMP.value()) - v(w, XpoPages.Monitor.COOLANT_INLET_TEMP.value());
                return new Balance(q / 60 * 4186 * dt, v(w, XpoPages.Monitor.INPUT_POWER.value()));
            }, x -> x.ratio() >= 0.5 && x.ratio() <= 1.2,
            x -> String.format("%.0f W carried / %.0f W input = %.0f %%", x.carried, x.input, 100 * x.ratio()));
        assertTrue(b.input > 0);
    }

    @Test
    void coldPlateSitsBetweenCoolantAndHotZones() {
        byte[] w = telemetry();
        double in = v(w, XpoPages.Monitor.COOLANT_INLET_TEMP.value()), plate = v(w, XpoPages.Monitor.COLD_PLATE_TEMP.value());
        double hotA = v(w, XpoPages.Monitor.CARD_A_HOT_ZONE_TEMP.value()), hotB = v(w, XpoPages.Monitor.CARD_B_HOT_ZONE_TEMP.value());
        assertTrue(plate >= in - 1, "cold plate " + plate + " °C colder than the coolant inlet " + in + " °C");
        assertTrue(plate <= hotA + 1 && plate <= hotB + 1, "cold plate " + plate + " °C warmer than a hot zone ("
            + hotA + ", " + hotB + " °C)");
    }

    @Test
    void hotZonesAreWarmerThanColdZonesOnBothPaddleCards() {
        byte[] w = telemetry();
        double hotA = v(w, XpoPages.Monitor.CARD_A_HOT_ZONE_TEMP.value()), coldA = v(w, XpoPages.Monitor.CARD_A_COLD_ZONE_TEMP.value());
        double hotB = v(w, XpoPages.Monitor.CARD_B_HOT_ZONE_TEMP.value()), coldB = v(w, XpoPages.Monitor.CARD_B_COLD_ZONE_TEMP.value());
        assertTrue(hotA >= coldA - 1, "card A hot zone " + hotA + " °C below its cold zone " + coldA + " °C");
        assertTrue(hotB >= coldB - 1, "card B hot zone " + hotB + " °C below its cold zone " + coldB + " °C");
    }

    @Test
    void xpoMonitorsAreWithinTheirWarnings() {
        byte[] w = telemetry();
        byte[] th = new byte[256];
        System.arraycopy(host.read(Pages.XPO_THRESHOLDS, 0, 128, 88), 0, th, 128, 88);
        List<String> bad = new ArrayList<>();
        for (XpoPages.Monitor m : XpoPages.Monitor.values()) {
            double value = v(w, m.value());
            double hw = m.thresholds().highWarning().value(th, 0);
            double lw = m.thresholds().lowWarning().value(th, 0);
            if (value > hw || (lw > 0 && value < lw)) bad.add(m.value().name() + " " + value + " (warnings " + lw + "-" + hw + ")");
        }
        assertTrue(bad.isEmpty(), "monitors outside their warning thresholds at nominal conditions: " + bad);
    }

    @Test
    void moduleTemperatureAndVccAreWithinTheirWarnings() {
        double temp = host.value(LowerPage.TEMP_MON_VALUE), vcc = host.value(LowerPage.VCC_MON_VOLTAGE);
        double thw = host.value(AdminPages.TEMP_MON.highWarning()), tlw = host.value(AdminPages.TEMP_MON.lowWarning());
        double vhw = host.value(AdminPages.VCC_MON.highWarning()), vlw = host.value(AdminPages.VCC_MON.lowWarning());
        assertTrue(temp < thw && temp > tlw, "module temperature " + temp + " °C outside " + tlw + "-" + thw + " °C");
        assertTrue(vcc < vhw && vcc > vlw, "3.3 V rail " + vcc + " V outside " + vlw + "-" + vhw + " V");
        assertEquals(3.3, vcc, 0.165, "the internal rail is nominally 3.3 V (± 5 %)");
    }

    @Test
    void noLeakAndTheLeakSensorIsHealthy() {
        assertEquals(0, host.get(XpoPages.LEAK_DETECTED), "B0h:150.0 LeakDetected: check the coolant loop NOW");
        assertEquals(0, host.get(XpoPages.LEAK_SENSOR_FAULT), "B0h:150.1 LeakSensorFault: the module cannot see leaks");
    }

    @Test
    void matingCyclesAreBelowTheirWarning() {
        long rated = host.get(XpoPages.MATING_CYCLES_RATED), cycles = host.get(XpoPages.MATING_CYCLES);
        assertTrue(rated > 0, "MatingCyclesRated must be advertised (the quick-connect rating, ~500)");
        assertTrue(cycles < rated * 9 / 10, "MatingCycles " + cycles + " of " + rated + " rated: past the 90 % warning");
    }

    @Test
    void thresholdsAreOrdered() {
        List<String> bad = new ArrayList<>();
        byte[] b1 = new byte[256], p2 = new byte[256];
        System.arraycopy(host.read(Pages.XPO_THRESHOLDS, 0, 128, 88), 0, b1, 128, 88);
        System.arraycopy(host.read(Pages.THRESHOLDS, 0, 128, 72), 0, p2, 128, 72);
        for (XpoPages.Monitor m : XpoPages.Monitor.values()) ordered(m.thresholds(), b1, bad);
        for (ThresholdSet s : List.of(AdminPages.TEMP_MON, AdminPages.VCC_MON, AdminPages.TX_POWER, AdminPages.TX_BIAS,
            AdminPages.RX_POWER)) ordered(s, p2, bad);
        assertTrue(bad.isEmpty(), "thresholds must be ordered HighAlarm ≥ HighWarning > LowWarning ≥ LowAlarm: " + bad);
    }

    private static void ordered(ThresholdSet s, byte[] w, List<String> bad) {
        double a = s.highAlarm().value(w, 0), b = s.highWarning().value(w, 0), c = s.lowWarning().value(w, 0),
            d = s.lowAlarm().value(w, 0);
        if (!(a >= b && b > c && c >= d)) bad.add(s.monitor() + " " + a + "/" + b + "/" + c + "/" + d);
    }

    @Test
    void inputVoltageAlarmsSitInsideTheOperatingRange() {
        double la = host.value(XpoPages.Monitor.INPUT_VOLTAGE.thresholds().lowAlarm()), ha = host.value(XpoPages.Monitor.INPUT_VOLTAGE.thresholds().highAlarm());
        assertTrue(la >= 40, "InputVoltage LowAlarm " + la + " V must sit at or above the 40 V lock-out, so it "
            + "latches before the module browns out");
        assertTrue(ha <= 60, "InputVoltage HighAlarm " + ha + " V must not exceed the 60 V maximum");
    }

    @Test
    void noXpoFlagLatchesAtNominalConditions() {
        host.read(Pages.XPO_TELEMETRY, 0, 160, 6);
        Host.sleep(Duration.ofSeconds(1));
        byte[] flags = host.read(Pages.XPO_TELEMETRY, 0, 160, 6);
        assertArrayEquals(new byte[6], flags, "B0h:160-165 latched again within 1 s at nominal conditions: " + hex(flags));
        assertEquals(0, host.u8(Pages.LOWER_MEMORY, 0, 13) & 0x0F, "00h:13 XPO summaries must be clear");
    }

    @Test
    void inputPowerDropsInLowPower() {
        Host.Durations d = host.durations();
        double ready = host.value(XpoPages.Monitor.INPUT_POWER.value());
        host.set(LowerPage.LOW_PWR_REQUEST_SW, 1);
        host.await("ModuleLowPwr", host.limit(d.modulePwrDn(), d.dpDeinit()), host::state, s -> s == ModuleState.LOW_PWR,
            Host::name);
        double low = host.await("input power in ModuleLowPwr below half of ModuleReady's " + ready + " W", REFRESH,
            () -> host.value(XpoPages.Monitor.INPUT_POWER.value()), p -> p < ready / 2, p -> p + " W");
        assertTrue(low > 0, "a powered module in ModuleLowPwr still draws power");
        host.set(LowerPage.LOW_PWR_REQUEST_SW, 0);
        host.await("ModuleReady", host.limit(d.modulePwrUp()), host::state, s -> s == ModuleState.READY, Host::name);
        host.awaitDataPathsActivated(host.limit(d.dpInit(), d.txTurnOn()));
    }
}
