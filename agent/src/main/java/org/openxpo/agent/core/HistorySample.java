package org.openxpo.agent.core;

import org.openxpo.driver.module.ModuleSnapshot;

import java.time.Instant;

/** The module-level values the dashboard trends, at one moment ({@code NaN} on a module without the XPO pages). */
public record HistorySample(Instant time, double inputVoltageV, double inputCurrentA, double inputPowerW,
                            double coolantInletC, double coolantOutletC, double coolantFlowLpm, double coldPlateC,
                            double cardAHotZoneC, double cardAColdZoneC, double cardBHotZoneC, double cardBColdZoneC) {

    static HistorySample of(ModuleSnapshot s) {
        var p = s.power();
        var c = s.cooling();
        double nan = Double.NaN;
        return new HistorySample(s.time(),
            p == null ? nan : p.inputVoltageV(), p == null ? nan : p.inputCurrentA(), p == null ? nan : p.inputPowerW(),
            c == null ? nan : c.inletTempC(), c == null ? nan : c.outletTempC(), c == null ? nan : c.flowLpm(),
            c == null ? nan : c.coldPlateTempC(), c == null ? nan : c.cardAHotZoneTempC(),
            c == null ? nan : c.cardAColdZoneTempC(), c == null ? nan : c.cardBHotZoneTempC(),
            c == null ? nan : c.cardBColdZoneTempC());
    }
}
