package org.openxpo.emulator.module;

import java.util.BitSet;

/**
 * A firmware image being downloaded through CDB: the bytes written so far, and which. Memory follows what was
 * written, not the size Start Download announced (any host may announce 16 MiB): the image is kept in chunks of
 * {@value #CHUNK} bytes, each allocated when a block first lands in it.
 */
final class ImageDownload {
    static final int CHUNK = 64 * 1024;

    private final int size;
    private final byte[][] chunks;
    /** Bytes written; grows with the highest one written. */
    private final BitSet received = new BitSet();

    ImageDownload(int size) {
        if (size < 0) throw new IllegalArgumentException("image size " + size);
        this.size = size;
        this.chunks = new byte[(size + CHUNK - 1) / CHUNK][];
    }

    int size() { return size; }

    /** True if {@code length} bytes at {@code offset} lie within the image. */
    boolean fits(long offset, int length) { return offset >= 0 && length > 0 && offset + length <= size; }

    /** Stores {@code data} at {@code offset} (within the image: see {@link #fits}). */
    void store(int offset, byte[] data) {
        for (int done = 0; done < data.length; ) {
            int at = offset + done;
            int chunk = at / CHUNK, within = at % CHUNK;
            if (chunks[chunk] == null) chunks[chunk] = new byte[Math.min(CHUNK, size - chunk * CHUNK)];
            int n = Math.min(data.length - done, chunks[chunk].length - within);
            System.arraycopy(data, done, chunks[chunk], within, n);
            done += n;
        }
        received.set(offset, offset + data.length);
    }

    /** True once every byte of the image has been written. */
    boolean whole() { return received.cardinality() == size; }

    /** The image in one piece (bytes never written read 0). */
    byte[] bytes() {
        byte[] out = new byte[size];
        for (int c = 0; c < chunks.length; c++) {
            if (chunks[c] != null) System.arraycopy(chunks[c], 0, out, c * CHUNK, chunks[c].length);
        }
        return out;
    }

    /** Bytes of image data held now (whole chunks). */
    long heldBytes() {
        long n = 0;
        for (byte[] c : chunks) if (c != null) n += c.length;
        return n;
    }
}
