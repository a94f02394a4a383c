package org.openxpo.driver.access;

import static org.openxpo.protocol.map.ManagementInterface.BANK_SELECT;
import static org.openxpo.protocol.map.ManagementInterface.PAGE_SELECT;

/** The bytes of CMIS paged access: which bank a page takes, the page-select writes, register writes. */
final class PageMessages {
    private PageMessages() {}

    /** Checks {@code page}/{@code bank}; returns the bank the module applies (0 if unbanked): {@link PageBanking}. */
    static int effectiveBank(int page, int bank) { return PageBanking.effectiveBank(page, bank); }

    /**
     * The write that selects {@code page}/{@code effectiveBank} when {@code currentPage}/{@code currentBank} are
     * selected (the page byte alone when the bank stays), or null when nothing needs selecting.
     */
    static byte[] selectMessage(int page, int effectiveBank, int currentPage, int currentBank) {
        if (currentPage == page && currentBank == effectiveBank) return null;
        return currentBank == effectiveBank
            ? new byte[] {(byte) PAGE_SELECT, (byte) page}
            : new byte[] {(byte) BANK_SELECT, (byte) effectiveBank, (byte) page};
    }

    /** The register byte {@code at} followed by {@code n} bytes of {@code data} from {@code from}. */
    static byte[] writeMessage(int at, byte[] data, int from, int n) {
        byte[] msg = new byte[n + 1];
        msg[0] = (byte) at;
        System.arraycopy(data, from, msg, 1, n);
        return msg;
    }
}
