package org.openxpo.driver.module;

import org.openxpo.driver.access.RegisterAccess;
import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.types.ApplicationDescriptor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.openxpo.driver.module.Registers.*;

/** Reads {@link Identity}: one field list per page, so each page costs one or two transfers. */
final class IdentityReader {
    private IdentityReader() {}

    private static final List<Field> LOWER_FIELDS = List.of(IDENTIFIER, CMIS_MAJOR, CMIS_MINOR, MEMORY_MODEL,
        ACTIVE_FW_MAJOR, ACTIVE_FW_MINOR, MEDIA_TYPE, APP_DESCRIPTOR);
    private static final List<Field> PAGE_00_FIELDS = List.of(VENDOR_NAME, VENDOR_OUI, VENDOR_PN, VENDOR_REV,
        VENDOR_SN, DATE_CODE, MAX_POWER_CMIS, XPO_MARKER, XPO_VERSION);
    private static final List<Field> PAGE_01_FIELDS = List.of(INACTIVE_FW_MAJOR, INACTIVE_FW_MINOR, HW_MAJOR,
        HW_MINOR, BANKS_SUPPORTED, DP_INIT_DURATION, BIAS_MULTIPLIER, CDB_INSTANCES, PWR_UP_DURATION,
        TX_ON_DURATION, MEDIA_LANE_OPTIONS, APP_DESCRIPTOR_EXT);
    private static final String[] EPL_RANGES = {"", "A0h", "A0h-A1h", "A0h-A2h", "A0h-A3h", "A0h-A7h", "A0h-ABh", "A0h-AFh"};

    static Identity read(RegisterAccess access) {
        byte[] lo = access.readFields(LOWER, 0, LOWER_FIELDS);
        byte[] p0 = access.readFields(PAGE_00, 0, PAGE_00_FIELDS);
        boolean flat = MEMORY_MODEL.get(lo, 0) == 1;
        byte[] p1 = flat ? null : access.readFields(PAGE_01, 0, PAGE_01_FIELDS);
        boolean xpo = !flat && "XPO".equals(XPO_MARKER.text(p0));
        int xpoVersion = xpo ? Math.max(1, (int) XPO_VERSION.get(p0, 0)) : 0;
        double maxPower = xpo ? access.value(MAX_POWER_XPO, 0, 0) : MAX_POWER_CMIS.value(p0, 0);
        int banks = flat ? 1 : 1 << BANKS_SUPPORTED.get(p1, 0);
        return new Identity((int) IDENTIFIER.get(lo, 0), (int) CMIS_MAJOR.get(lo, 0), (int) CMIS_MINOR.get(lo, 0), flat,
            VENDOR_NAME.text(p0), oui(p0), VENDOR_PN.text(p0), VENDOR_REV.text(p0), VENDOR_SN.text(p0),
            DATE_CODE.text(p0),
            new FirmwareVersion((int) ACTIVE_FW_MAJOR.get(lo, 0), (int) ACTIVE_FW_MINOR.get(lo, 0)),
            flat ? new FirmwareVersion(0, 0)
                : new FirmwareVersion((int) INACTIVE_FW_MAJOR.get(p1, 0), (int) INACTIVE_FW_MINOR.get(p1, 0)),
            flat ? "" : HW_MAJOR.get(p1, 0) + "." + HW_MINOR.get(p1, 0),
            (int) MEDIA_TYPE.get(lo, 0), applications(lo, p1), maxPower, banks, pages(p1, xpo), xpoVersion,
            flat ? 0 : (int) BIAS_MULTIPLIER.get(p1, 0), flat ? AdvertisedDurations.FLAT_MEMORY : durations(p1));
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
            int media = p1 == null ? 0 : (int) MEDIA_LANE_OPTIONS.get(p1, n - 1);
            out.add(new Application(n, d, media));
        }
        return List.copyOf(out);
    }

    private static List<String> pages(byte[] p1, boolean xpo) {
        List<String> out = new ArrayList<>(List.of("00h"));
        if (p1 == null) return out;
        out.addAll(List.of("01h", "02h"));
        if (PAGE_03.get(p1, 0) == 1) out.add("03h");
        if (PAGE_05.get(p1, 0) == 1) out.add("05h");
        out.addAll(List.of("10h", "11h"));
        if (DIAG_PAGES.get(p1, 0) == 1) out.addAll(List.of("13h", "14h"));
        if (NP_PAGES.get(p1, 0) == 1) out.addAll(List.of("16h", "17h"));
        if (VDM_PAGES.get(p1, 0) == 1) out.add("20h-2Fh");
        if (CDB_INSTANCES.get(p1, 0) > 0) {
            out.add("9Fh");
            int epl = (int) CDB_EPL_PAGES.get(p1, 0);
            if (epl > 0) out.add(EPL_RANGES[Math.min(epl, EPL_RANGES.length - 1)]);
        }
        if (xpo) out.addAll(List.of("B0h", "B1h"));
        return List.copyOf(out);
    }

    private static AdvertisedDurations durations(byte[] p1) {
        return new AdvertisedDurations(ms(DP_INIT_DURATION, p1), ms(DP_DEINIT_DURATION, p1), ms(PWR_UP_DURATION, p1),
            ms(PWR_DN_DURATION, p1), ms(TX_ON_DURATION, p1), ms(TX_OFF_DURATION, p1));
    }

    private static Duration ms(Field f, byte[] p1) { return Duration.ofMillis((long) f.value(p1, 0)); }
}
