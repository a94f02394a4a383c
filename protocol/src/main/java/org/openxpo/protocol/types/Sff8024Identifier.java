package org.openxpo.protocol.types;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The SFF-8024 identifiers (00h:0, copied at 00h:128) a CMIS module may report, with the name hosts show for each.
 * Host stacks decide by this byte whether to drive a module as CMIS: optoe and SONiC's xcvr API both do so for
 * QSFP-DD, OSFP and QSFP+ with CMIS; the others are CMIS by SFF-8024 but not (or not everywhere) by hosts.
 */
public enum Sff8024Identifier {
    QSFP_DD(0x18, "QSFP-DD"),
    OSFP(0x19, "OSFP"),
    DSFP(0x1B, "DSFP"),
    QSFP_PLUS_CMIS(0x1E, "QSFP+ (CMIS)"),
    OSFP_XD(0x21, "OSFP-XD"),
    VENDOR_SPECIFIC(0x80, "vendor specific");

    /** The identifiers optoe and SONiC's xcvr API both drive as CMIS. */
    private static final Set<Sff8024Identifier> DRIVEN_AS_CMIS = EnumSet.of(QSFP_DD, OSFP, QSFP_PLUS_CMIS);

    private final int code;
    private final String displayName;

    Sff8024Identifier(int code, String displayName) { this.code = code; this.displayName = displayName; }

    /** The byte in 00h:0. */
    public int code() { return code; }

    /** The short name a host shows, e.g. "OSFP". */
    public String displayName() { return displayName; }

    /** True when both optoe and SONiC's xcvr API drive a module with this identifier as CMIS. */
    public boolean hostsTreatAsCmis() { return DRIVEN_AS_CMIS.contains(this); }

    /** The identifier with this code, empty for codes not listed here. */
    public static Optional<Sff8024Identifier> fromCode(int code) {
        return Arrays.stream(values()).filter(id -> id.code == code).findFirst();
    }

    /** The short name of any code: the listed name, else the code in hex ("0x0D"). */
    public static String nameOf(int code) {
        return fromCode(code).map(Sff8024Identifier::displayName).orElseGet(() -> String.format("0x%02X", code));
    }
}
