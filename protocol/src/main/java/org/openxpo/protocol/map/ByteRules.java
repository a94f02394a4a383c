package org.openxpo.protocol.map;

import java.util.List;

/**
 * Per-byte access masks derived from the field declarations of one 128-byte region, so the emulator applies the
 * declared access rules without re-typing them: bits a host may write, bits that self-clear (write-only, read as 0),
 * and bits that are latched flags cleared when read. Bytes no field declares are reserved: read 0, writes ignored.
 */
public final class ByteRules {
    private final int base;
    private final byte[] writable = new byte[128];
    private final byte[] selfClearing = new byte[128];
    private final byte[] clearOnRead = new byte[128];

    ByteRules(int base, List<Field> fields) {
        this.base = base;
        for (Field f : fields) {
            for (int i = 0; i < f.count(); i++) {
                int at = f.elementOffset(i) - base;
                int n = f.isBitField() ? 1 : f.bytesPerElement();
                int mask = f.isBitField() ? f.elementMask(i) : 0xFF;
                for (int k = 0; k < n; k++) {
                    switch (f.access()) {
                        case RW -> writable[at + k] |= (byte) mask;
                        case WO_SC -> { writable[at + k] |= (byte) mask; selfClearing[at + k] |= (byte) mask; }
                        case COR -> clearOnRead[at + k] |= (byte) mask;
                        case RO -> { }
                    }
                }
            }
        }
    }

    /** Bits of byte {@code address} a host write may change. */
    public int writableMask(int address) { return writable[address - base] & 0xFF; }

    /** Bits of byte {@code address} that act on write and always read 0. */
    public int selfClearingMask(int address) { return selfClearing[address - base] & 0xFF; }

    /** Bits of byte {@code address} that are latched flags, cleared by a read. */
    public int clearOnReadMask(int address) { return clearOnRead[address - base] & 0xFF; }

    /** True when some byte of the region has clear-on-read bits (when false, reads need no side effects). */
    public boolean hasClearOnRead() {
        for (byte b : clearOnRead) if (b != 0) return true;
        return false;
    }
}
