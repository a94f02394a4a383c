package org.openxpo.driver.json;

import java.util.List;

/** {@code xpoctl lanes --json}. */
public record LanesJson(String schema, String target, String time, String moduleState, List<StatusJson.LaneJson> lanes) {}
