package org.openxpo.driver.module;

import org.openxpo.driver.access.AdvertisedPages;
import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.Pages;
import org.openxpo.protocol.map.XpoPages;
import org.openxpo.protocol.types.ApplicationDescriptor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.openxpo.protocol.map.AdminPages.*;
import static org.openxpo.protocol.map.LowerPage.*;

/** Reads {@link Identity}: one field list per page, so each page costs one or two transfers. */
final class IdentityReader {
    private IdentityReader() {}

    private static final List<Field> LOWER_FIELDS = List.of(SFF8024_IDENTIFIER, CMIS_REVISION_MAJOR, CMIS_REVISION_MINOR,
        MEMORY_MODEL, ACTIVE_FIRMWARE_MAJOR, ACTIVE_FIRMWARE_MINOR, MEDIA_TYPE, APP_DESCRIPTOR);
    private static final List<Field> PAGE_00_FIELDS = List.of(VENDOR_NAME, VENDOR_OUI, VENDOR_PN, VENDOR_REV,
        VENDOR_SN, DATE_CODE, MAX_POWER, XPO_PROFILE_MARKER, XPO_PROFILE_VERSION);
    private static final List<Field> PAGE_01_FIELDS = List.of(INACTIVE_FIRMWARE_MAJOR, INACTIVE_FIRMWARE_MINOR,
        HARDWARE_MAJOR, HARDWARE_MINOR, BANKS_SUPPORTED, MAX_DURATION_DP_INIT, TX_BIAS_MULTIPLIER, CDB_INSTANCES_SUPPORTED,
        MAX_DURATION_MODULE_PWR_UP, MAX_DURATION_DP_TX_TURN_ON, MEDIA_LANE_ASSIGNMENT_OPTIONS, APP_DESCRIPTOR_EXT,
        PAGE03_SUPPORTED, PAGE05_SUPPORTED, DIAG_PAGES_SUPPORTED, NETWORK_PATH_PAGES_SUPPORTED, VDM_PAGES_SUPPORTED,
        CDB_MAX_PAGES_EPL);

    static Identity read(RegisterAccess access) {
        byte[] lo = access.readFields(Pages.LOWER_MEMORY, 0, LOWER_FIELDS);
        byte[] p0 = access.readFields(Pages.ADMINISTRATIVE, 0, PAGE_00_FIELDS);
        boolean flat = MEMORY_MODEL.get(lo, 0) == 1;
        byte[] p1 = flat ? null : access.readFields(Pages.ADVERTISING, 0, PAGE_01_FIELDS);
        boolean xpo = !flat && "XPO".equals(XPO_PROFILE_MARKER.text(p0));
        int xpoVersion = xpo ? Math.max(1, (int) XPO_PROFILE_VERSION.get(p0, 0)) : 0;
        double maxPower = xpo ? access.value(XpoPages.MAX_POWER_XPO, 0, 0) : MAX_POWER.value(p0, 0);
        int banks = flat ? 1 : 1 << BANKS_SUPPORTED.get(p1, 0);
        AdvertisedPages advertised = flat ? AdvertisedPages.FLAT : AdvertisedPages.of(p1);
        return new Identity((int) SFF8024_IDENTIFIER.get(lo, 0), (int) CMIS_REVISION_MAJOR.get(lo, 0),
            (int) CMIS_REVISION_MINOR.get(lo, 0), flat,
            VENDOR_NAME.text(p0), oui(p0), VENDOR_PN.text(p0), VENDOR_REV.text(p0), VENDOR_SN.text(p0),
            DATE_CODE.text(p0),
            new FirmwareVersion((int) ACTIVE_FIRMWARE_MAJOR.get(lo, 0), (int) ACTIVE_FIRMWARE_MINOR.get(lo, 0)),
            flat ? new FirmwareVersion(0, 0)
                : new FirmwareVersion((int) INACTIVE_FIRMWARE_MAJOR.get(p1, 0), (int) INACTIVE_FIRMWARE_MINOR.get(p1, 0)),
            flat ? "" : HARDWARE_MAJOR.get(p1, 0) + "." + HARDWARE_MINOR.get(p1, 0),
            (int) MEDIA_TYPE.get(lo, 0), applications(lo, p1), maxPower, banks, advertised.names(xpo), xpoVersion,
            flat ? 0 : (int) TX_BIAS_MULTIPLIER.get(p1, 0), flat ? AdvertisedDurations.FLAT_MEMORY : durations(p1),
            advertised);
    }

    private static String oui(byte[] p0) {
        int at = VENDOR_OUI.offset();
        return String.format("%02X-%02X-%02X", p0[at] & 0xFF, p0[at + 1] & 0xFF, p0[at + 2] & 0xFF);
    }

    /** AppSel 1–8 from the lower page, 9–15 from page 01h, up to the first end-of-list descriptor. */
    private static List<Application> applications(byte[] lo, byte[] p1) {
        List<Application> out = new ArrayList<>();
        for (int n = 1; n <= 15; n++) {
            boolean ext = n > APP_DESCRIPTOR.count();
            if (ext && p1 == null) break;
            ApplicationDescriptor d = ext
                ? ApplicationDescriptor.decode(APP_DESCRIPTOR_EXT.get(p1, n - 1 - APP_DESCRIPTOR.count()))
                : ApplicationDescriptor.decode(APP_DESCRIPTOR.get(lo, n - 1));
            if (d.isEndOfList()) break;
            int media = p1 == null ? 0 : (int) MEDIA_LANE_ASSIGNMENT_OPTIONS.get(p1, n - 1);
            out.add(new Application(n, d, media));
        }
        return List.copyOf(out);
    }

    private static AdvertisedDurations durations(byte[] p1) {
        return new AdvertisedDurations(ms(MAX_DURATION_DP_INIT, p1), ms(MAX_DURATION_DP_DEINIT, p1),
            ms(MAX_DURATION_MODULE_PWR_UP, p1), ms(MAX_DURATION_MODULE_PWR_DN, p1), ms(MAX_DURATION_DP_TX_TURN_ON, p1),
            ms(MAX_DURATION_DP_TX_TURN_OFF, p1));
    }

    private static Duration ms(Field f, byte[] p1) { return Duration.ofMillis((long) f.value(p1, 0)); }
}
