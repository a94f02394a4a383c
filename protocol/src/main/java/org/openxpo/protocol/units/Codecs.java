package org.openxpo.protocol.units;

/** Exact CMIS encodings that need more than a scale factor. */
public final class Codecs {
    private Codecs() {}

    /** Upper bounds in ms of CMIS duration codes 0..13 (CMIS Table 8-43; SONiC uses the upper bound too). */
    private static final long[] DURATION_UPPER_MS = {
        1, 5, 10, 50, 100, 500, 1_000, 5_000, 10_000, 60_000, 300_000, 600_000, 3_000_000, 6_000_000};

    /** The upper bound in ms of a 4-bit duration code; reserved codes 14/15 read as the largest bound. */
    public static long durationMillis(int code) {
        int c = code & 0xF;
        return DURATION_UPPER_MS[Math.min(c, DURATION_UPPER_MS.length - 1)];
    }

    /** The smallest duration code whose upper bound covers {@code millis}. */
    public static int durationCode(long millis) {
        for (int c = 0; c < DURATION_UPPER_MS.length; c++) {
            if (millis <= DURATION_UPPER_MS[c]) return c;
        }
        return DURATION_UPPER_MS.length - 1;
    }

    /** CMIS F16: value = m·10^(e−24), e = bits 15–11, m = bits 10–0. */
    public static double f16ToDouble(int raw) {
        int e = (raw >>> 11) & 0x1F;
        int m = raw & 0x7FF;
        return m * Math.pow(10, e - 24);
    }

    /** 10^(e−24) for every F16 exponent e (0–31). */
    private static final double[] F16_STEP = new double[32];

    static {
        for (int e = 0; e < F16_STEP.length; e++) F16_STEP[e] = Math.pow(10, e - 24);
    }

    /**
     * Encodes a non-negative value as F16 with the largest mantissa that fits (best precision): the smallest exponent
     * whose rounded mantissa fits 11 bits; saturates. The exponent is estimated from log10 and then checked, so an
     * encode costs a logarithm, not a search (the emulator encodes thousands of VDM samples per second).
     */
    public static int doubleToF16(double value) {
        if (!(value > 0)) return 0;
        if (value >= 2047.5 * F16_STEP[31]) return 0xFFFF;
        int e = (int) Math.max(0, Math.min(31, Math.ceil(Math.log10(value / 2047.5)) + 24));
        while (e > 0 && Math.round(value / F16_STEP[e - 1]) <= 2047) e--;
        while (Math.round(value / F16_STEP[e]) > 2047) e++;
        return (e << 11) | (int) Math.round(value / F16_STEP[e]);
    }

    /**
     * The {@code bits}-wide value (a whole number of bytes) with its bytes in reverse order: a little-endian register
     * read big-endian, or back. Involutive.
     */
    public static long swapBytes(long raw, int bits) {
        if (bits % 8 != 0 || bits < 8 || bits > 64) throw new IllegalArgumentException("not whole bytes: " + bits + " bits");
        return Long.reverseBytes(raw) >>> (64 - bits);
    }

    /** Bias current in mA: U16 × 2 µA × 2^multiplierCode (01h:160 bits 4-3: 0 ×1, 1 ×2, 2 ×4). */
    public static double biasMilliamps(int raw, int multiplierCode) {
        return (raw & 0xFFFF) * 2e-3 * (1 << Math.min(multiplierCode & 3, 2));
    }

    /** The raw U16 for a bias current in mA at the given multiplier, saturating. */
    public static int biasRaw(double milliamps, int multiplierCode) {
        double units = milliamps / (2e-3 * (1 << Math.min(multiplierCode & 3, 2)));
        return (int) Math.max(0, Math.min(0xFFFF, Math.rint(units)));
    }

    /** mW → dBm; zero (or less) is −∞ dBm, which hosts print as "-inf". */
    public static double milliwattsToDbm(double milliwatts) {
        return milliwatts > 0 ? 10 * Math.log10(milliwatts) : Double.NEGATIVE_INFINITY;
    }

    /** dBm → mW. */
    public static double dbmToMilliwatts(double dbm) {
        return Math.pow(10, dbm / 10);
    }

    /** Ones' complement of the 8-bit sum: the CDB check code (CdbChkCode, RPLChkCode). */
    public static int onesComplementChecksum(byte[] data, int from, int toExclusive) {
        int sum = 0;
        for (int i = from; i < toExclusive; i++) sum += data[i] & 0xFF;
        return (~sum) & 0xFF;
    }

    /** Plain 8-bit sum: the page checksum of 00h (222), 01h (255) and 02h (255). */
    public static int byteSum(byte[] data, int from, int toExclusive) {
        int sum = 0;
        for (int i = from; i < toExclusive; i++) sum += data[i] & 0xFF;
        return sum & 0xFF;
    }
}
