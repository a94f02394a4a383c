package org.openxpo.conformance.support;

import org.openxpo.emulator.module.ModuleConfig;
import org.openxpo.protocol.cdb.TransferMechanism;

import java.util.function.UnaryOperator;

/**
 * Which emulated module a target carries: the XPO profile's, or one that advertises less CDB access than the profile,
 * as real modules may — the driver must then split its CDB writes, or download firmware through the LPL. A target
 * with a reduced module runs only the paging and CDB checks (tag {@link TargetConditions#CDB_ACCESS}).
 */
public enum EmulatedModule {
    PROFILE("", "", b -> b),
    EXT0("-ext0", "CDB accesses of 8 bytes (ReadWriteLengthExt 0)", b -> b.cdbReadWriteLengthExt(0)),
    LPL_ONLY("-lpl", "firmware writes through the LPL only, no EPL pages",
        b -> b.cdbWriteMechanism(TransferMechanism.LPL_ONLY));

    private final String suffix, description;
    private final UnaryOperator<ModuleConfig.Builder> config;

    EmulatedModule(String suffix, String description, UnaryOperator<ModuleConfig.Builder> config) {
        this.suffix = suffix;
        this.description = description;
        this.config = config;
    }

    /** What the target name adds for this module: "tcp-ext0". */
    public String suffix() { return suffix; }

    /** For the report: what the module advertises differently (empty for the profile's). */
    public String description() { return description; }

    /** True for a module that advertises less than the profile. */
    public boolean reduced() { return this != PROFILE; }

    ModuleConfig.Builder apply(ModuleConfig.Builder b) { return config.apply(b); }

    /** The module a target name asks for: the one whose suffix ends it, else the profile's. */
    static EmulatedModule of(String targetName) {
        for (EmulatedModule m : values()) if (m.reduced() && targetName.endsWith(m.suffix)) return m;
        return PROFILE;
    }
}
