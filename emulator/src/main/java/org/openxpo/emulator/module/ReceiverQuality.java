package org.openxpo.emulator.module;

/**
 * The signal quality a lane's receivers see, as the PRBS checkers and the 14h SNR results report it: the seam between
 * the diagnostics and the physics model. SNR is electrical SNR in dB; BER the pre-FEC bit error ratio it gives.
 */
interface ReceiverQuality {
    /** SNR in dB at the lane's media (optical) receiver; 0 without light. */
    double mediaSnrDb(int lane);

    /** SNR in dB at the lane's host (electrical) input. */
    double hostSnrDb(int lane);

    /** Pre-FEC bit error ratio of a PAM4 receiver at {@code snrDb} (see {@link Pam4#bitErrorRatio}). */
    default double ber(double snrDb) { return Pam4.bitErrorRatio(snrDb); }
}
