package org.openxpo.conformance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openxpo.conformance.support.Host;
import org.openxpo.protocol.map.AdminPages;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.LowerPage;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.map.XpoPages;
import org.openxpo.protocol.types.ApplicationDescriptor;
import org.openxpo.protocol.units.Codecs;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.openxpo.conformance.support.Host.*;

/**
 * What a host reads first: the identifier and revision that make SONiC/ethtool treat the module as CMIS, the XPO
 * marker, vendor identity, page checksums, the advertisement of banks, applications, durations and CDB.
 * Byte addresses typed here are deliberate: the independent host's reading of CMIS (see {@link Checks}).
 */
abstract class IdentityChecks extends Checks {

    @Test
    void identifierIsOsfpOrTheVendorSpecificAlternative() {
        int id = (int) host.get(LowerPage.SFF8024_IDENTIFIER);
        assertTrue(id == 0x19 || id == 0x80, () -> String.format("00h:0 = 0x%02X; the XPO profile uses 0x19 (OSFP, so "
            + "SONiC and optoe treat the module as CMIS) or 0x80 (vendor specific)", id));
    }

    @Test
    void identifierCopyAt128MatchesByte0() {
        assertEquals(host.get(LowerPage.SFF8024_IDENTIFIER), host.get(AdminPages.SFF8024_IDENTIFIER_COPY),
            "00h:128 (the copy SONiC's xcvrd reads) differs from 00h:0");
    }

    @Test
    void cmisRevisionIs53OrLater() {
        long major = host.get(LowerPage.CMIS_REVISION_MAJOR), minor = host.get(LowerPage.CMIS_REVISION_MINOR);
        assertEquals(5, major, "CMIS major revision (00h:1 bits 7-4); the XPO profile is CMIS 5.3");
        assertTrue(minor >= 3, "CMIS revision " + major + "." + minor + ": the profile needs 5.3 (CDB completion "
            + "flags, DPInitPending, AutoCommissioning)");
    }

    @Test
    void memoryIsPagedWithSteppedConfiguration() {
        assertEquals(0, host.get(LowerPage.MEMORY_MODEL), "00h:2.7 MemoryModel: pages 01h/02h/10h/11h need paged memory");
        assertEquals(1, host.get(LowerPage.STEPPED_CONFIG_ONLY), "00h:2.6 SteppedConfigOnly: the profile reconfigures data paths "
            + "by deinit, ApplyDPInit, init");
        long speed = host.get(LowerPage.MCI_MAX_SPEED);
        assertTrue(speed == 0 || speed == 1, "00h:2.3-2 MciMaxSpeed " + speed + " is reserved");
    }

    @Test
    void xpoProfileMarkerAt223() {
        byte[] b = host.read(Pages.ADMINISTRATIVE, 0, 223, 4);
        assertEquals("XPO", new String(b, 0, 3, StandardCharsets.US_ASCII), "00h:223-225 must read ASCII XPO "
            + "(bytes " + hex(b) + ")");
        assertEquals(1, b[3] & 0xFF, "00h:226 XPO profile version");
    }

    @Test
    void page00hChecksumAt222CoversBytes128To221() {
        byte[] p = page(Pages.ADMINISTRATIVE);
        assertEquals(Codecs.byteSum(p, 128, 222), p[222] & 0xFF, "00h:222 must be the 8-bit sum of 128-221");
    }

    @Test
    void page01hChecksumAt255CoversBytes130To254() {
        byte[] p = page(Pages.ADVERTISING);
        assertEquals(Codecs.byteSum(p, 130, 255), p[255] & 0xFF, "01h:255 must be the 8-bit sum of 130-254");
    }

    @Test
    void page02hChecksumAt255CoversBytes128To254() {
        byte[] p = page(Pages.THRESHOLDS);
        assertEquals(Codecs.byteSum(p, 128, 255), p[255] & 0xFF, "02h:255 must be the 8-bit sum of 128-254");
    }

    @Test
    void pageB1hChecksumAt255CoversBytes128To254() {
        byte[] p = page(Pages.XPO_THRESHOLDS);
        assertEquals(Codecs.byteSum(p, 128, 255), p[255] & 0xFF, "B1h:255 must be the 8-bit sum of 128-254");
    }

    @Test
    void vendorNamePartAndSerialArePrintableAndNotBlank() {
        byte[] p = page(Pages.ADMINISTRATIVE);
        for (Field f : List.of(AdminPages.VENDOR_NAME, AdminPages.VENDOR_PN, AdminPages.VENDOR_SN)) {
            String name = f.name();
            for (int a = f.offset(); a < f.offset() + f.byteLength(); a++) {
                int c = p[a] & 0xFF;
                int at = a;
                assertTrue(c >= 0x20 && c < 0x7F, () -> name + " byte " + at + " = 0x" + Integer.toHexString(c)
                    + ": CMIS text is printable ASCII, space padded");
            }
            assertFalse(f.text(p).isBlank(), name + " is blank");
        }
    }

    @Test
    void dateCodeIsYymmddWithALotCode() {
        String date = AdminPages.DATE_CODE.text(page(Pages.ADMINISTRATIVE));
        assertTrue(date.matches("\\d{6}.*"), "DateCode '" + date + "' must start with YYMMDD");
        int month = Integer.parseInt(date.substring(2, 4)), day = Integer.parseInt(date.substring(4, 6));
        assertTrue(month >= 1 && month <= 12 && day >= 1 && day <= 31, "DateCode '" + date + "' is not a date");
    }

    @Test
    void powerClassAndMaxPowerPointAtPageB0h() {
        assertEquals(7, host.get(AdminPages.MODULE_POWER_CLASS), "00h:200 power class 8 (code 7): an XPO draws hundreds of watts");
        assertEquals(0xFF, host.get(AdminPages.MAX_POWER), "00h:201 saturates at 63.75 W (0xFF); the real figure is on B0h");
        double max = host.value(XpoPages.MAX_POWER_XPO);
        assertTrue(max >= 400, "B0h:156 MaxPowerXpo " + max + " W: the profile advertises at least 400 W");
    }

    @Test
    void runningFirmwareVersionIsValid() {
        long major = host.get(LowerPage.ACTIVE_FIRMWARE_MAJOR), minor = host.get(LowerPage.ACTIVE_FIRMWARE_MINOR);
        assertFalse(major == 0xFF && minor == 0xFF, "00h:39-40 = FF.FF: the running image is invalid");
        assertFalse(major == 0 && minor == 0, "00h:39-40 = 0.0: the module reports no firmware");
    }

    @Test
    void banksSupportedIsEightBanks() {
        assertEquals(3, host.get(AdminPages.BANKS_SUPPORTED), "01h:142.1-0 BanksSupported: the XPO profile uses 3 = 8 banks "
            + "(64 lanes)");
    }

    @Test
    void mediaTypeIsSingleModeFiber() {
        assertEquals(2, host.get(LowerPage.MEDIA_TYPE), "00h:85 MediaType: 2 = SMF selects the media interface codes");
    }

    @ParameterizedTest(name = "AppSel {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void applicationIsAdvertisedWithStandardCodes(int appSel) {
        ApplicationDescriptor d = descriptor(appSel);
        int[][] expect = {{131, 127, 8, 0x01}, {130, 119, 4, 0x11}, {129, 117, 2, 0x55}, {128, 115, 1, 0xFF}};
        int[] e = expect[appSel - 1];
        assertEquals(e[0], d.hostInterfaceId(), "AppSel " + appSel + " host interface ID (" + d + ")");
        assertEquals(e[1], d.mediaInterfaceId(), "AppSel " + appSel + " media interface ID (" + d + ")");
        assertEquals(e[2], d.hostLaneCount(), "AppSel " + appSel + " host lanes");
        assertEquals(e[2], d.mediaLaneCount(), "AppSel " + appSel + " media lanes");
        assertEquals(e[3], d.hostLaneOptions(), "AppSel " + appSel + " start lanes within a bank");
        assertEquals(e[3], host.get(AdminPages.MEDIA_LANE_ASSIGNMENT_OPTIONS, 0, appSel - 1),
            "01h:" + (175 + appSel) + " media lane options of AppSel " + appSel);
    }

    @Test
    void applicationListEndsAfterTheAdvertisedOnes() {
        int n = 0;
        while (n < 8 && !descriptor(n + 1).isEndOfList()) n++;
        assertTrue(n >= 4, "at least 4 applications (1.6T, 800G, 400G, 200G) must be advertised, found " + n);
        if (n < 8) assertEquals(0xFF, descriptor(n + 1).hostInterfaceId(), "the list ends with host ID FFh");
    }

    @Test
    void advertisedDurationsUseDefinedCodes() {
        byte[] p = host.read(Pages.ADVERTISING, 0, 144, 25);
        int[] codes = {p[0] & 0xF, (p[0] >> 4) & 0xF, p[23] & 0xF, (p[23] >> 4) & 0xF, p[24] & 0xF, (p[24] >> 4) & 0xF};
        String[] names = {"DPInit", "DPDeinit", "ModulePwrUp", "ModulePwrDn", "DPTxTurnOn", "DPTxTurnOff"};
        for (int i = 0; i < codes.length; i++) {
            assertTrue(codes[i] <= 13, "Max duration " + names[i] + " uses reserved code " + codes[i]);
        }
        Host.Durations d = host.durations();
        assertTrue(d.dpInit().toMillis() <= 60_000 && d.modulePwrUp().toMillis() <= 60_000,
            "DPInit/ModulePwrUp advertised above a minute: " + d);
    }

    @Test
    void cdbIsAdvertisedWithOneInstanceAndSixteenEplPages() {
        assertEquals(1, host.get(AdminPages.CDB_INSTANCES_SUPPORTED), "01h:163.7-6 CDB instances");
        assertEquals(7, host.get(AdminPages.CDB_MAX_PAGES_EPL), "01h:163.3-0: 7 = EPL pages A0h-AFh");
        assertEquals(0, host.get(AdminPages.CDB_COMMAND_TRIGGER_METHOD), "01h:165.7: commands are triggered by writing 9Fh:129");
        long ext = host.get(AdminPages.CDB_READ_WRITE_LENGTH_EXT);
        assertTrue(ext <= 15, "01h:164 CdbReadWriteLengthExt " + ext + " (CDB accesses of 8·(1+ext) bytes, ≤ 128)");
    }

    @Test
    void laneMonitorsAndTxDisableAreSupported() {
        assertEquals(0x07, host.get(AdminPages.LANE_MONITORS_SUPPORTED) & 0x07, "01h:160.2-0: bias, Tx power and Rx power monitors");
        assertNotEquals(0, host.get(AdminPages.TX_CONTROLS_SUPPORTED) & 0x02, "01h:155.1 OutputDisableTx must be supported");
        assertNotEquals(0, host.get(AdminPages.MODULE_MONITORS_SUPPORTED) & 0x03, "01h:159: temperature and Vcc monitors");
    }

    private ApplicationDescriptor descriptor(int appSel) {
        byte[] b = appSel <= 8 ? host.read(Pages.LOWER_MEMORY, 0, 86 + 4 * (appSel - 1), 4) : host.read(Pages.ADVERTISING, 0, 223 + 4 * (appSel - 9), 4);
        return ApplicationDescriptor.decode(b, 0);
    }

    /** A page as a 256-byte window (upper half filled). */
    private byte[] page(int page) {
        byte[] w = new byte[256];
        System.arraycopy(host.read(page, 0, 128, 128), 0, w, 128, 128);
        return w;
    }
}
