package org.openxpo.driver.json;

import org.openxpo.driver.module.Alarm;
import org.openxpo.driver.module.CoolingStatus;
import org.openxpo.driver.module.LaneStatus;
import org.openxpo.driver.module.ModuleSnapshot;
import org.openxpo.driver.module.PowerStatus;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openxpo.driver.vdm.VdmSample;

import static org.openxpo.driver.json.JsonNumbers.round;

/** The status part of the module JSON (also the body of a snapshot event). */
public record StatusJson(String time, String moduleState, FaultJson faultCause, boolean interruptAsserted,
                         Double temperatureC, Double supplyVoltageV, PowerJson power, CoolingJson cooling,
                         List<LaneJson> lanes, boolean flagsRead, List<AlarmJson> alarms) {

    public record FaultJson(int code, String description) {}

    public record PowerJson(Double inputVoltageV, Double inputCurrentA, Double inputPowerW, Double maxPowerW,
                            boolean powerGood) {
        static PowerJson of(PowerStatus p) {
            return p == null ? null : new PowerJson(round(p.inputVoltageV(), 3), round(p.inputCurrentA(), 3),
                round(p.inputPowerW(), 2), round(p.maxPowerW(), 2), p.powerGood());
        }
    }

    public record CoolingJson(Double inletTempC, Double outletTempC, Double flowLpm, Double coldPlateTempC,
                              Double cardAHotZoneTempC, Double cardAColdZoneTempC, Double cardBHotZoneTempC,
                              Double cardBColdZoneTempC, boolean leak, boolean leakSensorFault, int matingCycles,
                              int matingCyclesRated) {
        static CoolingJson of(CoolingStatus c) {
            return c == null ? null : new CoolingJson(round(c.inletTempC(), 2), round(c.outletTempC(), 2),
                round(c.flowLpm(), 3), round(c.coldPlateTempC(), 2), round(c.cardAHotZoneTempC(), 2),
                round(c.cardAColdZoneTempC(), 2), round(c.cardBHotZoneTempC(), 2), round(c.cardBColdZoneTempC(), 2),
                c.leakDetected(), c.leakSensorFault(), c.matingCycles(), c.matingCyclesRated());
        }
    }

    /**
     * One lane; dBm values are null where the power is 0 mW (−∞ dBm has no JSON number). {@code vdm}: the lane's basic
     * VDM values by SONiC name ("esnr_media_input": dB, "prefec_ber_curr_media_input": ratio, …), absent on a module
     * without VDM.
     */
    public record LaneJson(int lane, String dataPathState, int appSel, int firstLane, boolean txOutputValid,
                           boolean rxOutputValid, Double txPowerMw, Double txPowerDbm, Double rxPowerMw,
                           Double rxPowerDbm, Double biasMa, List<String> flags,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Double> vdm) {
        static LaneJson of(LaneStatus l, ModuleSnapshot s) {
            Map<String, Double> vdm = new LinkedHashMap<>();
            for (VdmSample v : s.vdm(l.lane())) {
                if (v.value() != null) vdm.put(v.observable().name(), JsonNumbers.significant(v.value()));
            }
            return new LaneJson(l.lane(), l.stateName(), l.appSel(), l.firstLane(), l.txOutputValid(),
                l.rxOutputValid(), round(l.txPowerMw(), 4), round(l.txPowerDbm(), 2), round(l.rxPowerMw(), 4),
                round(l.rxPowerDbm(), 2), round(l.biasMa(), 3), l.flags(), vdm);
        }
    }

    /** One alarm; {@code lane} only for lane alarms. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AlarmJson(String name, String severity, String source, Integer lane, String description) {
        static AlarmJson of(Alarm a) {
            return new AlarmJson(a.name(), a.severity().label(), a.source().label(), a.lane(), a.description());
        }
    }

    static StatusJson of(ModuleSnapshot s) {
        String fault = s.faultDescription();
        return new StatusJson(s.time().toString(), s.moduleStateName(),
            fault == null ? null : new FaultJson(s.faultCode(), fault), s.interruptAsserted(),
            round(s.temperatureC(), 2), round(s.supplyVoltageV(), 4), PowerJson.of(s.power()),
            CoolingJson.of(s.cooling()), s.lanes().stream().map(l -> LaneJson.of(l, s)).toList(), s.flagsRead(),
            alarms(s.alarms()));
    }

    static List<AlarmJson> alarms(List<Alarm> alarms) { return alarms.stream().map(AlarmJson::of).toList(); }
}
