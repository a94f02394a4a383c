package org.openxpo.driver.vdm;

import org.openxpo.protocol.map.VdmDescriptor;
import org.openxpo.protocol.map.VdmPages.Group;
import org.openxpo.protocol.map.VdmType;
import org.openxpo.protocol.types.Lanes;

import java.util.Optional;

/**
 * One observable a module's VDM descriptors advertise: where it sits (bank, group, descriptor index) and what it is.
 *
 * @param bank  the bank whose descriptor page holds it (its samples, thresholds and flags are on the same bank)
 * @param index the descriptor's index in its group (0–63)
 */
public record VdmObservable(int bank, Group group, int index, VdmDescriptor descriptor) {

    /** Host lane 1–64 of a lane observable; 0 for a module-level one (resource 15) or a reserved resource. */
    public int lane() { return descriptor.onLane() ? bank * Lanes.PER_BANK + descriptor.resource() + 1 : 0; }

    /** The catalogued type; empty for a type ID the project does not know (hosts skip those). */
    public Optional<VdmType> type() { return descriptor.type(); }

    /** True for min/max/avg observables, which a host freezes before reading. */
    public boolean statistic() { return type().map(VdmType::isStatistic).orElse(false); }

    /** The SONiC-style name without the lane ("esnr_media_input"), or "type_N" for an unknown type ID. */
    public String name() {
        return type().flatMap(VdmType::dbKeyPrefix).orElseGet(() -> type().map(t -> t.name().toLowerCase(java.util.Locale.ROOT))
            .orElse("type_" + descriptor.typeId()));
    }

    /** The unit of its values ("dB", "C", "" for ratios), empty for an unknown type. */
    public String unit() { return type().map(t -> t.unit().symbol()).orElse(""); }
}
