package org.openxpo.emulator.module;

import org.openxpo.protocol.cdb.TransferMechanism;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.types.ApplicationDescriptor;
import org.openxpo.protocol.types.Sff8024Identifier;

import java.time.Duration;
import java.util.List;

import static org.openxpo.protocol.types.ApplicationDescriptor.*;

/**
 * Everything that makes one emulated module what it is: identity, advertised applications, timing, power. Immutable;
 * {@link #builder()} starts from the XPO profile defaults (docs/xpo-profile.md).
 */
public record ModuleConfig(
        int identifier, String vendorName, int vendorOui, String partNumber, String vendorRevision,
        String serialNumber, String dateCode, int firmwareMajor, int firmwareMinor, int hardwareMajor,
        int hardwareMinor, List<ApplicationDescriptor> applications, int defaultAppSel, Timing timing,
        double maxPowerW, int matingCycles, long seed, Long cdbPassword, int cdbReadWriteLengthExt,
        TransferMechanism cdbWriteMechanism) {

    /** SFF-8024 OSFP (0x19), which hosts drive as CMIS; the alternative 0x80 is vendor specific. */
    public static final int IDENTIFIER_OSFP = Sff8024Identifier.OSFP.code();

    /** 8 × 1.6T (1.6TAUI-8 / 1.6TBASE-DR8), starting on lane 1 of each bank. */
    public static final ApplicationDescriptor APP_8X1600G =
        new ApplicationDescriptor(HOST_1_6TAUI_8, SMF_1_6TBASE_DR8, 8, 8, 0x01);
    /** 16 × 800G (800GAUI-4 / 800GBASE-DR4), starting on lanes 1 or 5 of each bank. */
    public static final ApplicationDescriptor APP_16X800G =
        new ApplicationDescriptor(HOST_800GAUI_4, SMF_800GBASE_DR4, 4, 4, 0x11);
    /** 32 × 400G (400GAUI-2 / 400GBASE-DR2). */
    public static final ApplicationDescriptor APP_32X400G =
        new ApplicationDescriptor(HOST_400GAUI_2, SMF_400GBASE_DR2, 2, 2, 0x55);
    /** 64 × 200G (200GAUI-1 / 200GBASE-DR1), any lane. */
    public static final ApplicationDescriptor APP_64X200G =
        new ApplicationDescriptor(HOST_200GAUI_1, SMF_200GBASE_DR1, 1, 1, 0xFF);

    /**
     * How long the module really takes for each transition. The advertised duration codes (01h:144/167/168) are
     * derived from these so a module is never slower than it says.
     */
    public record Timing(Duration mgmtInit, Duration modulePwrUp, Duration modulePwrDn, Duration dpInit,
                         Duration dpDeinit, Duration txTurnOn, Duration txTurnOff, Duration configCheck,
                         Duration physicsTick, Duration writeBusy) {
        public static Timing defaults() {
            return new Timing(Duration.ofMillis(300), Duration.ofMillis(400), Duration.ofMillis(50),
                Duration.ofMillis(200), Duration.ofMillis(40), Duration.ofMillis(20), Duration.ofMillis(8),
                Duration.ofMillis(5), Duration.ofMillis(100), Duration.ZERO);
        }

        /** Everything instantaneous except the physics tick: for tests that do not care about timing. */
        public static Timing fast() {
            return new Timing(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1),
                Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1),
                Duration.ofMillis(100), Duration.ZERO);
        }
    }

    public ModuleConfig {
        if (applications.isEmpty() || applications.size() > 15)
            throw new IllegalArgumentException("a module advertises 1 to 15 applications");
        if (defaultAppSel < 1 || defaultAppSel > applications.size())
            throw new IllegalArgumentException("default AppSel " + defaultAppSel + " is not advertised");
        if (maxPowerW <= 0 || maxPowerW > 655) throw new IllegalArgumentException("max power " + maxPowerW + " W");
        if (cdbReadWriteLengthExt < 0 || cdbReadWriteLengthExt > ManagementInterface.MAX_READ_WRITE_LENGTH_EXT)
            throw new IllegalArgumentException("CdbReadWriteLengthExt must be 0-" + ManagementInterface.MAX_READ_WRITE_LENGTH_EXT
                + " (8 to 128 bytes: hosts use no more), not " + cdbReadWriteLengthExt);
        if (cdbWriteMechanism == null || cdbWriteMechanism == TransferMechanism.NONE)
            throw new IllegalArgumentException("a module advertises a firmware write mechanism (LPL, EPL or both), not "
                + cdbWriteMechanism + ": an XPO module can always be updated");
        applications = List.copyOf(applications);
    }

    public ApplicationDescriptor application(int appSel) {
        return appSel >= 1 && appSel <= applications.size() ? applications.get(appSel - 1) : null;
    }

    public static Builder builder() { return new Builder(); }

    public static ModuleConfig defaults() { return builder().build(); }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.identifier = identifier; b.vendorName = vendorName; b.vendorOui = vendorOui; b.partNumber = partNumber;
        b.vendorRevision = vendorRevision; b.serialNumber = serialNumber; b.dateCode = dateCode;
        b.firmwareMajor = firmwareMajor; b.firmwareMinor = firmwareMinor; b.hardwareMajor = hardwareMajor;
        b.hardwareMinor = hardwareMinor; b.applications = applications; b.defaultAppSel = defaultAppSel;
        b.timing = timing; b.maxPowerW = maxPowerW; b.matingCycles = matingCycles; b.seed = seed;
        b.cdbPassword = cdbPassword; b.cdbReadWriteLengthExt = cdbReadWriteLengthExt;
        b.cdbWriteMechanism = cdbWriteMechanism;
        return b;
    }

    /** Fluent builder with the XPO profile defaults. */
    public static final class Builder {
        private int identifier = IDENTIFIER_OSFP;
        private String vendorName = "OPENXPO";
        private int vendorOui = 0x0A_0B_0C;
        private String partNumber = "XPO-12T8-DR8";
        private String vendorRevision = "A1";
        private String serialNumber = "XPO0000001";
        private String dateCode = "261125AA";
        private int firmwareMajor = 1, firmwareMinor = 0, hardwareMajor = 1, hardwareMinor = 0;
        private List<ApplicationDescriptor> applications = List.of(APP_8X1600G, APP_16X800G, APP_32X400G, APP_64X200G);
        private int defaultAppSel = 1;
        private Timing timing = Timing.defaults();
        private double maxPowerW = 400;
        private int matingCycles = 12;
        private long seed = 1;
        private Long cdbPassword;
        private int cdbReadWriteLengthExt = ManagementInterface.MAX_READ_WRITE_LENGTH_EXT;
        private TransferMechanism cdbWriteMechanism = TransferMechanism.BOTH;

        public Builder identifier(int v) { identifier = v; return this; }
        public Builder vendorName(String v) { vendorName = v; return this; }
        public Builder vendorOui(int v) { vendorOui = v; return this; }
        public Builder partNumber(String v) { partNumber = v; return this; }
        public Builder vendorRevision(String v) { vendorRevision = v; return this; }
        public Builder serialNumber(String v) { serialNumber = v; return this; }
        public Builder dateCode(String v) { dateCode = v; return this; }
        public Builder firmware(int major, int minor) { firmwareMajor = major; firmwareMinor = minor; return this; }
        public Builder hardware(int major, int minor) { hardwareMajor = major; hardwareMinor = minor; return this; }
        public Builder applications(List<ApplicationDescriptor> v) { applications = v; return this; }
        public Builder defaultAppSel(int v) { defaultAppSel = v; return this; }
        public Builder timing(Timing v) { timing = v; return this; }
        public Builder maxPowerW(double v) { maxPowerW = v; return this; }
        public Builder matingCycles(int v) { matingCycles = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        /** Gate firmware CDB commands behind this host password (null, the default: no gate). */
        public Builder cdbPassword(Long v) { cdbPassword = v; return this; }
        /**
         * CdbReadWriteLengthExt (01h:164, and byte 140 of the 0041h reply): writes to the CDB pages may carry
         * 8·(1+ext) bytes, longer ones are refused; default 15 (128 bytes), 0 for a module that takes 8 bytes only.
         */
        public Builder cdbReadWriteLengthExt(int v) { cdbReadWriteLengthExt = v; return this; }
        /**
         * How firmware blocks are taken (0041h byte 141); default both. Without EPL the module advertises no EPL pages
         * (01h:163 bits 3-0 = 0): A0h–AFh are unsupported pages and 0104h is refused; without LPL 0103h is refused.
         */
        public Builder cdbWriteMechanism(TransferMechanism v) { cdbWriteMechanism = v; return this; }

        public ModuleConfig build() {
            return new ModuleConfig(identifier, vendorName, vendorOui, partNumber, vendorRevision, serialNumber,
                dateCode, firmwareMajor, firmwareMinor, hardwareMajor, hardwareMinor, applications, defaultAppSel,
                timing, maxPowerW, matingCycles, seed, cdbPassword, cdbReadWriteLengthExt, cdbWriteMechanism);
        }
    }
}
