package org.openxpo.protocol.map;

/**
 * The page numbers of the XPO memory map, declared once: the page declarations use them, and so may every host and
 * module that selects a page (PageSelect, 00h:127). Lower memory (bytes 0–127) has no page number of its own: it is
 * visible whatever page is selected; page 00h is its upper half at bytes 128–255.
 */
public final class Pages {
    private Pages() {}

    /** The page number lower-memory fields carry (bytes 0–127 ignore PageSelect; page 00h is their upper half). */
    public static final int LOWER_MEMORY = 0x00;
    /** 00h: administrative information (identity, power class, connector); upper half of page 00h. */
    public static final int ADMINISTRATIVE = 0x00;
    /** 01h: advertising (firmware versions, supported pages and banks, durations, CDB advertisement). */
    public static final int ADVERTISING = 0x01;
    /** 02h: module and lane monitor thresholds. */
    public static final int THRESHOLDS = 0x02;
    /*
     * Optional CMIS pages: not part of the XPO map, declared only so a host can name what 01h:142 advertises. Each is
     * advertised by one bit of 01h:142, given with it.
     */
    /** 03h: user EEPROM (host-writable NVR); advertised by {@link AdminPages#PAGE03_SUPPORTED} (01h:142 bit 2). */
    public static final int USER_EEPROM = 0x03;
    /** 05h: optional CMIS page; advertised by {@link AdminPages#PAGE05_SUPPORTED} (01h:142 bit 3). */
    public static final int OPTIONAL_05 = 0x05;
    /** 13h: the first diagnostics page (13h–14h); advertised by {@link AdminPages#DIAG_PAGES_SUPPORTED} (01h:142 bit 5). */
    public static final int DIAGNOSTICS_FIRST = 0x13;
    /** 14h: the last diagnostics page. */
    public static final int DIAGNOSTICS_LAST = 0x14;
    /** 16h: the first network-path page (16h–17h); advertised by {@link AdminPages#NETWORK_PATH_PAGES_SUPPORTED} (01h:142 bit 7). */
    public static final int NETWORK_PATH_FIRST = 0x16;
    /** 17h: the last network-path page. */
    public static final int NETWORK_PATH_LAST = 0x17;
    /** 20h: the first VDM page (20h–2Fh); advertised by {@link AdminPages#VDM_PAGES_SUPPORTED} (01h:142 bit 6). */
    public static final int VDM_FIRST = 0x20;
    /** 2Fh: the last VDM page. */
    public static final int VDM_LAST = 0x2F;
    /** 20h (banked): VDM descriptors of group 1; group g (1–4) is on page 1Fh + g. */
    public static final int VDM_DESCRIPTORS_FIRST = 0x20;
    /** 24h (banked): VDM samples (values) of group 1; group g is on page 23h + g. */
    public static final int VDM_VALUES_FIRST = 0x24;
    /** 28h (banked): VDM threshold sets of group 1; group g is on page 27h + g. */
    public static final int VDM_THRESHOLDS_FIRST = 0x28;
    /** 2Ch (banked): VDM latched flags of all four groups, a nibble per descriptor. */
    public static final int VDM_FLAGS = 0x2C;
    /** 2Dh (banked): VDM flag masks, the shape of 2Ch. */
    public static final int VDM_MASKS = 0x2D;
    /** 2Fh (banked): VDM advertisement (groups) and control/status (freeze, unfreeze). */
    public static final int VDM_CONTROL = 0x2F;
    /** 10h (banked): lane control, staged control set 0, lane flag masks. */
    public static final int LANE_CONTROL = 0x10;
    /** 11h (banked): lane status, lane flags and monitors, active control set. */
    public static final int LANE_STATUS = 0x11;
    /** 9Fh: the CDB command header and local payload of CDB instance 1. */
    public static final int CDB = 0x9F;
    /** A0h: the first of the CDB extended-payload (EPL) pages. */
    public static final int CDB_EPL_FIRST = 0xA0;
    /** EPL pages the module implements (A0h–AFh: 16 × 128 = 2048 bytes, what 01h:163 code 7 advertises). */
    public static final int CDB_EPL_PAGES = 16;
    /** AFh: the last CDB extended-payload page. */
    public static final int CDB_EPL_LAST = CDB_EPL_FIRST + CDB_EPL_PAGES - 1;
    /** B0h: the first of the pages CMIS leaves to the module's maker (B0h–FFh); the XPO pages are among them. */
    public static final int FIRST_CUSTOM = 0xB0;
    /** B0h (XPO, project-defined): 50 V input and liquid-cooling telemetry, their flags and masks. */
    public static final int XPO_TELEMETRY = 0xB0;
    /** B1h (XPO, project-defined): thresholds of the B0h monitors. */
    public static final int XPO_THRESHOLDS = 0xB1;

    /** The EPL page holding extended-payload byte {@code offset} (0–2047). */
    public static int cdbEplPage(int offset) {
        if (offset < 0 || offset >= CDB_EPL_PAGES * MemoryMap.PAGE_SIZE) {
            throw new IllegalArgumentException("EPL offset " + offset + " is outside 0-" + (CDB_EPL_PAGES * MemoryMap.PAGE_SIZE - 1));
        }
        return CDB_EPL_FIRST + offset / MemoryMap.PAGE_SIZE;
    }

    /** True for the CDB pages: 9Fh and the EPL pages A0h–AFh. */
    public static boolean isCdb(int page) { return page == CDB || (page >= CDB_EPL_FIRST && page <= CDB_EPL_LAST); }
}
