package org.openxpo.agent.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import org.openxpo.agent.core.FlagCount;
import org.openxpo.agent.core.LaneVdm;
import org.openxpo.agent.core.VdmLimits;
import org.openxpo.agent.core.VdmQuantity;
import org.openxpo.agent.core.VdmReading;
import org.openxpo.protocol.map.VdmType.Side;
import org.openxpo.agent.core.ModuleRegistry;
import org.openxpo.agent.core.ModuleView;
import org.openxpo.agent.core.MonitoredModule;
import org.openxpo.driver.module.Alarm;
import org.openxpo.driver.module.CoolingStatus;
import org.openxpo.driver.module.Identity;
import org.openxpo.driver.module.LaneStatus;
import org.openxpo.driver.module.ModuleSnapshot;
import org.openxpo.driver.module.PowerStatus;
import org.openxpo.driver.module.Severity;
import org.openxpo.driver.module.Thresholds;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The Prometheus face: reads every module's cached {@link ModuleView} at scrape time (no module is read by a scrape)
 * and writes the {@code xpo_} families of docs/agent.md. Values a module does not have are left out, not zero.
 */
public final class XpoCollector implements MultiCollector {
    private static final Unit WATTS = new Unit("watts");

    private final ModuleRegistry registry;
    private final Map<String, ModuleLabels> labels = new ConcurrentHashMap<>();

    public XpoCollector(ModuleRegistry registry) { this.registry = registry; }

    @Override
    public MetricSnapshots collect() {
        Families f = new Families();
        Scrape s = new Scrape(f);
        // by name: each family's series then come in the library's order (Series)
        List<MonitoredModule> modules = registry.modules().stream().sorted(Comparator.comparing(MonitoredModule::name)).toList();
        f.gauge("xpo_agent_modules", "Modules the agent is configured to watch", null).add(modules.size());
        Set<String> names = new HashSet<>();
        for (MonitoredModule m : modules) {
            names.add(m.name());
            s.module(m, labels.computeIfAbsent(m.name(), ModuleLabels::new));
        }
        labels.keySet().retainAll(names); // a removed module's labels go with it
        return f.snapshots();
    }

    /** The families of one scrape, created once and filled module by module. */
    private static final class Scrape {
        final Families.Info info;
        final Families.Gauge present, reachable, state, temperature, supply, inputV, inputA, inputW, maxW, coolantT,
            coolantFlow, coldPlate, zone, leak, mating, rxPower, txPower, bias, dataPath, txValid, rxValid, moduleFlag,
            laneFlag, alarmsActive, pollSeconds;
        final Families.Counter flagChanges, polls, pollErrors;
        final Families f;
        final Map<String, Families.Gauge> thresholdFamilies = new HashMap<>();
        final Map<VdmQuantity, Families.Gauge> vdm = new EnumMap<>(VdmQuantity.class);

        Scrape(Families f) {
            this.f = f;
            info = f.info("xpo_module", "What the module is: vendor, part number, serial, firmware, form factor");
            present = f.gauge("xpo_module_present", "1 when the module is plugged in (ModPrsL), else 0", null);
            reachable = f.gauge("xpo_module_reachable", "1 when the agent reaches the module's target, else 0", null);
            state = f.gauge("xpo_module_state", "CMIS module state code (1 LowPwr, 2 PwrUp, 3 Ready, 4 PwrDn, 5 Fault)", null);
            temperature = f.gauge("xpo_module_temperature_celsius", "Module case temperature", Unit.CELSIUS);
            supply = f.gauge("xpo_module_supply_voltage_volts", "3.3 V supply voltage (CMIS Vcc monitor)", Unit.VOLTS);
            inputV = f.gauge("xpo_module_input_voltage_volts", "50 V input voltage (XPO page B0h)", Unit.VOLTS);
            inputA = f.gauge("xpo_module_input_current_amperes", "Input current (XPO page B0h)", Unit.AMPERES);
            inputW = f.gauge("xpo_module_input_power_watts", "Input power (XPO page B0h)", WATTS);
            maxW = f.gauge("xpo_module_max_power_watts", "Maximum power the module advertises", WATTS);
            coolantT = f.gauge("xpo_coolant_temperature_celsius", "Coolant temperature at the inlet or outlet", Unit.CELSIUS);
            coolantFlow = f.gauge("xpo_coolant_flow_cubic_meters_per_second", "Coolant flow",
                ThresholdMetric.CUBIC_METERS_PER_SECOND);
            coldPlate = f.gauge("xpo_cold_plate_temperature_celsius", "Cold-plate temperature", Unit.CELSIUS);
            zone = f.gauge("xpo_zone_temperature_celsius", "Paddle-card zone temperature (card a|b, zone hot|cold)", Unit.CELSIUS);
            leak = f.gauge("xpo_coolant_leak_detected", "1 while the leak sensor reports a leak, else 0", null);
            mating = f.gauge("xpo_coolant_mating_cycles", "Quick-connect mating cycles counted by the module", null);
            rxPower = f.gauge("xpo_lane_rx_power_dbm", "Lane input optical power (left out when dark)", ThresholdMetric.DBM);
            txPower = f.gauge("xpo_lane_tx_power_dbm", "Lane output optical power (left out when dark)", ThresholdMetric.DBM);
            bias = f.gauge("xpo_lane_tx_bias_amperes", "Lane laser bias current", Unit.AMPERES);
            dataPath = f.gauge("xpo_lane_data_path_state", "CMIS data-path state code (1 deactivated … 4 activated)", null);
            txValid = f.gauge("xpo_lane_tx_output_valid", "1 when the lane's Tx output is valid, else 0", null);
            rxValid = f.gauge("xpo_lane_rx_output_valid", "1 when the lane's Rx output is valid, else 0", null);
            moduleFlag = f.gauge("xpo_module_flag", "1 while a module-wide flag is raised, 0 once cleared (flags seen since start)", null);
            laneFlag = f.gauge("xpo_lane_flag", "1 while a lane flag is raised, 0 once cleared (flags seen since start)", null);
            flagChanges = f.counter("xpo_flag_changes", "Raises and clears of a flag since the agent started");
            alarmsActive = f.gauge("xpo_alarms_active", "Active alarms and warnings by severity", null);
            VdmMetric.BY_QUANTITY.forEach((q, m) -> vdm.put(q, f.gauge(m.name(), m.help(), m.unit())));
            pollSeconds = f.gauge("xpo_poll_duration_seconds", "How long the latest poll of the module took", Unit.SECONDS);
            polls = f.counter("xpo_polls", "Polls of the module since the agent started");
            pollErrors = f.counter("xpo_poll_errors", "Polls of the module that failed since the agent started");
        }

        void module(MonitoredModule m, ModuleLabels ml) {
            ModuleView v = m.view();
            String name = v.name();
            Series mod = ml.module;
            present.flag(v.present(), mod);
            reachable.flag(v.reachable(), mod);
            pollSeconds.add(v.health().lastDurationSeconds(), mod);
            polls.add(v.health().polls(), mod);
            pollErrors.add(v.health().errors(), mod);
            if (v.state() != null) state.add(v.state().code(), mod);
            Identity id = v.identity();
            if (id != null) {
                info.add("module", name, "vendor", id.vendorName(), "part_number", id.partNumber(), "serial",
                    id.serialNumber(), "firmware", id.activeFirmware().toString(), "form_factor", id.identifierName());
                maxW.add(id.maxPowerW(), mod);
            }
            alarms(ml, v.activeAlarms(), m.flagChanges());
            if (v.thresholds() != null) thresholds(ml, v.thresholds());
            ModuleSnapshot s = v.snapshot();
            if (s == null || !v.present()) return;
            temperature.add(s.temperatureC(), mod);
            supply.add(s.supplyVoltageV(), mod);
            if (s.power() != null) power(mod, s.power());
            if (s.cooling() != null) cooling(ml, s.cooling());
            for (LaneStatus l : s.lanes()) lane(ml.lane(l.lane()), l);
            if (v.vdm() != null) vdm(ml, v.vdm());
        }

        void power(Series mod, PowerStatus p) {
            inputV.add(p.inputVoltageV(), mod);
            inputA.add(p.inputCurrentA(), mod);
            inputW.add(p.inputPowerW(), mod);
        }

        void cooling(ModuleLabels ml, CoolingStatus c) {
            coolantT.add(c.inletTempC(), ml.inlet);
            coolantT.add(c.outletTempC(), ml.outlet);
            coolantFlow.add(Units.litresPerMinuteToBase(c.flowLpm()), ml.module);
            coldPlate.add(c.coldPlateTempC(), ml.module);
            zone.add(c.cardAHotZoneTempC(), ml.zones[0]);
            zone.add(c.cardAColdZoneTempC(), ml.zones[1]);
            zone.add(c.cardBHotZoneTempC(), ml.zones[2]);
            zone.add(c.cardBColdZoneTempC(), ml.zones[3]);
            leak.flag(c.leakDetected(), ml.module);
            mating.add(c.matingCycles(), ml.module);
        }

        void lane(Series lane, LaneStatus l) {
            rxPower.add(l.rxPowerDbm(), lane);
            txPower.add(l.txPowerDbm(), lane);
            bias.add(Units.milliToBase(l.biasMa()), lane);
            if (l.dataPathState() != null) dataPath.add(l.dataPathState().code(), lane);
            txValid.flag(l.txOutputValid(), lane);
            rxValid.flag(l.rxOutputValid(), lane);
        }

        void vdm(ModuleLabels ml, VdmReading r) {
            for (LaneVdm l : r.lanes()) {
                Series series = ml.lane(l.lane(), l.side());
                l.values().forEach((q, value) -> vdm.get(q).add(value, series));
            }
            vdmThresholds(ml, r);
        }

        /**
         * VDM thresholds per quantity and side: one module-wide set when every lane has the same (the XPO profile's
         * lane-ordered runs share one threshold set), else one set per lane.
         */
        void vdmThresholds(ModuleLabels ml, VdmReading r) {
            Map<VdmQuantity, Map<Side, Set<VdmLimits>>> distinct = new EnumMap<>(VdmQuantity.class);
            for (LaneVdm l : r.lanes()) {
                l.limits().forEach((q, lim) -> distinct.computeIfAbsent(q, x -> new EnumMap<>(Side.class))
                    .computeIfAbsent(l.side(), x -> new HashSet<>()).add(lim));
            }
            distinct.forEach((q, bySide) -> {
                VdmMetric m = VdmMetric.BY_QUANTITY.get(q);
                Families.Gauge g = thresholdFamilies.computeIfAbsent(m.thresholdName(),
                    n -> f.gauge(n, "Thresholds of the " + m.help().replace(" (VDM)", "").toLowerCase(java.util.Locale.ROOT)
                        + " the module advertises (VDM)", m.unit()));
                bySide.forEach((side, sets) -> {
                    String sideName = side.name().toLowerCase(java.util.Locale.ROOT);
                    if (sets.size() == 1) {
                        limits(g, sets.iterator().next(), (sev, bound) -> ml.with(m.thresholdName() + "/" + sideName + "/" + sev
                            + "/" + bound, "side", sideName, "severity", sev, "bound", bound));
                    } else {
                        for (LaneVdm l : r.lanes()) {
                            VdmLimits lim = l.side() == side ? l.limits().get(q) : null;
                            if (lim != null) limits(g, lim, (sev, bound) -> ml.laneWith(l.lane(), "vdm/" + sideName + "/" + sev
                                + "/" + bound, "side", sideName, "bound", bound, "severity", sev));
                        }
                    }
                });
            });
        }

        /** The four values of {@code lim}, labelled by {@code labelsOf(severity, bound)}. */
        private static void limits(Families.Gauge g, VdmLimits lim, BiFunction<String, String, Series> labelsOf) {
            g.add(lim.highAlarm(), labelsOf.apply("alarm", "high"));
            g.add(lim.highWarning(), labelsOf.apply("warning", "high"));
            g.add(lim.lowWarning(), labelsOf.apply("warning", "low"));
            g.add(lim.lowAlarm(), labelsOf.apply("alarm", "low"));
        }

        /**
         * Alarm and warning flags seen since start as 0/1 with their change counts, and active alarms by severity.
         * Informational flags (state changes) are events, never active: the alarm log has them, not the metrics.
         */
        void alarms(ModuleLabels ml, List<Alarm> active, List<FlagCount> seen) {
            Set<String> activeKeys = new HashSet<>();
            Map<Severity, Integer> bySeverity = new HashMap<>();
            for (Alarm a : active) {
                activeKeys.add(a.key());
                bySeverity.merge(a.severity(), 1, Integer::sum);
            }
            for (Severity sev : Severity.values()) {
                if (sev == Severity.INFO) continue;
                alarmsActive.add(bySeverity.getOrDefault(sev, 0), ml.with("severity=" + sev.label(), "severity", sev.label()));
            }
            for (FlagCount c : seen) {
                Alarm a = c.alarm();
                if (a.severity() == Severity.INFO) continue;
                boolean on = activeKeys.contains(a.key());
                if (a.lane() == null) {
                    Series l = ml.with("flag=" + a.name(), "flag", a.name());
                    moduleFlag.flag(on, l);
                    flagChanges.add(c.changes(), l);
                } else {
                    Series l = ml.laneWith(a.lane(), "flag=" + a.name(), "flag", a.name());
                    laneFlag.flag(on, l);
                    flagChanges.add(c.changes(), l);
                }
            }
        }

        void thresholds(ModuleLabels ml, Thresholds t) {
            for (Thresholds.Set set : t.sets()) {
                ThresholdMetric m = ThresholdMetric.BY_MONITOR.get(set.monitor());
                if (m == null) continue; // a monitor this agent has no metric for yet
                m.export(thresholdFamilies.computeIfAbsent(m.name(), n -> f.gauge(n, m.help(), m.unit())), ml, set);
            }
        }
    }
}
