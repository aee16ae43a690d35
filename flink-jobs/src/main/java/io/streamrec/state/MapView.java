package io.streamrec.state;

import java.util.Map;

/** Access to one {@link BroadcastMap}; writes are refused where the runtime allows reading only. */
public interface MapView<V> {
    V get(String key);

    void put(String key, V value);

    void remove(String key);

    Iterable<Map.Entry<String, V>> entries();
}
