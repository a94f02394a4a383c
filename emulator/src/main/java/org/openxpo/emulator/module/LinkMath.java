package org.openxpo.emulator.module;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;

/**
 * The arithmetic of a 200G PAM4 lane (docs/emulator.md, "Link quality"): pre-FEC bit error ratio from the electrical
 * SNR, and the ratio of FEC frames RS(544,514) cannot correct from the bit error ratio. Both are tabulated once when
 * the class loads and interpolated on the logarithmic scale, so a physics tick of 64 lanes pays no special functions.
 *
 * <pre>
 * PAM4 (M = 4, Gray coded, one bit error per symbol error):
 *   SER = 2 (1 − 1/M) Q(√(3 s / (M² − 1))) = 1.5 Q(√(s / 5))       s = SNR as a power ratio
 *   BER = SER / log2 M = 0.75 Q(√(s / 5)) = 0.375 erfc(√(s / 10))   at most 0.5
 * RS(544,514) "KP4" over 10-bit symbols, corrects t = 15 symbols per frame:
 *   p = 1 − (1 − BER)^10                                            symbol error probability
 *   FER = P[Binomial(544, p) ≥ 16] = I_p(16, 529)                   regularized incomplete beta
 * </pre>
 */
final class LinkMath {
    private LinkMath() {}

    /** The worst bit error ratio: a receiver without a signal decides at random. */
    static final double WORST_BER = 0.5;
    /** RS(544,514): symbols per frame, correctable symbols, bits per symbol. */
    static final int FEC_SYMBOLS = 544, FEC_CORRECTABLE = 15, FEC_SYMBOL_BITS = 10;

    private static final double SNR_MAX_DB = 40, SNR_STEP_DB = 0.01;
    /** log10(BER) below this gives a frame error ratio under F16's smallest step (1e-24): 0. */
    private static final double LOG_BER_MIN = -6, LOG_BER_STEP = 0.002;
    private static final double[] LOG_BER_OF_SNR = tabulate((int) Math.round(SNR_MAX_DB / SNR_STEP_DB) + 1,
        i -> Math.log10(berExact(i * SNR_STEP_DB)));
    private static final double[] LOG_FER_OF_LOG_BER = tabulate(
        (int) Math.ceil((Math.log10(WORST_BER) - LOG_BER_MIN) / LOG_BER_STEP) + 1,
        i -> Math.log10(Math.max(Double.MIN_NORMAL, ferExact(Math.pow(10, LOG_BER_MIN + i * LOG_BER_STEP)))));

    /** Pre-FEC BER of a PAM4 signal with electrical SNR {@code snrDb} (the exact formula; the tick uses {@link #ber}). */
    static double berExact(double snrDb) {
        double s = Math.pow(10, snrDb / 10);
        return Math.min(WORST_BER, 0.375 * Erf.erfc(Math.sqrt(s / 10)));
    }

    /** The uncorrectable frame ratio of RS(544,514) at bit error ratio {@code ber} (exact). */
    static double ferExact(double ber) {
        if (!(ber > 0)) return 0;
        double symbolError = -Math.expm1(FEC_SYMBOL_BITS * Math.log1p(-Math.min(ber, WORST_BER)));
        return Beta.regularizedBeta(symbolError, FEC_CORRECTABLE + 1, FEC_SYMBOLS - FEC_CORRECTABLE);
    }

    /** Pre-FEC BER at {@code snrDb}, from the table (0 dB or less: the worst). */
    static double ber(double snrDb) {
        if (!(snrDb > 0)) return WORST_BER;
        return Math.pow(10, interpolate(LOG_BER_OF_SNR, Math.min(snrDb, SNR_MAX_DB) / SNR_STEP_DB));
    }

    /** The uncorrectable frame ratio at {@code ber}, from the table; 0 when far below F16's resolution. */
    static double fer(double ber) {
        if (!(ber > 0)) return 0;
        double logBer = Math.log10(Math.min(ber, WORST_BER));
        if (logBer < LOG_BER_MIN) return 0;
        return Math.pow(10, interpolate(LOG_FER_OF_LOG_BER, (logBer - LOG_BER_MIN) / LOG_BER_STEP));
    }

    /** SNR in dB of two independent noises in parallel: the result never exceeds either. */
    static double combineDb(double aDb, double bDb) {
        return -10 * Math.log10(Math.pow(10, -aDb / 10) + Math.pow(10, -bDb / 10));
    }

    private static double interpolate(double[] table, double position) {
        int i = Math.min((int) position, table.length - 2);
        double f = position - i;
        return table[i] + (table[i + 1] - table[i]) * f;
    }

    private static double[] tabulate(int n, java.util.function.IntToDoubleFunction f) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = f.applyAsDouble(i);
        return t;
    }
}
