package org.openxpo.driver.diag;

import org.openxpo.protocol.types.GatingTime;
import org.openxpo.protocol.types.PrbsPattern;

/**
 * One lane's PRBS checker result (page 14h).
 *
 * @param pattern        the pattern the checker expects
 * @param locked         false when the checker lost lock since the last read (14h:138/139, latched): its BER is of no use
 * @param ber            the checker's bit error ratio (selector 01h, F16); null when the module does not report BER
 * @param snrDb          the input SNR in dB (selector 06h); null when the module does not report it for this side
 * @param gating         the gating period set (13h:177)
 * @param gatingComplete true when a gating period completed since the last read (14h:134/135, latched); an ungated
 *                       checker accumulates until its counters are reset, so this stays false
 */
public record PrbsResult(int lane, DiagSide side, PrbsPattern pattern, boolean locked, Double ber, Double snrDb,
                         GatingTime gating, boolean gatingComplete) {}
