package org.openxpo.driver.firmware;

import org.openxpo.protocol.cdb.FirmwareInfoReply;

import java.util.Optional;

/** What CDB 0100h ({@link FirmwareInfoReply}) says about the two firmware banks. */
public record FirmwareInfo(Bank a, Bank b) {
    /** One bank: its image version and flags (version 0.0 and no extra text when the module gives no image info). */
    public record Bank(String name, int major, int minor, int build, boolean running, boolean committed, boolean valid,
                       String extra) {
        public String version() { return major + "." + minor; }
    }

    static FirmwareInfo of(FirmwareInfoReply r) {
        return new FirmwareInfo(bank("A", r.bankA(), r.imageA()), bank("B", r.bankB(), r.imageB()));
    }

    private static Bank bank(String name, FirmwareInfoReply.BankStatus status, Optional<FirmwareInfoReply.ImageInfo> image) {
        FirmwareInfoReply.ImageInfo i = image.orElse(new FirmwareInfoReply.ImageInfo(0, 0, 0, ""));
        return new Bank(name, i.major(), i.minor(), i.build(), status.running(), status.committed(), !status.invalid(),
            i.extra());
    }

    public Bank running() { return a.running() ? a : b; }

    public Bank inactive() { return a.running() ? b : a; }

    public Bank committed() { return a.committed() ? a : b; }
}
