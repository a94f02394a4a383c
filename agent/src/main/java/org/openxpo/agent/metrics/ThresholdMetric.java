package org.openxpo.agent.metrics;

import io.prometheus.metrics.model.snapshots.Unit;
import org.openxpo.driver.module.Thresholds;
import org.openxpo.protocol.map.XpoPages;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Where the thresholds of one monitor go: the metric beside the value they bound ({@code xpo_lane_rx_power_dbm} →
 * {@code xpo_lane_rx_power_threshold_dbm}), converted to the same unit, with the labels that tell the monitor apart
 * among several sharing one metric (coolant inlet/outlet, the four zones).
 */
record ThresholdMetric(String name, String help, Unit unit, DoubleUnaryOperator convert, String[] labels) {
    static final Unit DBM = new Unit("dbm");
    static final Unit CUBIC_METERS_PER_SECOND = new Unit("cubic_meters_per_second");
    private static final DoubleUnaryOperator SAME = v -> v;

    /** The driver's monitor names: CMIS's (page 02h) and the XPO profile's (page B1h, from the map). */
    static final Map<String, ThresholdMetric> BY_MONITOR = Map.ofEntries(
        Map.entry("Temp", of("xpo_module_temperature_threshold_celsius", "module temperature", Unit.CELSIUS, SAME)),
        Map.entry("Vcc", of("xpo_module_supply_voltage_threshold_volts", "3.3 V supply", Unit.VOLTS, SAME)),
        Map.entry("TxPower", of("xpo_lane_tx_power_threshold_dbm", "lane Tx power", DBM, Units::milliwattsToDbm)),
        Map.entry("TxBias", of("xpo_lane_tx_bias_threshold_amperes", "lane Tx bias", Unit.AMPERES, Units::milliToBase)),
        Map.entry("RxPower", of("xpo_lane_rx_power_threshold_dbm", "lane Rx power", DBM, Units::milliwattsToDbm)),
        xpo(XpoPages.Monitor.INPUT_VOLTAGE, of("xpo_module_input_voltage_threshold_volts", "50 V input voltage", Unit.VOLTS, SAME)),
        xpo(XpoPages.Monitor.INPUT_CURRENT, of("xpo_module_input_current_threshold_amperes", "input current", Unit.AMPERES, SAME)),
        xpo(XpoPages.Monitor.INPUT_POWER, of("xpo_module_input_power_threshold_watts", "input power", new Unit("watts"), SAME)),
        xpo(XpoPages.Monitor.COOLANT_INLET_TEMP, coolant("inlet")),
        xpo(XpoPages.Monitor.COOLANT_OUTLET_TEMP, coolant("outlet")),
        xpo(XpoPages.Monitor.COOLANT_FLOW, of("xpo_coolant_flow_threshold_cubic_meters_per_second", "coolant flow",
            CUBIC_METERS_PER_SECOND, Units::litresPerMinuteToBase)),
        xpo(XpoPages.Monitor.COLD_PLATE_TEMP, of("xpo_cold_plate_temperature_threshold_celsius", "cold-plate temperature",
            Unit.CELSIUS, SAME)),
        xpo(XpoPages.Monitor.CARD_A_HOT_ZONE_TEMP, zone("a", "hot")),
        xpo(XpoPages.Monitor.CARD_A_COLD_ZONE_TEMP, zone("a", "cold")),
        xpo(XpoPages.Monitor.CARD_B_HOT_ZONE_TEMP, zone("b", "hot")),
        xpo(XpoPages.Monitor.CARD_B_COLD_ZONE_TEMP, zone("b", "cold")));

    private static ThresholdMetric of(String name, String what, Unit unit, DoubleUnaryOperator convert) {
        return new ThresholdMetric(name, "Thresholds of the " + what + " the module advertises", unit, convert, new String[0]);
    }

    private static ThresholdMetric coolant(String position) {
        return new ThresholdMetric("xpo_coolant_temperature_threshold_celsius",
            "Thresholds of the coolant temperatures the module advertises", Unit.CELSIUS, SAME,
            new String[] {"position", position});
    }

    private static ThresholdMetric zone(String card, String zone) {
        return new ThresholdMetric("xpo_zone_temperature_threshold_celsius",
            "Thresholds of the paddle-card zone temperatures the module advertises", Unit.CELSIUS, SAME,
            new String[] {"card", card, "zone", zone});
    }

    private static Map.Entry<String, ThresholdMetric> xpo(XpoPages.Monitor m, ThresholdMetric t) {
        return Map.entry(m.thresholds().monitor(), t);
    }

    /** The four values of {@code set}: severity warning|alarm × bound high|low. */
    void export(Families.Gauge gauge, String module, Thresholds.Set set) {
        add(gauge, module, set.highAlarm(), "alarm", "high");
        add(gauge, module, set.highWarning(), "warning", "high");
        add(gauge, module, set.lowWarning(), "warning", "low");
        add(gauge, module, set.lowAlarm(), "alarm", "low");
    }

    private void add(Families.Gauge gauge, String module, double value, String severity, String bound) {
        String[] l = new String[6 + labels.length];
        l[0] = "module"; l[1] = module; l[2] = "severity"; l[3] = severity; l[4] = "bound"; l[5] = bound;
        System.arraycopy(labels, 0, l, 6, labels.length);
        gauge.add(convert.applyAsDouble(value), l);
    }
}
