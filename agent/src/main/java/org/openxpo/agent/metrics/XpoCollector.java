package org.openxpo.agent.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import org.openxpo.agent.core.FlagCount;
import org.openxpo.agent.core.LaneVdm;
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
import org.openxpo.protocol.types.Lanes;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Prometheus face: reads every module's cached {@link ModuleView} at scrape time (no module is read by a scrape)
 * and writes the {@code xpo_} families of docs/agent.md. Values a module does not have are left out, not zero.
 */
public final class XpoCollector implements MultiCollector {
    private static final Unit DB = new Unit("db");
    private static final Unit WATTS = new Unit("watts");

    private final ModuleRegistry registry;

    public XpoCollector(ModuleRegistry registry) { this.registry = registry; }

    @Override
    public MetricSnapshots collect() {
        Families f = new Families();
        Scrape s = new Scrape(f);
        List<MonitoredModule> modules = registry.modules();
        f.gauge("xpo_agent_modules", "Modules the agent is configured to watch", null).add(modules.size());
        for (MonitoredModule m : modules) s.module(m);
        return f.snapshots();
    }

    /** The families of one scrape, created once and filled module by module. */
    private static final class Scrape {
        final Families.Info info;
        final Families.Gauge present, reachable, state, temperature, supply, inputV, inputA, inputW, maxW, coolantT,
            coolantFlow, coldPlate, zone, leak, mating, rxPower, txPower, bias, dataPath, txValid, rxValid, moduleFlag,
            laneFlag, alarmsActive, esnr, ltp, laserT, ber, berMin, berMax, berAvg, erroredFrames, pollSeconds;
        final Families.Counter flagChanges, polls, pollErrors;
        final Families f;
        final Map<String, Families.Gauge> thresholdFamilies = new HashMap<>();

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
            alarmsActive = f.gauge("xpo_alarms_active", "Active alarms by severity", null);
            esnr = f.gauge("xpo_lane_esnr_db", "Lane electrical SNR (VDM)", DB);
            ltp = f.gauge("xpo_lane_ltp_db", "Lane PAM4 level transition parameter (VDM)", DB);
            laserT = f.gauge("xpo_lane_laser_temperature_celsius", "Lane laser temperature (VDM)", Unit.CELSIUS);
            ber = f.gauge("xpo_lane_pre_fec_ber_ratio", "Lane pre-FEC bit error ratio, current (VDM)", Unit.RATIO);
            berMin = f.gauge("xpo_lane_pre_fec_ber_interval_min_ratio", "Lane pre-FEC BER, interval minimum (VDM)", Unit.RATIO);
            berMax = f.gauge("xpo_lane_pre_fec_ber_interval_max_ratio", "Lane pre-FEC BER, interval maximum (VDM)", Unit.RATIO);
            berAvg = f.gauge("xpo_lane_pre_fec_ber_interval_avg_ratio", "Lane pre-FEC BER, interval average (VDM)", Unit.RATIO);
            erroredFrames = f.gauge("xpo_lane_errored_frames", "Lane errored frames, interval maximum (VDM)", null);
            pollSeconds = f.gauge("xpo_poll_duration_seconds", "How long the latest poll of the module took", Unit.SECONDS);
            polls = f.counter("xpo_polls", "Polls of the module since the agent started");
            pollErrors = f.counter("xpo_poll_errors", "Polls of the module that failed since the agent started");
        }

        void module(MonitoredModule m) {
            ModuleView v = m.view();
            String name = v.name();
            present.flag(v.present(), "module", name);
            reachable.flag(v.reachable(), "module", name);
            pollSeconds.add(v.health().lastDurationSeconds(), "module", name);
            polls.add(v.health().polls(), "module", name);
            pollErrors.add(v.health().errors(), "module", name);
            if (v.state() != null) state.add(v.state().code(), "module", name);
            Identity id = v.identity();
            if (id != null) {
                info.add("module", name, "vendor", id.vendorName(), "part_number", id.partNumber(), "serial",
                    id.serialNumber(), "firmware", id.activeFirmware().toString(), "form_factor", id.identifierName());
                maxW.add(id.maxPowerW(), "module", name);
            }
            alarms(name, v.activeAlarms(), m.flagChanges());
            if (v.thresholds() != null) thresholds(name, v.thresholds());
            ModuleSnapshot s = v.snapshot();
            if (s == null || !v.present()) return;
            temperature.add(s.temperatureC(), "module", name);
            supply.add(s.supplyVoltageV(), "module", name);
            if (s.power() != null) power(name, s.power());
            if (s.cooling() != null) cooling(name, s.cooling());
            for (LaneStatus l : s.lanes()) lane(name, l);
            if (v.vdm() != null) for (LaneVdm l : v.vdm().lanes()) vdm(name, l);
        }

        void power(String name, PowerStatus p) {
            inputV.add(p.inputVoltageV(), "module", name);
            inputA.add(p.inputCurrentA(), "module", name);
            inputW.add(p.inputPowerW(), "module", name);
        }

        void cooling(String name, CoolingStatus c) {
            coolantT.add(c.inletTempC(), "module", name, "position", "inlet");
            coolantT.add(c.outletTempC(), "module", name, "position", "outlet");
            coolantFlow.add(Units.litresPerMinuteToBase(c.flowLpm()), "module", name);
            coldPlate.add(c.coldPlateTempC(), "module", name);
            zone.add(c.cardAHotZoneTempC(), "module", name, "card", "a", "zone", "hot");
            zone.add(c.cardAColdZoneTempC(), "module", name, "card", "a", "zone", "cold");
            zone.add(c.cardBHotZoneTempC(), "module", name, "card", "b", "zone", "hot");
            zone.add(c.cardBColdZoneTempC(), "module", name, "card", "b", "zone", "cold");
            leak.flag(c.leakDetected(), "module", name);
            mating.add(c.matingCycles(), "module", name);
        }

        void lane(String name, LaneStatus l) {
            String bank = Integer.toString(Lanes.bankOf(l.lane())), lane = Integer.toString(l.lane());
            rxPower.add(l.rxPowerDbm(), "module", name, "bank", bank, "lane", lane);
            txPower.add(l.txPowerDbm(), "module", name, "bank", bank, "lane", lane);
            bias.add(Units.milliToBase(l.biasMa()), "module", name, "bank", bank, "lane", lane);
            if (l.dataPathState() != null) dataPath.add(l.dataPathState().code(), "module", name, "bank", bank, "lane", lane);
            txValid.flag(l.txOutputValid(), "module", name, "bank", bank, "lane", lane);
            rxValid.flag(l.rxOutputValid(), "module", name, "bank", bank, "lane", lane);
        }

        void vdm(String name, LaneVdm l) {
            String bank = Integer.toString(Lanes.bankOf(l.lane())), lane = Integer.toString(l.lane());
            esnr.add(l.esnrDb(), "module", name, "bank", bank, "lane", lane);
            ltp.add(l.ltpDb(), "module", name, "bank", bank, "lane", lane);
            laserT.add(l.laserTemperatureC(), "module", name, "bank", bank, "lane", lane);
            ber.add(l.preFecBer(), "module", name, "bank", bank, "lane", lane);
            berMin.add(l.preFecBerMin(), "module", name, "bank", bank, "lane", lane);
            berMax.add(l.preFecBerMax(), "module", name, "bank", bank, "lane", lane);
            berAvg.add(l.preFecBerAvg(), "module", name, "bank", bank, "lane", lane);
            erroredFrames.add(l.erroredFramesMax(), "module", name, "bank", bank, "lane", lane);
        }

        /** Flags seen since start as 0/1 with their change counts; active alarms counted by severity. */
        void alarms(String name, List<Alarm> active, List<FlagCount> seen) {
            Set<String> activeKeys = new HashSet<>();
            Map<Severity, Integer> bySeverity = new HashMap<>();
            for (Alarm a : active) {
                activeKeys.add(a.key());
                bySeverity.merge(a.severity(), 1, Integer::sum);
            }
            for (Severity sev : Severity.values()) alarmsActive.add(bySeverity.getOrDefault(sev, 0), "module", name, "severity", sev.label());
            for (FlagCount c : seen) {
                Alarm a = c.alarm();
                boolean on = activeKeys.contains(a.key());
                if (a.lane() == null) {
                    moduleFlag.flag(on, "module", name, "flag", a.name());
                    flagChanges.add(c.changes(), "module", name, "flag", a.name());
                } else {
                    String lane = a.lane().toString();
                    laneFlag.flag(on, "module", name, "bank", Integer.toString(Lanes.bankOf(a.lane())), "lane", lane, "flag", a.name());
                    flagChanges.add(c.changes(), "module", name, "flag", a.name(), "lane", lane);
                }
            }
        }

        void thresholds(String name, Thresholds t) {
            for (Thresholds.Set set : t.sets()) {
                ThresholdMetric m = ThresholdMetric.BY_MONITOR.get(set.monitor());
                if (m == null) continue; // a monitor this agent has no metric for yet
                m.export(thresholdFamilies.computeIfAbsent(m.name(), n -> f.gauge(n, m.help(), m.unit())), name, set);
            }
        }
    }
}
