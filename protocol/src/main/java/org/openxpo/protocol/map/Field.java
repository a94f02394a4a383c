package org.openxpo.protocol.map;

import org.openxpo.protocol.units.Unit;

/**
 * One field of the memory map. A field is either byte-aligned ({@code bitWidth} a multiple of 8, {@code bit} 0) or a
 * bit range inside one byte. A field may repeat ({@code count} elements, e.g. one per lane of a bank): element i of a
 * byte field sits at {@code offset + i·bytesPerElement}; element i of a bit field at bit {@code bit + i·bitWidth}
 * counted from bit 0 of {@code offset} (so lane 1 of a nibble field is bits 3-0, lane 2 bits 7-4, as CMIS packs them).
 *
 * @param page      page number (0x00 for the lower page, bytes 0-127); the lower page ignores page/bank select
 * @param offset    byte address in the 256-byte window (0-127 lower memory, 128-255 upper page)
 * @param bit       lowest bit of the first element (bit fields), 0 for byte fields
 * @param bitWidth  width of one element in bits (8·n for an n-byte field)
 * @param count     number of elements (8 for per-lane fields of a banked page, else 1)
 * @param reset     value every element takes at reset (controls) or in a blank module
 */
public record Field(String name, int page, int offset, int bit, int bitWidth, int count, Access access, Unit unit,
                    long reset, String description) {

    public Field {
        if (offset < 0 || offset > 255) throw new IllegalArgumentException(name + ": offset " + offset);
        if (count < 1 || bitWidth < 1) throw new IllegalArgumentException(name + ": empty field");
        if (isBitField(bit, bitWidth)) {
            // get/set read one byte per bit-field element, so no element may straddle a byte boundary
            for (int i = 0; i < count; i++) {
                if ((bit + i * bitWidth) % 8 + bitWidth > 8) throw new IllegalArgumentException(name + ": bit range");
            }
        }
        // the record's fields are not assigned yet in a compact constructor: use the parameters
        if (offset + byteLength(bit, bitWidth, count) > 256)
            throw new IllegalArgumentException(name + ": runs past byte 255");
    }

    private static boolean isBitField(int bit, int bitWidth) { return bitWidth % 8 != 0 || bit != 0; }

    private static int byteLength(int bit, int bitWidth, int count) {
        return isBitField(bit, bitWidth) ? (bit + bitWidth * count + 7) / 8 : (bitWidth / 8) * count;
    }

    /** True when the field lives in the lower page (bytes 0–127, visible whatever page is selected). */
    public boolean lower() { return offset < 128; }

    public boolean isBitField() { return isBitField(bit, bitWidth); }

    /** Bytes one element spans (1 for bit fields). */
    public int bytesPerElement() { return isBitField() ? 1 : bitWidth / 8; }

    /** Total bytes the field spans in the page. */
    public int byteLength() { return byteLength(bit, bitWidth, count); }

    /** Byte address of element {@code i} (its most significant byte for multi-byte fields). */
    public int elementOffset(int i) {
        checkIndex(i);
        return isBitField() ? offset + (bit + i * bitWidth) / 8 : offset + i * (bitWidth / 8);
    }

    /** Lowest bit of element {@code i} within its byte (0 for byte fields). */
    public int elementBit(int i) {
        checkIndex(i);
        return isBitField() ? (bit + i * bitWidth) % 8 : 0;
    }

    /** Mask of element {@code i} within its byte (bit fields only). */
    public int elementMask(int i) {
        return ((1 << bitWidth) - 1) << elementBit(i);
    }

    /** Reads element {@code i} from a page image indexed by byte address (big-endian for multi-byte fields). */
    public long get(byte[] window, int i) {
        int at = elementOffset(i);
        if (isBitField()) return ((window[at] & 0xFF) >>> elementBit(i)) & ((1 << bitWidth) - 1);
        long v = 0;
        for (int k = 0; k < bitWidth / 8; k++) v = (v << 8) | (window[at + k] & 0xFF);
        return v;
    }

    /** Writes element {@code i} into a page image indexed by byte address. */
    public void set(byte[] window, int i, long value) {
        int at = elementOffset(i);
        if (isBitField()) {
            int mask = elementMask(i);
            window[at] = (byte) ((window[at] & ~mask) | ((int) (value << elementBit(i)) & mask));
            return;
        }
        int n = bitWidth / 8;
        for (int k = n - 1; k >= 0; k--) {
            window[at + k] = (byte) value;
            value >>>= 8;
        }
    }

    /** Engineering value of element {@code i}. */
    public double value(byte[] window, int i) { return unit.decode(get(window, i), bitWidth); }

    /** Sets element {@code i} from an engineering value (saturating). */
    public void setValue(byte[] window, int i, double value) { set(window, i, unit.encode(value, bitWidth)); }

    /** Reads an ASCII field, trailing spaces removed. */
    public String text(byte[] window) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < byteLength(); k++) {
            int c = window[offset + k] & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? (char) c : ' ');
        }
        return sb.toString().stripTrailing();
    }

    /** Writes an ASCII field, left aligned and space padded (longer text is cut). */
    public void setText(byte[] window, String text) {
        for (int k = 0; k < byteLength(); k++) {
            char c = k < text.length() ? text.charAt(k) : ' ';
            window[offset + k] = (byte) (c < 0x80 ? c : '?');
        }
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= count) throw new IndexOutOfBoundsException(name + "[" + i + "] of " + count);
    }

    /** "Lower:26.4", "11h:154-169": where the field sits, in the notation of the docs. */
    public String location() {
        String p = lower() ? "Lower" : String.format("%02Xh", page);
        int last = offset + byteLength() - 1;
        String bytes = last == offset ? Integer.toString(offset) : offset + "-" + last;
        if (!isBitField()) return p + ":" + bytes;
        int hi = bit + bitWidth * count - 1;
        if (last == offset) return p + ":" + offset + (hi == bit ? "." + bit : "." + hi + "-" + bit);
        return p + ":" + bytes;
    }
}
