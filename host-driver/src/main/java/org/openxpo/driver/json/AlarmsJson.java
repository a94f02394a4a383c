package org.openxpo.driver.json;

import java.util.List;

/** {@code xpoctl alarms --json}. */
public record AlarmsJson(String schema, String target, String time, String moduleState, List<StatusJson.AlarmJson> alarms) {}
