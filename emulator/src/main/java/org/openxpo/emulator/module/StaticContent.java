package org.openxpo.emulator.module;

import org.openxpo.protocol.cdb.CdbPage;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.map.ThresholdSet;
import org.openxpo.protocol.map.XpoPages;
import org.openxpo.protocol.types.ApplicationDescriptor;
import org.openxpo.protocol.types.Lanes;
import org.openxpo.protocol.units.Codecs;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the module's non-volatile content: identity (00h), advertisement (01h), thresholds (02h, B1h), the
 * application list and the VDM descriptors and thresholds ({@link Vdm#loadStatic}), then the page checksums. Values are set through the map's field constants.
 */
final class StaticContent {
    private StaticContent() {}

    /** Bias multiplier code advertised in 01h:160 (×2: 4 µA per LSB, up to 262 mA). */
    static final int BIAS_MULTIPLIER_CODE = 1;
    /** Advertised signal-integrity limits (01h:153/154), used by ApplyDPInit to reject invalid SI. */
    static final int TX_INPUT_EQ_MAX = 6, RX_PRE_CURSOR_MAX = 7, RX_POST_CURSOR_MAX = 7, RX_AMPLITUDE_CODES = 0xF;
    static final int MATING_CYCLES_RATED = 500;
    /** An unused application slot: host interface FFh ends the list. */
    private static final long NO_APPLICATION =
        new ApplicationDescriptor(ApplicationDescriptor.END_OF_LIST, 0, 0, 0, 0).encode();

    /** A page checksum: the 8-bit sum of the page's bytes from {@code from} up to the checksum byte. */
    private record Checksum(Field sum, int from) {}

    /**
     * The checksummed pages. Each sum covers its page's upper half up to the checksum byte, except that of 01h: CMIS
     * leaves the inactive firmware version (01h:128–129) out, since a download changes it.
     */
    private static final List<Checksum> CHECKSUMS = List.of(
        new Checksum(AdminPages.PAGE_CHECKSUM_00H, ManagementInterface.UPPER_PAGE_START),
        new Checksum(AdminPages.PAGE_CHECKSUM_01H, AdminPages.INACTIVE_FIRMWARE_MINOR.offset() + 1),
        new Checksum(AdminPages.PAGE_CHECKSUM_02H, ManagementInterface.UPPER_PAGE_START),
        new Checksum(XpoPages.PAGE_CHECKSUM_B1H, ManagementInterface.UPPER_PAGE_START));

    static void load(ModuleMemory mem, ModuleConfig cfg, FirmwareImages images) {
        ModuleConfig.Timing t = cfg.timing();
        mem.set(LowerPage.SFF8024_IDENTIFIER, cfg.identifier());
        mem.set(LowerPage.CMIS_REVISION_MAJOR, 5);
        mem.set(LowerPage.CMIS_REVISION_MINOR, 3);
        mem.set(LowerPage.MEMORY_MODEL, 0);
        mem.set(LowerPage.STEPPED_CONFIG_ONLY, 1);
        mem.set(LowerPage.MCI_MAX_SPEED, 1);
        mem.set(LowerPage.AUTO_COMMISSIONING, 1);
        mem.set(LowerPage.MEDIA_TYPE, 2);
        int inLower = LowerPage.APP_DESCRIPTOR.count();
        for (int i = 0; i < inLower + AdminPages.APP_DESCRIPTOR_EXT.count(); i++) {
            ApplicationDescriptor app = i < cfg.applications().size() ? cfg.applications().get(i) : null;
            long packed = app == null ? NO_APPLICATION : app.encode();
            if (i < inLower) mem.set(LowerPage.APP_DESCRIPTOR, 0, i, packed);
            else mem.set(AdminPages.APP_DESCRIPTOR_EXT, 0, i - inLower, packed);
            mem.set(AdminPages.MEDIA_LANE_ASSIGNMENT_OPTIONS, 0, i, app == null ? 0 : app.hostLaneOptions());
        }
        images.publishVersions(mem);

        mem.set(AdminPages.SFF8024_IDENTIFIER_COPY, cfg.identifier());
        text(mem, AdminPages.VENDOR_NAME, cfg.vendorName());
        mem.set(AdminPages.VENDOR_OUI, cfg.vendorOui());
        text(mem, AdminPages.VENDOR_PN, cfg.partNumber());
        text(mem, AdminPages.VENDOR_REV, cfg.vendorRevision());
        text(mem, AdminPages.VENDOR_SN, cfg.serialNumber());
        text(mem, AdminPages.DATE_CODE, cfg.dateCode());
        text(mem, AdminPages.CLEI_CODE, "");
        mem.set(AdminPages.MODULE_POWER_CLASS, 7);
        value(mem, AdminPages.MAX_POWER, cfg.maxPowerW());
        mem.set(AdminPages.CONNECTOR_TYPE, 0x0D);
        mem.set(AdminPages.MEDIA_INTERFACE_TECHNOLOGY, 6);
        text(mem, AdminPages.XPO_PROFILE_MARKER, "XPO");
        mem.set(AdminPages.XPO_PROFILE_VERSION, 1);

        mem.set(AdminPages.HARDWARE_MAJOR, cfg.hardwareMajor());
        mem.set(AdminPages.HARDWARE_MINOR, cfg.hardwareMinor());
        mem.set(AdminPages.LENGTH_SMF, 5);
        mem.set(AdminPages.NOMINAL_WAVELENGTH, 26220);
        mem.set(AdminPages.WAVELENGTH_TOLERANCE, 1300);
        mem.set(AdminPages.BANKS_SUPPORTED, Lanes.BANKS_SUPPORTED_CODE);
        mem.set(AdminPages.MAX_DURATION_DP_DEINIT, Codecs.durationCode(t.dpDeinit().toMillis()));
        mem.set(AdminPages.MAX_DURATION_DP_INIT, Codecs.durationCode(t.dpInit().toMillis()));
        mem.set(AdminPages.MODULE_TEMP_MAX, 75);
        mem.set(AdminPages.MODULE_TEMP_MIN, 0);
        mem.set(AdminPages.OPERATING_VOLTAGE_MIN, 157);
        mem.set(AdminPages.OPTICAL_CHARACTERISTICS, 0x10);
        mem.set(AdminPages.RX_OUTPUT_AMPLITUDE_SUPPORT, (RX_AMPLITUDE_CODES << 4) | TX_INPUT_EQ_MAX);
        mem.set(AdminPages.RX_OUTPUT_EQ_SUPPORT, (RX_POST_CURSOR_MAX << 4) | RX_PRE_CURSOR_MAX);
        mem.set(AdminPages.TX_CONTROLS_SUPPORTED, 0x03);
        mem.set(AdminPages.RX_CONTROLS_SUPPORTED, 0x03);
        mem.set(AdminPages.TX_FLAGS_SUPPORTED, 0x05);
        mem.set(AdminPages.RX_FLAGS_SUPPORTED, 0x06);
        mem.set(AdminPages.MODULE_MONITORS_SUPPORTED, 0x03);
        mem.set(AdminPages.TX_BIAS_MULTIPLIER, BIAS_MULTIPLIER_CODE);
        mem.set(AdminPages.LANE_MONITORS_SUPPORTED, 0x07);
        mem.set(AdminPages.TX_SI_CONTROLS_SUPPORTED, 0x0D);
        mem.set(AdminPages.RX_SI_CONTROLS_SUPPORTED, 0x1D);
        mem.set(AdminPages.CDB_INSTANCES_SUPPORTED, 1);
        mem.set(AdminPages.CDB_BACKGROUND_MODE_SUPPORTED, 1);
        mem.set(AdminPages.CDB_MAX_PAGES_EPL, cfg.cdbWriteMechanism().epl() ? CdbPage.EPL_PAGES_CODE_ALL : 0);
        mem.set(AdminPages.CDB_READ_WRITE_LENGTH_EXT, cfg.cdbReadWriteLengthExt());
        // without EPL writes the module has no EPL pages: A0h-AFh are then unsupported pages (selecting one shows 00h);
        // nor has it the VDM pages of the groups it does not advertise
        List<Integer> withdrawn = new ArrayList<>(Vdm.withdrawnPages());
        if (!cfg.cdbWriteMechanism().epl()) withdrawn.addAll(CdbPage.eplPages());
        mem.withdrawPages(withdrawn);
        mem.set(AdminPages.MAX_DURATION_MODULE_PWR_DN, Codecs.durationCode(t.modulePwrDn().toMillis()));
        mem.set(AdminPages.MAX_DURATION_MODULE_PWR_UP, Codecs.durationCode(t.modulePwrUp().toMillis()));
        mem.set(AdminPages.MAX_DURATION_DP_TX_TURN_OFF, Codecs.durationCode(t.txTurnOff().toMillis()));
        mem.set(AdminPages.MAX_DURATION_DP_TX_TURN_ON, Codecs.durationCode(t.txTurnOn().toMillis()));

        thresholds(mem, AdminPages.TEMP_MON, 80, -5, 75, 0);
        thresholds(mem, AdminPages.VCC_MON, 3.465, 3.135, 3.43, 3.17);
        thresholds(mem, AdminPages.TX_POWER, 4.0, 0.2, 3.2, 0.32);
        thresholdsRaw(mem, AdminPages.TX_BIAS,
            Codecs.biasRaw(150, BIAS_MULTIPLIER_CODE), Codecs.biasRaw(20, BIAS_MULTIPLIER_CODE),
            Codecs.biasRaw(130, BIAS_MULTIPLIER_CODE), Codecs.biasRaw(30, BIAS_MULTIPLIER_CODE));
        thresholds(mem, AdminPages.RX_POWER, 4.0, 0.1, 3.2, 0.16);

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
        mem.set(XpoPages.MATING_CYCLES_RATED, MATING_CYCLES_RATED);
        value(mem, XpoPages.MAX_POWER_XPO, cfg.maxPowerW());
        mem.set(XpoPages.MATING_CYCLES, cfg.matingCycles());
        LaneDiagnostics.advertise(mem);
        Vdm.loadStatic(mem);
        updateChecksums(mem);
    }

    /** Recomputes the page checksums (00h, 01h, 02h and B1h). */
    static void updateChecksums(ModuleMemory mem) {
        for (Checksum c : CHECKSUMS) {
            mem.set(c.sum(), Codecs.byteSum(mem.pageArray(c.sum().page(), 0), c.from(), c.sum().offset()));
        }
    }

    private static void text(ModuleMemory mem, Field f, String value) {
        f.setText(mem.region(f, 0), value);
    }

    private static void value(ModuleMemory mem, Field f, double value) {
        f.setValue(mem.region(f, 0), 0, value);
    }

    private static void thresholds(ModuleMemory mem, ThresholdSet set, double ha, double la, double hw, double lw) {
        value(mem, set.highAlarm(), ha);
        value(mem, set.lowAlarm(), la);
        value(mem, set.highWarning(), hw);
        value(mem, set.lowWarning(), lw);
    }

    private static void thresholds(ModuleMemory mem, XpoPages.Monitor m, double ha, double la, double hw, double lw) {
        thresholds(mem, m.thresholds(), ha, la, hw, lw);
    }

    private static void thresholdsRaw(ModuleMemory mem, ThresholdSet set, long ha, long la, long hw, long lw) {
        mem.set(set.highAlarm(), ha);
        mem.set(set.lowAlarm(), la);
        mem.set(set.highWarning(), hw);
        mem.set(set.lowWarning(), lw);
    }
}
