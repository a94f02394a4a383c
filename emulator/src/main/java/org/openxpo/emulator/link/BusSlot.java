package org.openxpo.emulator.link;

/**
 * One transaction's place in time on its cage's modelled bus. In: when it was {@link #ready()} to run (its request had
 * arrived and the connection's previous request was done). Out, when bus time is modelled: the earliest moment its
 * answer may leave ({@link #answerAt()}); {@link CageBus} hands the answer over shortly before that moment
 * ({@link CageBus#ANSWER_LEAD_NANOS}), and whoever sends it keeps it until then.
 */
final class BusSlot {
    private final long ready;
    private long answerAt;
    private boolean timed;

    BusSlot(long ready) { this.ready = ready; }

    long ready() { return ready; }

    /** Whether bus time was modelled for this transaction (else {@link #answerAt()} means nothing). */
    boolean timed() { return timed; }

    /** {@link System#nanoTime()} before which the answer must not leave; only when {@link #timed()}. */
    long answerAt() { return answerAt; }

    void answerAt(long nanos) {
        answerAt = nanos;
        timed = true;
    }
}
