package io.streamrec.eval.metrics;

/** The groups of probes a result is reported on; the held-out slices are the figures quoted. */
public enum Slice {
    HELD_OUT("heldout", "held out (last part of the timeline)"),
    COLD_START("cold_start", "held out, target item with fewer than 5 earlier interactions"),
    NEW_USERS("new_users", "held out, user with fewer than 5 earlier events"),
    TUNING("tuning", "tuning slice (after warm-up, before the held-out part)"),
    TUNING_COLD_START("tuning_cold_start", "tuning slice, target item with fewer than 5 earlier interactions"),
    ALL("all", "all scored events (tuning + held out)");

    public final String key;
    public final String description;

    Slice(String key, String description) {
        this.key = key;
        this.description = description;
    }
}
