package org.openxpo.emulator.module;

/**
 * Where a lane's media input comes from, for the part that reroutes the emulated signal (the diagnostics loopbacks):
 * from the far end of the fibre (the default), or from the lane's own Tx, looped back inside the module. The optics
 * model ({@link Physics}) asks it for every lane on every tick; received power, Rx LOS and the link quality follow.
 */
@FunctionalInterface
interface MediaInputRoute {
    /** The far end feeds every lane. */
    MediaInputRoute FAR_END = lane -> false;

    /** True when lane {@code lane} (1–64) receives its own Tx instead of the far end's light. */
    boolean ownTx(int lane);
}
