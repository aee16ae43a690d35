package io.streamrec.job;

import io.streamrec.state.BroadcastMap;
import io.streamrec.state.BroadcastMaps;
import io.streamrec.state.MapView;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;

/**
 * A recommender's {@link BroadcastMap}s on Flink's broadcast state of one call: writable on the broadcast
 * side, read-only on the keyed side (as Flink requires, so every subtask's copy stays the same).
 */
final class FlinkBroadcastMaps implements BroadcastMaps {
    private final Lookup lookup;
    private final List<BroadcastMap<?>> declared;

    private interface Lookup {
        <V> ReadOnlyBroadcastState<String, V> state(MapStateDescriptor<String, V> descriptor);
    }

    private FlinkBroadcastMaps(Lookup lookup, List<BroadcastMap<?>> declared) {
        this.lookup = lookup;
        this.declared = declared;
    }

    static FlinkBroadcastMaps readOnly(KeyedBroadcastProcessFunction<?, ?, ?, ?>.ReadOnlyContext ctx,
            List<BroadcastMap<?>> declared) {
        return new FlinkBroadcastMaps(new Lookup() {
            @Override
            public <V> ReadOnlyBroadcastState<String, V> state(MapStateDescriptor<String, V> descriptor) {
                return ctx.getBroadcastState(descriptor);
            }
        }, declared);
    }

    static FlinkBroadcastMaps writable(KeyedBroadcastProcessFunction<?, ?, ?, ?>.Context ctx,
            List<BroadcastMap<?>> declared) {
        return new FlinkBroadcastMaps(new Lookup() {
            @Override
            public <V> ReadOnlyBroadcastState<String, V> state(MapStateDescriptor<String, V> descriptor) {
                return ctx.getBroadcastState(descriptor);
            }
        }, declared);
    }

    @Override
    public <V> MapView<V> view(BroadcastMap<V> map) {
        if (!declared.contains(map)) {
            throw new IllegalArgumentException("broadcast map " + map.name() + " is not declared to the function");
        }
        ReadOnlyBroadcastState<String, V> state = lookup.state(RecommenderFunction.descriptor(map));
        return new MapView<>() {
            @Override
            public V get(String key) {
                try {
                    return state.get(key);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot read broadcast state " + map.name(), e);
                }
            }

            @Override
            public void put(String key, V value) {
                try {
                    writable().put(key, value);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot write broadcast state " + map.name(), e);
                }
            }

            @Override
            public void remove(String key) {
                try {
                    writable().remove(key);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot write broadcast state " + map.name(), e);
                }
            }

            @Override
            public Iterable<Map.Entry<String, V>> entries() {
                try {
                    return state.immutableEntries();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot read broadcast state " + map.name(), e);
                }
            }

            private BroadcastState<String, V> writable() {
                if (!(state instanceof BroadcastState<String, V> writable)) {
                    throw new UnsupportedOperationException(
                            "broadcast state " + map.name() + " can be changed only by broadcast input");
                }
                return writable;
            }
        };
    }
}
