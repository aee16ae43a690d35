package io.streamrec.eval.protocol;

/** Where on the timeline an event falls. */
public enum Phase {
    /** Trains only; nothing is scored. */
    WARM_UP,
    /** Scored, and free for choosing settings. */
    TUNING,
    /** Scored and reported as the result; never used to choose settings. */
    HELD_OUT
}
