package org.openxpo.emulator.module;

import org.junit.jupiter.api.Test;
import org.openxpo.emulator.module.LaneSignal.Origin;
import org.openxpo.emulator.module.SignalPath.Loopbacks;
import org.openxpo.protocol.types.PrbsPattern;

import static org.junit.jupiter.api.Assertions.*;

/** Where each loopback turns a lane's signal round, and the BER a PAM4 receiver makes of an SNR. */
class SignalPathTest {
    static final LaneSignal HOST_GEN = LaneSignal.generated(false, PrbsPattern.PRBS13Q);
    static final LaneSignal MEDIA_GEN = LaneSignal.generated(true, PrbsPattern.PRBS31Q);

    @Test
    void withoutLoopbacksEachCheckerHearsTheOtherEndAndGeneratorsReplaceTheOutputs() {
        SignalPath p = SignalPath.route(LaneSignal.FAR_END, HOST_GEN, MEDIA_GEN, Loopbacks.NONE);
        assertEquals(Origin.HOST, p.hostChecker().origin());
        assertEquals(Origin.FAR_END, p.mediaChecker().origin());
        assertEquals(HOST_GEN, p.hostOutput());
        assertEquals(MEDIA_GEN, p.mediaOutput());
    }

    @Test
    void eachLoopbackTurnsTheSignalRoundAtItsEnd() {
        assertEquals(Origin.HOST, route(new Loopbacks(true, false, false, false)).hostOutput().origin(), "host input");
        assertEquals(HOST_GEN, route(new Loopbacks(false, true, false, false)).hostChecker(), "host output");
        assertEquals(MEDIA_GEN, route(new Loopbacks(false, false, false, true)).mediaChecker(), "media output");
        assertEquals(Origin.FAR_END, route(new Loopbacks(false, false, true, false)).mediaOutput().origin(), "media input");
    }

    @Test
    void aMediaOutputLoopbackWithoutGeneratorCarriesTheHostsTraffic() {
        SignalPath p = SignalPath.route(LaneSignal.NONE, null, null, new Loopbacks(false, false, false, true));
        assertEquals(Origin.HOST, p.mediaChecker().origin());
        assertEquals(Origin.HOST, p.hostOutput().origin(), "the host hears itself through the far loop");
        assertFalse(p.mediaChecker().carries(PrbsPattern.PRBS31Q));
    }

    @Test
    void hostAndMediaOutputLoopbacksTogetherWouldFormARing() {
        assertThrows(IllegalStateException.class, () -> route(new Loopbacks(false, true, false, true)));
    }

    @Test
    void pam4BerFallsWithSnr() {
        assertEquals(2.9e-6, Pam4.bitErrorRatio(20), 0.05e-6);
        assertEquals(6.75e-9, Pam4.bitErrorRatio(22), 0.05e-9);
        assertEquals(0.5, Pam4.bitErrorRatio(0));
        assertTrue(Pam4.bitErrorRatio(15) > Pam4.bitErrorRatio(16));
    }

    private static SignalPath route(Loopbacks loops) {
        return SignalPath.route(LaneSignal.FAR_END, HOST_GEN, MEDIA_GEN, loops);
    }
}
