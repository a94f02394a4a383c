package org.openxpo.agent.gnmi.tree;

/**
 * The YANG modules whose nodes the agent serves or whose identities its values name. {@code served} modules are the
 * ones advertised in the Capabilities answer; the others only qualify identity values (RFC 7951 "module:IDENTITY").
 */
public enum YangModule {
    PLATFORM("openconfig-platform", "OpenConfig working group", "0.32.0", true),
    TRANSCEIVER("openconfig-platform-transceiver", "OpenConfig working group", "1.0.0", true),
    OPENXPO_EXT("openxpo-platform-ext", "OpenXPO", "2026-12-06", true),
    PLATFORM_TYPES("openconfig-platform-types", "OpenConfig working group", "", false),
    TRANSPORT_TYPES("openconfig-transport-types", "OpenConfig working group", "", false),
    ALARM_TYPES("openconfig-alarm-types", "OpenConfig working group", "", false);

    private final String yangName, organization, version;
    private final boolean served;

    YangModule(String yangName, String organization, String version, boolean served) {
        this.yangName = yangName;
        this.organization = organization;
        this.version = version;
        this.served = served;
    }

    /** The module's YANG name, the prefix of RFC 7951 qualified names. */
    public String yangName() { return yangName; }

    public String organization() { return organization; }

    /** The revision advertised; empty for the modules only named by identity values. */
    public String version() { return version; }

    /** True when the agent serves nodes of this module (and advertises it). */
    public boolean served() { return served; }
}
