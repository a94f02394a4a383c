package org.openxpo.protocol.map;

import org.openxpo.protocol.types.Lanes;

import java.util.Optional;

/**
 * One VDM descriptor (2 bytes on pages 20h–23h; telemetry-and-diagnostics §1.2): the even byte holds the threshold-set
 * ID local to the group in bits 7-4 and the resource in bits 3-0 (0–7 a lane of the bank, 15 the module), the odd byte
 * the observable type ID (0 = unused). As a 16-bit big-endian word: {@code set << 12 | resource << 8 | typeId}.
 *
 * @param thresholdSet the threshold set (0–15) of the group whose four thresholds bound this observable
 * @param resource     0–7: lane index within the bank; 15: module-level; 8–14 reserved
 * @param typeId       the observable type ID (1–255; 0 = descriptor unused), see {@link VdmType}
 */
public record VdmDescriptor(int thresholdSet, int resource, int typeId) {
    /** The resource nibble of a module-level observable. */
    public static final int MODULE_RESOURCE = 15;
    /** A descriptor slot that carries no observable. */
    public static final VdmDescriptor UNUSED = new VdmDescriptor(0, 0, 0);

    public VdmDescriptor {
        if (thresholdSet < 0 || thresholdSet >= VdmPages.THRESHOLD_SETS_PER_GROUP) {
            throw new IllegalArgumentException("VDM threshold set " + thresholdSet + " is outside 0-" + (VdmPages.THRESHOLD_SETS_PER_GROUP - 1));
        }
        if (resource < 0 || resource > MODULE_RESOURCE) {
            throw new IllegalArgumentException("VDM resource " + resource + " is outside 0-" + MODULE_RESOURCE);
        }
        if (typeId < 0 || typeId > 0xFF) throw new IllegalArgumentException("VDM type ID " + typeId + " is outside 0-255");
    }

    /** The descriptor of {@code type} measured on lane index {@code lane} (0–7) of the bank, bounded by {@code set}. */
    public static VdmDescriptor ofLane(VdmType type, int lane, int thresholdSet) {
        if (lane < 0 || lane >= Lanes.PER_BANK) throw new IllegalArgumentException("lane index " + lane + " is outside 0-" + (Lanes.PER_BANK - 1));
        return new VdmDescriptor(thresholdSet, lane, type.id());
    }

    /** Decodes the 16-bit descriptor word (even byte high). */
    public static VdmDescriptor decode(int word) {
        return new VdmDescriptor((word >>> 12) & 0xF, (word >>> 8) & 0xF, word & 0xFF);
    }

    /** The 16-bit descriptor word (even byte high), as a descriptor field element holds it. */
    public int encode() { return thresholdSet << 12 | resource << 8 | typeId; }

    /** True for a slot without an observable (type ID 0). */
    public boolean unused() { return typeId == 0; }

    /** True when the resource is a lane of the bank (0–7). */
    public boolean onLane() { return resource < Lanes.PER_BANK; }

    /** The catalogued type, if known (unknown IDs are skipped by hosts). */
    public Optional<VdmType> type() { return VdmType.of(typeId); }
}
