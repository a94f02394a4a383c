package org.openxpo.protocol.units;

/**
 * How the raw bits of a memory-map field turn into a value a person reads. Every field in the map names one.
 * Numeric units decode the raw register value (as read big-endian, unsigned) into their engineering unit and
 * encode back with saturation, so an out-of-range physical value never wraps around on the wire.
 */
public enum Unit {
    /** Opaque bytes (a dump shows them in hex). */
    RAW("", false, 1),
    /** ASCII text, space padded (vendor name, part number, ...). */
    ASCII("", false, 1),
    /** A set of independent bits; see the field description. */
    BITS("", false, 1),
    /** A coded value whose meaning is an enumeration (state, status, SFF-8024 code). */
    CODE("", false, 1),
    /** An unsigned count. */
    COUNT("", false, 1),
    /** CMIS temperature: S16 in 1/256 °C. */
    CELSIUS("°C", true, 1.0 / 256),
    /** CMIS supply voltage: U16 in 100 µV (0–6.5535 V). */
    VOLTS_100UV("V", false, 1e-4),
    /** CMIS optical power: U16 in 0.1 µW, decoded to mW (0–6.5535 mW). */
    MILLIWATTS_01UW("mW", false, 1e-4),
    /** CMIS laser bias: U16 in 2 µA, decoded to mA at multiplier 1 (see {@link Codecs#biasMilliamps}). */
    MILLIAMPS_2UA("mA", false, 2e-3),
    /** CMIS MaxPower: U8 in 0.25 W. */
    WATTS_025("W", false, 0.25),
    /** CMIS signed 8-bit temperature in whole °C (ModuleTempMax/Min). */
    CELSIUS_S8("°C", true, 1),
    /** CMIS duration code (4 bits), decoded to the upper bound in ms (see {@link Codecs#durationMillis}). */
    DURATION_CODE("ms", false, 1),
    /** CMIS F16: bits 15-11 exponent e, 10-0 mantissa m, value m·10^(e−24). */
    F16("", false, 1),
    /** CMIS VDM: U16 in 1/256 dB (eSNR, PAM4 level transition parameter). */
    DECIBELS_256("dB", false, 1.0 / 256),
    /** CMIS VDM: U16 in whole percent (laser age). */
    PERCENT("%", false, 1),
    /** CMIS VDM: S16 where ±32767 is ±100 % (TEC current). */
    PERCENT_S16_FULL_SCALE("%", true, 100.0 / 32767),
    /** CMIS VDM: S16 in 10 MHz (laser frequency error). */
    MEGAHERTZ_10("MHz", true, 10),
    /** XPO: U16 in 1 mV (0–65.535 V), for the 40–60 V input rail. */
    VOLTS_1MV("V", false, 1e-3),
    /** XPO: U16 in 1 mA (0–65.535 A). */
    AMPS_1MA("A", false, 1e-3),
    /** XPO: U16 in 10 mW (0–655.35 W). */
    WATTS_10MW("W", false, 1e-2),
    /** XPO: U16 in 1 mL/min, decoded to L/min (0–65.535 L/min). */
    LPM_1ML("L/min", false, 1e-3),
    /** Milliseconds as a plain unsigned integer (CDB durations, delays). */
    MILLISECONDS("ms", false, 1),
    /** CMIS 14h SNR: U16 in 1/256 dB, little-endian (least significant byte at the lower address). */
    DECIBELS_256_LE("dB", false, 1.0 / 256),
    /** XPO 14h bit and error counters: unsigned, little-endian (least significant byte at the lower address). */
    COUNT_LE("", false, 1);

    private final String symbol;
    private final boolean signed;
    private final double scale;

    Unit(String symbol, boolean signed, double scale) {
        this.symbol = symbol;
        this.signed = signed;
        this.scale = scale;
    }

    public String symbol() { return symbol; }

    public boolean signed() { return signed; }

    /** True for units whose raw value is a physical quantity (scaled number). */
    public boolean isPhysical() {
        return switch (this) {
            case RAW, ASCII, BITS, CODE, COUNT -> false;
            default -> true;
        };
    }

    /** Decodes a raw field value of {@code bits} width into the unit's engineering value. */
    public double decode(long raw, int bits) {
        return switch (this) {
            case DURATION_CODE -> Codecs.durationMillis((int) raw);
            case F16 -> Codecs.f16ToDouble((int) raw);
            case DECIBELS_256_LE, COUNT_LE -> Codecs.swapBytes(raw, bits) * scale;
            default -> (signed ? signExtend(raw, bits) : raw) * scale;
        };
    }

    /** Encodes an engineering value into a raw field value of {@code bits} width, saturating at the limits. */
    public long encode(double value, int bits) {
        return switch (this) {
            case DURATION_CODE -> Codecs.durationCode((long) Math.ceil(value));
            case F16 -> Codecs.doubleToF16(value);
            case DECIBELS_256_LE, COUNT_LE -> Codecs.swapBytes(scaled(value, bits), bits);
            default -> scaled(value, bits);
        };
    }

    /** The value in raw steps, clamped to the field's range (64-bit fields up to Long.MAX_VALUE), as register bits. */
    private long scaled(double value, int bits) {
        long max = bits >= 64 ? Long.MAX_VALUE : signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
        long min = signed ? -(1L << (bits - 1)) : 0;
        double steps = Double.isNaN(value) ? 0 : Math.rint(value / scale);
        long clamped = (long) Math.max(min, Math.min(max, steps));
        return bits >= 64 ? clamped : clamped & ((1L << bits) - 1);
    }

    static long signExtend(long raw, int bits) {
        long sign = 1L << (bits - 1);
        return (raw & sign) != 0 ? raw - (1L << bits) : raw;
    }
}
