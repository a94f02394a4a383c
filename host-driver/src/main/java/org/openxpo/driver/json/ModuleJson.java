package org.openxpo.driver.json;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** {@code xpoctl show --json}: schema tag, target, identity, then the status fields at the top level. */
public record ModuleJson(String schema, String target, IdentityJson identity, @JsonUnwrapped StatusJson status) {}
