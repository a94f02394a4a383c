package org.openxpo.driver.json;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One monitor event ({@code xpoctl monitor --json}, one object per line). {@code type} says which of the optional
 * members are present: alarm (name, severity, source, lane, raised, description), moduleState (previous, current),
 * presence (present), reset (cause), link (up, detail), snapshot (snapshot), error (message).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventJson(String schema, String type, String time, String name, String severity, String source,
                        Integer lane, Boolean raised, String description, String previous, String current,
                        Boolean present, String cause, Boolean up, String detail, StatusJson snapshot,
                        String message) {}
