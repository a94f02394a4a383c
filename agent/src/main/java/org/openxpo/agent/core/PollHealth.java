package org.openxpo.agent.core;

/** How polling one module goes: polls done, polls failed, and how long the latest took. */
public record PollHealth(long polls, long errors, double lastDurationSeconds) {
    static final PollHealth NONE = new PollHealth(0, 0, 0);

    PollHealth succeeded(double seconds) { return new PollHealth(polls + 1, errors, seconds); }

    PollHealth failed(double seconds) { return new PollHealth(polls + 1, errors + 1, seconds); }
}
