package org.openxpo.driver.module;

/** The XPO liquid cooling (page B0h): coolant, cold plate and paddle-card zones, leak and quick-connect status. */
public record CoolingStatus(double inletTempC, double outletTempC, double flowLpm, double coldPlateTempC,
                            double cardAHotZoneTempC, double cardAColdZoneTempC, double cardBHotZoneTempC,
                            double cardBColdZoneTempC, boolean leakDetected, boolean leakSensorFault, int matingCycles,
                            int matingCyclesRated) {}
