package io.streamrec.state;

import java.io.Serializable;
import java.util.Objects;

/**
 * A map every subtask holds alike, changed only by broadcast input (the catalogue, the model's log): its
 * name (the state's name in checkpoints and savepoints) and the class of its values. Keys are ids.
 */
public record BroadcastMap<V>(String name, Class<V> type) implements Serializable {
    public BroadcastMap {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
