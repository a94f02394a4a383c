package org.openxpo.protocol.types;

import java.util.Arrays;
import java.util.Optional;

/**
 * The SFF-8024 identifiers (00h:0, copied at 00h:128) a CMIS module may report, with the name hosts show for each.
 * Host stacks decide by this byte whether to drive a module as CMIS: optoe and SONiC's xcvr API both do so for
 * QSFP-DD, OSFP and QSFP+ with CMIS; the others are CMIS by SFF-8024 but not (or not everywhere) by hosts.
 */
public enum Sff8024Identifier {
    QSFP_DD(0x18, "QSFP-DD", true),
    OSFP(0x19, "OSFP", true),
    DSFP(0x1B, "DSFP", false),
    QSFP_PLUS_CMIS(0x1E, "QSFP+ (CMIS)", true),
    OSFP_XD(0x21, "OSFP-XD", false),
    VENDOR_SPECIFIC(0x80, "vendor specific", false);

    private final int code;
    private final String displayName;
    private final boolean hostsTreatAsCmis;

    Sff8024Identifier(int code, String displayName, boolean hostsTreatAsCmis) {
        this.code = code;
        this.displayName = displayName;
        this.hostsTreatAsCmis = hostsTreatAsCmis;
    }

    /** The byte in 00h:0. */
    public int code() { return code; }

    /** The short name a host shows, e.g. "OSFP". */
    public String displayName() { return displayName; }

    /** True when both optoe and SONiC's xcvr API drive a module with this identifier as CMIS. */
    public boolean hostsTreatAsCmis() { return hostsTreatAsCmis; }

    /** The identifier with this code, empty for codes not listed here. */
    public static Optional<Sff8024Identifier> fromCode(int code) {
        return Arrays.stream(values()).filter(id -> id.code == code).findFirst();
    }

    /** The short name of any code: the listed name, else the code in hex ("0x0D"). */
    public static String nameOf(int code) {
        return fromCode(code).map(Sff8024Identifier::displayName).orElseGet(() -> String.format("0x%02X", code));
    }
}
