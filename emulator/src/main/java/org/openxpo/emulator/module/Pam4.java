package org.openxpo.emulator.module;

import org.apache.commons.math3.special.Erf;

/**
 * The bit error ratio of a Gray-coded PAM4 receiver in additive Gaussian noise, from its electrical SNR: the symbol
 * error ratio is 2·(1 − 1/M)·Q(√(3·SNR/(M² − 1))) with M = 4, i.e. 1.5·Q(√(SNR/5)), and with Gray coding one symbol
 * error costs one of the two bits, so BER = 0.75·Q(√(SNR/5)) (SNR linear). 20 dB gives 2.9e-6, 22 dB 6.8e-9.
 */
final class Pam4 {
    private Pam4() {}

    /** BER at {@code snrDb}; 0.5 (no information) at or below 0 dB. */
    static double bitErrorRatio(double snrDb) {
        if (!(snrDb > 0)) return 0.5;
        double snr = Math.pow(10, snrDb / 10);
        return Math.min(0.5, 0.75 * q(Math.sqrt(snr / 5)));
    }

    /** The Gaussian tail probability Q(x) = ½·erfc(x/√2). */
    private static double q(double x) { return 0.5 * Erf.erfc(x / Math.sqrt(2)); }
}
