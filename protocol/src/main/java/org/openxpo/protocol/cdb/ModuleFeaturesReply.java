package org.openxpo.protocol.cdb;

import java.util.Set;
import java.util.TreeSet;

/**
 * Module Features (0040h) reply, CMIS 5.3 §9.4.1, 36 bytes: 136–137 reserved; 138–169 a bitmap of the supported
 * commands 0000h–00FFh (byte 138 bit 0 = 0000h); 170–171 MaxCompletionTime, U16 ms, which the Linux kernel uses as the
 * timeout of the commands that advertise no duration of their own.
 */
public record ModuleFeaturesReply(Set<Integer> supportedCommands, int maxCompletionTimeMs) {
    public static final int LENGTH = CdbCommand.MODULE_FEATURES.replyLength();
    private static final int BITMAP = 2, BITMAP_COMMANDS = 256, MAX_COMPLETION = 34, RESERVED = 0;

    public ModuleFeaturesReply {
        supportedCommands = Set.copyOf(new TreeSet<>(supportedCommands));
        for (int c : supportedCommands) {
            if (c < 0 || c >= BITMAP_COMMANDS) throw new IllegalArgumentException(String.format("command %04Xh is not in 0000h-00FFh", c));
        }
        CdbBytes.checkU16(maxCompletionTimeMs, "MaxCompletionTime");
    }

    public boolean supports(int command) { return supportedCommands.contains(command); }

    public byte[] encode() {
        byte[] r = new byte[LENGTH];
        for (int c : supportedCommands) r[BITMAP + c / 8] |= (byte) (1 << (c % 8));
        CdbBytes.put16(r, MAX_COMPLETION, maxCompletionTimeMs);
        return CdbBytes.withNonZeroCheck(r, RESERVED);
    }

    public static ModuleFeaturesReply decode(byte[] r) {
        CdbBytes.requireLength(r, LENGTH, "a Module Features (0040h) reply");
        Set<Integer> commands = new TreeSet<>();
        for (int c = 0; c < BITMAP_COMMANDS; c++) if ((r[BITMAP + c / 8] & (1 << (c % 8))) != 0) commands.add(c);
        return new ModuleFeaturesReply(commands, CdbBytes.u16(r, MAX_COMPLETION));
    }
}
