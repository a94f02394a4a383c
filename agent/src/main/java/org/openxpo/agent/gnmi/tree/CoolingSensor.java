package org.openxpo.agent.gnmi.tree;

import java.util.function.ToDoubleFunction;
import org.openxpo.driver.module.CoolingStatus;
import org.openxpo.protocol.map.XpoPages;

/**
 * The XPO temperatures served as {@code openconfig-platform} SENSOR components, subcomponents of their module's
 * TRANSCEIVER component (as SONiC maps its TEMPERATURE_INFO sensors). A sensor component is named
 * {@code MODULE/SUFFIX} ("cage3/coolant-inlet"): '/' cannot appear in a module name, so no sensor name can be a
 * module's.
 */
public enum CoolingSensor {
    COOLANT_INLET("coolant-inlet", CoolingStatus::inletTempC, XpoPages.Monitor.COOLANT_INLET_TEMP),
    COOLANT_OUTLET("coolant-outlet", CoolingStatus::outletTempC, XpoPages.Monitor.COOLANT_OUTLET_TEMP),
    COLD_PLATE("cold-plate", CoolingStatus::coldPlateTempC, XpoPages.Monitor.COLD_PLATE_TEMP);

    private final String suffix;
    private final ToDoubleFunction<CoolingStatus> celsius;
    private final XpoPages.Monitor monitor;

    CoolingSensor(String suffix, ToDoubleFunction<CoolingStatus> celsius, XpoPages.Monitor monitor) {
        this.suffix = suffix;
        this.celsius = celsius;
        this.monitor = monitor;
    }

    /** The sensor component's name for module {@code module}. */
    public String componentName(String module) { return module + "/" + suffix; }

    /** The temperature in °C; NaN when the module does not report it. */
    double celsius(CoolingStatus c) { return celsius.applyAsDouble(c); }

    /** The monitor's name in the driver's thresholds and alarms ("CoolantInletTemp" for CoolantInletTempHighAlarm). */
    String monitor() { return monitor.thresholds().monitor(); }
}
