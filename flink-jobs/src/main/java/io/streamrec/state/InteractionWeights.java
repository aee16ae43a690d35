package io.streamrec.state;

import io.streamrec.avro.EventType;

/** How strongly each kind of event signals interest: view < click < purchase. */
public final class InteractionWeights {
    private InteractionWeights() {}

    public static float of(EventType type) {
        return switch (type) {
            case VIEW -> 1f;
            case CLICK -> 2f;
            case REVIEW -> 2f;
            case PURCHASE -> 4f;
            default -> 0f;
        };
    }
}
