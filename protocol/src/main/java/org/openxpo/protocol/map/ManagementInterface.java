package org.openxpo.protocol.map;

/**
 * The module's management interface as a host addresses it (cmis-digest §1–2): one device at 7-bit address 0x50 with
 * a 256-byte window, lower memory at bytes 0–127 and the upper page chosen by BankSelect (126) and PageSelect (127) at
 * bytes 128–255; and how long one write may be: 8 bytes in general, 8·(1+ReadWriteLengthExt) bytes on the CDB pages
 * (01h:164, refined by the 0041h reply). BankBroadcastEnable (00h:26.7) makes a write to the lane control page reach
 * every bank.
 */
public final class ManagementInterface {
    private ManagementInterface() {}

    /** The 7-bit I2C address of the management device (also the I3C static address). */
    public static final int I2C_ADDRESS = 0x50;
    /** Bytes of the address window: lower memory (0–127) and the selected upper page (128–255). */
    public static final int WINDOW_SIZE = 2 * MemoryMap.PAGE_SIZE;
    /** First byte of the upper page in the window. */
    public static final int UPPER_PAGE_START = MemoryMap.PAGE_SIZE;
    /** BankSelect (00h:126): the bank of the banked upper page, applied when PageSelect is written. */
    public static final int BANK_SELECT = LowerPage.BANK_SELECT.offset();
    /** PageSelect (00h:127): the upper page shown at bytes 128–255. */
    public static final int PAGE_SELECT = LowerPage.PAGE_SELECT.offset();
    /** The longest write a module must take outside the CDB pages (CMIS: 8 bytes). */
    public static final int GENERAL_WRITE_LIMIT = 8;
    /** The longest transfer the window allows: one upper page. */
    public static final int MAX_TRANSFER = MemoryMap.PAGE_SIZE;
    /** The largest ReadWriteLengthExt (01h:164) hosts honour on EPL pages (Linux caps it at 15: 128 bytes). */
    public static final int MAX_READ_WRITE_LENGTH_EXT = 15;

    /**
     * The longest write on the CDB pages for a module advertising {@code readWriteLengthExt} i: 8·(1+i) bytes, at most
     * one page ({@link #MAX_TRANSFER}).
     */
    public static int cdbWriteLimit(int readWriteLengthExt) {
        if (readWriteLengthExt < 0 || readWriteLengthExt > 0xFF) {
            throw new IllegalArgumentException("ReadWriteLengthExt " + readWriteLengthExt + " is not a byte");
        }
        return Math.min(MAX_TRANSFER, GENERAL_WRITE_LIMIT * (1 + readWriteLengthExt));
    }

    /** The longest write to byte {@code address} of {@code page}: the CDB limit on CDB pages' upper half, else 8. */
    public static int writeLimit(int page, int address, int readWriteLengthExt) {
        return address >= UPPER_PAGE_START && Pages.isCdb(page) ? cdbWriteLimit(readWriteLengthExt) : GENERAL_WRITE_LIMIT;
    }

    /** True when BankBroadcastEnable makes a write to {@code page} reach every bank (the lane control page). */
    public static boolean bankBroadcastApplies(int page) { return page == Pages.LANE_CONTROL; }
}
