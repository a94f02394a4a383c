package org.openxpo.driver.firmware;

/** What CDB 0100h says about the two firmware banks. */
public record FirmwareInfo(Bank a, Bank b) {
    /** One bank: its image version and flags. */
    public record Bank(String name, int major, int minor, int build, boolean running, boolean committed, boolean valid,
                       String extra) {
        public String version() { return major + "." + minor; }
    }

    static FirmwareInfo decode(byte[] r) {
        int status = r[0] & 0xFF;
        return new FirmwareInfo(bank("A", r, status, 2), bank("B", r, status >> 4, 38));
    }

    private static Bank bank(String name, byte[] r, int bits, int at) {
        String extra = new String(r, at + 4, 32, java.nio.charset.StandardCharsets.US_ASCII).replace("\0", "").trim();
        return new Bank(name, r[at] & 0xFF, r[at + 1] & 0xFF, ((r[at + 2] & 0xFF) << 8) | (r[at + 3] & 0xFF),
            (bits & 1) != 0, (bits & 2) != 0, (bits & 4) == 0, extra);
    }

    public Bank running() { return a.running() ? a : b; }

    public Bank inactive() { return a.running() ? b : a; }

    public Bank committed() { return a.committed() ? a : b; }
}
