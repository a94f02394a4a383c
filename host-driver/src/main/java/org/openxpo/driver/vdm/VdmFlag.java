package org.openxpo.driver.vdm;

import org.openxpo.protocol.map.ThresholdKind;

/** A latched VDM flag (2Ch): the observable whose value crossed the {@code kind} threshold since the last read. */
public record VdmFlag(VdmObservable observable, ThresholdKind kind) {
    /** "EsnrMediaInputLowAlarm"-style name: the observable's name in CamelCase, then the kind. */
    public String name() {
        StringBuilder sb = new StringBuilder();
        for (String part : observable.name().split("_")) {
            if (!part.isEmpty()) sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb + kind.cmisName();
    }
}
