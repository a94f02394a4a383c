package org.openxpo.emulator.grpc;

import io.grpc.Status;
import org.openxpo.protocol.link.LinkLimits;

/**
 * xcvr-emu numbers its modules by an index from 0, our cages are numbered from 1: index = cage − 1 + {@code base}.
 * The default base 0 gives index 0 to cage 1; {@code --grpc-index-base 1} makes index and cage number the same (and
 * frees index 0, which Monitor reads as "every module"). Indexes are uint32 on the wire, so they are read unsigned.
 */
record IndexMap(long base, int cages) {
    /** The largest base: the last cage's index must still be a uint32. */
    static final long MAX_BASE = 0xFFFF_FFFFL - (LinkLimits.MAX_CAGES - 1);

    IndexMap {
        if (base < 0 || base > MAX_BASE) throw new IllegalArgumentException("index base must be 0-" + MAX_BASE + ", not " + base);
        if (cages < 1) throw new IllegalArgumentException("a chassis has at least one cage");
    }

    /** The cage of {@code index} (a uint32); NOT_FOUND, naming the valid indexes, when no cage has it. */
    int cage(int index) {
        long i = Integer.toUnsignedLong(index);
        long cage = i - base + 1;
        if (cage < 1 || cage > cages) {
            throw Status.NOT_FOUND.withDescription("no module index " + i + ": this emulator's " + cages + " cage"
                + (cages == 1 ? " has index " + base : "s have indexes " + base + "-" + (base + cages - 1))
                + " (index = cage - 1 + " + base + ", set by --grpc-index-base)").asRuntimeException();
        }
        return (int) cage;
    }

    /** The index of {@code cage}, as a uint32 on the wire. */
    int index(int cage) { return (int) (cage - 1 + base); }
}
