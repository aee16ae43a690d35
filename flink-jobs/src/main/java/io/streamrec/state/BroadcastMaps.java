package io.streamrec.state;

import java.util.HashMap;
import java.util.Map;

/** The broadcast maps a recommender may touch during one call: Flink's broadcast state in the job, plain maps offline. */
public interface BroadcastMaps {
    <V> MapView<V> view(BroadcastMap<V> map);

    /** Plain in-memory maps, for running a recommender without Flink (the offline evaluation, tests). */
    static BroadcastMaps inMemory() {
        Map<String, Map<String, Object>> maps = new HashMap<>();
        return new BroadcastMaps() {
            @Override
            @SuppressWarnings("unchecked")
            public <V> MapView<V> view(BroadcastMap<V> map) {
                Map<String, V> m = (Map<String, V>) maps.computeIfAbsent(map.name(), k -> new HashMap<>());
                return new MapView<>() {
                    @Override
                    public V get(String key) {
                        return m.get(key);
                    }

                    @Override
                    public void put(String key, V value) {
                        m.put(key, value);
                    }

                    @Override
                    public void remove(String key) {
                        m.remove(key);
                    }

                    @Override
                    public Iterable<Map.Entry<String, V>> entries() {
                        return m.entrySet();
                    }
                };
            }
        };
    }
}
