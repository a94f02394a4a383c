package org.openxpo.driver.module;

import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.ThresholdSet;
import org.openxpo.protocol.map.XpoPages;

import java.util.Arrays;
import java.util.List;

/**
 * A monitor whose thresholds the driver reports, under the one name both its {@link Thresholds.Set} and its alarms
 * carry: {@code name} + the threshold kind is the alarm name ("Temp" gives TempHighAlarm). The names are the map's
 * monitor names ({@link ThresholdSet#monitor()}) except for the module monitors, which drop CMIS's "Mon".
 *
 * @param name   the alarm-name prefix and the {@code monitor} of the thresholds report
 * @param source what the alarms of this monitor belong to
 */
record ThresholdMonitor(String name, ThresholdSet thresholds, Alarm.Source source) {

    static final ThresholdMonitor TEMP = new ThresholdMonitor("Temp", AdminPages.TEMP_MON, Alarm.Source.MODULE);
    static final ThresholdMonitor VCC = new ThresholdMonitor("Vcc", AdminPages.VCC_MON, Alarm.Source.MODULE);
    static final ThresholdMonitor TX_POWER = lane(AdminPages.TX_POWER);
    static final ThresholdMonitor TX_BIAS = lane(AdminPages.TX_BIAS);
    static final ThresholdMonitor RX_POWER = lane(AdminPages.RX_POWER);

    /** The CMIS monitors with thresholds on page 02h, in page order (the Aux monitors are not reported). */
    static final List<ThresholdMonitor> CMIS = List.of(TEMP, VCC, TX_POWER, TX_BIAS, RX_POWER);

    /** The XPO monitors in B0h/B1h order. */
    static final List<ThresholdMonitor> XPO = Arrays.stream(XpoPages.Monitor.values()).map(ThresholdMonitor::xpo).toList();

    /** An XPO monitor: 50 V input monitors are power, the rest cooling. */
    static ThresholdMonitor xpo(XpoPages.Monitor mon) {
        return new ThresholdMonitor(mon.thresholds().monitor(), mon.thresholds(),
            mon.isPower() ? Alarm.Source.POWER : Alarm.Source.COOLING);
    }

    private static ThresholdMonitor lane(ThresholdSet set) {
        return new ThresholdMonitor(set.monitor(), set, Alarm.Source.LANE);
    }
}
