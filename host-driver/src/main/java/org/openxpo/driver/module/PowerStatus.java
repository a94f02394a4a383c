package org.openxpo.driver.module;

/** The XPO 50 V input (page B0h): live values, the advertised maximum and the PowerGood status bit. */
public record PowerStatus(double inputVoltageV, double inputCurrentA, double inputPowerW, double maxPowerW,
                          boolean powerGood) {}
