package org.openxpo.emulator.module;

import org.openxpo.protocol.cdb.CdbPage;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.XpoPages;
import org.openxpo.protocol.types.ApplicationDescriptor;
import org.openxpo.protocol.units.Codecs;

import java.util.List;

/**
 * Writes the module's non-volatile content: identity (00h), advertisement (01h), thresholds (02h, B1h) and the
 * application list, then the page checksums. Values are set through the declared fields by name.
 */
final class StaticContent {
    private StaticContent() {}

    /** Bias multiplier code advertised in 01h:160 (×2: 4 µA per LSB, up to 262 mA). */
    static final int BIAS_MULTIPLIER_CODE = 1;
    /** Advertised signal-integrity limits (01h:153/154), used by ApplyDPInit to reject invalid SI. */
    static final int TX_INPUT_EQ_MAX = 6, RX_PRE_CURSOR_MAX = 7, RX_POST_CURSOR_MAX = 7, RX_AMPLITUDE_CODES = 0xF;
    static final int MATING_CYCLES_RATED = 500;

    static void load(ModuleMemory mem, ModuleConfig cfg, FirmwareImages images) {
        ModuleConfig.Timing t = cfg.timing();
        set(mem, "SFF8024Identifier", cfg.identifier());
        set(mem, "CmisRevisionMajor", 5);
        set(mem, "CmisRevisionMinor", 3);
        set(mem, "MemoryModel", 0);
        set(mem, "SteppedConfigOnly", 1);
        set(mem, "MciMaxSpeed", 1);
        set(mem, "AutoCommissioning", 1);
        set(mem, "MediaType", 2);
        for (int i = 0; i < 15; i++) {
            ApplicationDescriptor app = i < cfg.applications().size() ? cfg.applications().get(i) : null;
            long packed = app == null ? 0xFF000000L : app.encode();
            if (i < 8) mem.set(Fields.APP_DESCRIPTOR, 0, i, packed);
            else mem.set(field("AppDescriptorExt"), 0, i - 8, packed);
            mem.set(field("MediaLaneAssignmentOptions"), 0, i, app == null ? 0 : app.hostLaneOptions());
        }
        images.publishVersions(mem);

        set(mem, "SFF8024IdentifierCopy", cfg.identifier());
        text(mem, "VendorName", cfg.vendorName());
        set(mem, "VendorOUI", cfg.vendorOui());
        text(mem, "VendorPN", cfg.partNumber());
        text(mem, "VendorRev", cfg.vendorRevision());
        text(mem, "VendorSN", cfg.serialNumber());
        text(mem, "DateCode", cfg.dateCode());
        text(mem, "CLEICode", "");
        set(mem, "ModulePowerClass", 7);
        field("MaxPower").setValue(mem.region(field("MaxPower"), 0), 0, cfg.maxPowerW());
        set(mem, "ConnectorType", 0x0D);
        set(mem, "MediaInterfaceTechnology", 6);
        text(mem, "XpoProfileMarker", "XPO");
        set(mem, "XpoProfileVersion", 1);

        set(mem, "HardwareMajor", cfg.hardwareMajor());
        set(mem, "HardwareMinor", cfg.hardwareMinor());
        set(mem, "LengthSmf", 5);
        set(mem, "NominalWavelength", 26220);
        set(mem, "WavelengthTolerance", 1300);
        set(mem, "BanksSupported", 3);
        set(mem, "MaxDurationDPDeinit", Codecs.durationCode(t.dpDeinit().toMillis()));
        set(mem, "MaxDurationDPInit", Codecs.durationCode(t.dpInit().toMillis()));
        set(mem, "ModuleTempMax", 75);
        set(mem, "ModuleTempMin", 0);
        set(mem, "OperatingVoltageMin", 157);
        set(mem, "OpticalCharacteristics", 0x10);
        set(mem, "RxOutputAmplitudeSupport", (RX_AMPLITUDE_CODES << 4) | TX_INPUT_EQ_MAX);
        set(mem, "RxOutputEqSupport", (RX_POST_CURSOR_MAX << 4) | RX_PRE_CURSOR_MAX);
        set(mem, "TxControlsSupported", 0x03);
        set(mem, "RxControlsSupported", 0x03);
        set(mem, "TxFlagsSupported", 0x05);
        set(mem, "RxFlagsSupported", 0x06);
        set(mem, "ModuleMonitorsSupported", 0x03);
        set(mem, "TxBiasMultiplier", BIAS_MULTIPLIER_CODE);
        set(mem, "LaneMonitorsSupported", 0x07);
        set(mem, "TxSiControlsSupported", 0x0D);
        set(mem, "RxSiControlsSupported", 0x1D);
        set(mem, "CdbInstancesSupported", 1);
        set(mem, "CdbBackgroundModeSupported", 1);
        set(mem, "CdbMaxPagesEpl", cfg.cdbWriteMechanism().epl() ? CdbPage.EPL_PAGES_CODE_ALL : 0);
        set(mem, "CdbReadWriteLengthExt", cfg.cdbReadWriteLengthExt());
        // without EPL writes the module has no EPL pages: A0h-AFh are then unsupported pages (selecting one shows 00h)
        mem.withdrawPages(cfg.cdbWriteMechanism().epl() ? List.of() : CdbPage.eplPages());
        set(mem, "MaxDurationModulePwrDn", Codecs.durationCode(t.modulePwrDn().toMillis()));
        set(mem, "MaxDurationModulePwrUp", Codecs.durationCode(t.modulePwrUp().toMillis()));
        set(mem, "MaxDurationDPTxTurnOff", Codecs.durationCode(t.txTurnOff().toMillis()));
        set(mem, "MaxDurationDPTxTurnOn", Codecs.durationCode(t.txTurnOn().toMillis()));

        thresholds(mem, "TempMon", 80, -5, 75, 0);
        thresholds(mem, "VccMon", 3.465, 3.135, 3.43, 3.17);
        thresholds(mem, "TxPower", 4.0, 0.2, 3.2, 0.32);
        thresholdsRaw(mem, "TxBias", Codecs.biasRaw(150, BIAS_MULTIPLIER_CODE), Codecs.biasRaw(20, BIAS_MULTIPLIER_CODE),
            Codecs.biasRaw(130, BIAS_MULTIPLIER_CODE), Codecs.biasRaw(30, BIAS_MULTIPLIER_CODE));
        thresholds(mem, "RxPower", 4.0, 0.1, 3.2, 0.16);

        thresholds(mem, XpoPages.Monitor.INPUT_VOLTAGE, 60, 42, 57, 44);
        thresholds(mem, XpoPages.Monitor.INPUT_CURRENT, 12, 0, 10.5, 0);
        thresholds(mem, XpoPages.Monitor.INPUT_POWER, cfg.maxPowerW() * 1.1, 0, cfg.maxPowerW(), 0);
        thresholds(mem, XpoPages.Monitor.COOLANT_INLET_TEMP, 45, 5, 40, 10);
        thresholds(mem, XpoPages.Monitor.COOLANT_OUTLET_TEMP, 60, 5, 55, 10);
        thresholds(mem, XpoPages.Monitor.COOLANT_FLOW, 0.9, 0.25, 0.8, 0.3);
        thresholds(mem, XpoPages.Monitor.COLD_PLATE_TEMP, 65, 0, 60, 5);
        for (XpoPages.Monitor m : new XpoPages.Monitor[] {XpoPages.Monitor.CARD_A_HOT_ZONE_TEMP,
                XpoPages.Monitor.CARD_B_HOT_ZONE_TEMP}) {
            thresholds(mem, m, 85, 0, 80, 5);
        }
        for (XpoPages.Monitor m : new XpoPages.Monitor[] {XpoPages.Monitor.CARD_A_COLD_ZONE_TEMP,
                XpoPages.Monitor.CARD_B_COLD_ZONE_TEMP}) {
            thresholds(mem, m, 75, 0, 70, 5);
        }
        mem.set(Fields.MATING_CYCLES_RATED, MATING_CYCLES_RATED);
        Fields.MAX_POWER_XPO.setValue(mem.region(Fields.MAX_POWER_XPO, 0), 0, cfg.maxPowerW());
        mem.set(Fields.MATING_CYCLES, cfg.matingCycles());
        updateChecksums(mem);
    }

    /** Recomputes the page checksums of 00h (222), 01h (255), 02h (255) and B1h (255). */
    static void updateChecksums(ModuleMemory mem) {
        checksum(mem, "PageChecksum00h", 0x00, 128, 222);
        checksum(mem, "PageChecksum01h", 0x01, 130, 255);
        checksum(mem, "PageChecksum02h", 0x02, 128, 255);
        checksum(mem, "PageChecksumB1h", XpoPages.THRESHOLDS, 128, 255);
    }

    private static void checksum(ModuleMemory mem, String name, int page, int from, int to) {
        mem.set(field(name), Codecs.byteSum(mem.pageArray(page, 0), from, to));
    }

    private static Field field(String name) { return MemoryMap.xpo().field(name); }

    private static void set(ModuleMemory mem, String name, long value) { mem.set(field(name), value); }

    private static void text(ModuleMemory mem, String name, String value) {
        Field f = field(name);
        f.setText(mem.region(f, 0), value);
    }

    private static void thresholds(ModuleMemory mem, String prefix, double ha, double la, double hw, double lw) {
        double[] v = {ha, la, hw, lw};
        for (int k = 0; k < 4; k++) {
            Field f = field(prefix + XpoPages.THRESHOLD_KINDS.get(k));
            f.setValue(mem.region(f, 0), 0, v[k]);
        }
    }

    private static void thresholds(ModuleMemory mem, XpoPages.Monitor m, double ha, double la, double hw, double lw) {
        thresholds(mem, m.thresholdPrefix(), ha, la, hw, lw);
    }

    private static void thresholdsRaw(ModuleMemory mem, String prefix, long ha, long la, long hw, long lw) {
        long[] v = {ha, la, hw, lw};
        for (int k = 0; k < 4; k++) mem.set(field(prefix + XpoPages.THRESHOLD_KINDS.get(k)), v[k]);
    }
}
