package org.openxpo.emulator.module;

/**
 * One lane's signal path through the module, with its generators and loopbacks: the Tx path runs from the host input
 * (where the host checker listens) through the media generator to the media output; the Rx path from the media input
 * (where the media checker listens) through the host generator to the host output. Each loopback turns the signal
 * round at one end:
 * <ul>
 *   <li>host input: the host input goes straight back to the host output (the host sees its own signal);</li>
 *   <li>host output: what would leave on the host output enters the Tx path instead of the host input;</li>
 *   <li>media output: what would leave on the fiber enters the Rx path instead of the fiber input;</li>
 *   <li>media input: the fiber input goes straight back out on the fiber (the far end sees its own signal).</li>
 * </ul>
 * The module refuses host- and media-side loopbacks on one lane at once (13h:128.6 = 0), so the two paths never form
 * a ring. A generator, where enabled, replaces the signal at its point.
 *
 * @param hostChecker  what the host-side checker receives
 * @param mediaChecker what the media-side checker receives
 * @param hostOutput   what the host receives from the module
 * @param mediaOutput  what leaves on the fiber towards the far end
 */
record SignalPath(LaneSignal hostChecker, LaneSignal mediaChecker, LaneSignal hostOutput, LaneSignal mediaOutput) {

    /** The lane's loopbacks as enabled on page 13h. */
    record Loopbacks(boolean hostInput, boolean hostOutput, boolean mediaInput, boolean mediaOutput) {
        static final Loopbacks NONE = new Loopbacks(false, false, false, false);

        boolean any() { return hostInput || hostOutput || mediaInput || mediaOutput; }

        boolean hostSide() { return hostInput || hostOutput; }

        boolean mediaSide() { return mediaInput || mediaOutput; }
    }

    /**
     * Routes one lane: {@code fiber} is what arrives on the fiber, {@code hostGenerator}/{@code mediaGenerator} the
     * generators' signals (null when off).
     */
    static SignalPath route(LaneSignal fiber, LaneSignal hostGenerator, LaneSignal mediaGenerator, Loopbacks loops) {
        if (loops.hostOutput && loops.mediaOutput) throw new IllegalStateException("host and media loopbacks form a ring");
        LaneSignal hostChecker, mediaChecker, towardsHost, towardsFiber;
        if (!loops.hostOutput) {
            hostChecker = LaneSignal.HOST;
            towardsFiber = or(mediaGenerator, hostChecker);
            mediaChecker = loops.mediaOutput ? towardsFiber : fiber;
            towardsHost = or(hostGenerator, mediaChecker);
        } else {
            mediaChecker = fiber;
            towardsHost = or(hostGenerator, mediaChecker);
            hostChecker = towardsHost;
            towardsFiber = or(mediaGenerator, hostChecker);
        }
        LaneSignal hostOutput = loops.hostInput ? LaneSignal.HOST : towardsHost;
        LaneSignal mediaOutput = loops.mediaInput ? fiber : towardsFiber;
        return new SignalPath(hostChecker, mediaChecker, hostOutput, mediaOutput);
    }

    private static LaneSignal or(LaneSignal generator, LaneSignal passing) { return generator != null ? generator : passing; }
}
