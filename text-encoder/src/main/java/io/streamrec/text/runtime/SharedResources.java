package io.streamrec.text.runtime;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reference-counted resources by key: the first {@link #acquire} creates, the last {@link Lease#close} closes.
 * Lets all subtasks of a TaskManager share one model session.
 */
final class SharedResources<K, V extends AutoCloseable> {

    /** Creates the resource for a key; may throw. */
    interface Factory<K, V> {
        V create(K key) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(SharedResources.class);

    private final Map<K, Slot<V>> slots = new HashMap<>();

    private static final class Slot<V> {
        final V value;
        int users;

        Slot(V value) {
            this.value = value;
        }
    }

    synchronized Lease<V> acquire(K key, Factory<K, V> factory) {
        Slot<V> slot = slots.get(key);
        if (slot == null) {
            try {
                slot = new Slot<>(factory.create(key));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Cannot create " + key + ": " + e.getMessage(), e);
            }
            slots.put(key, slot);
        }
        slot.users++;
        return new Lease<>(slot.value, () -> release(key));
    }

    synchronized int users(K key) {
        Slot<V> slot = slots.get(key);
        return slot == null ? 0 : slot.users;
    }

    private synchronized void release(K key) {
        Slot<V> slot = slots.get(key);
        if (slot != null && --slot.users == 0) {
            slots.remove(key);
            try {
                slot.value.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed", key, e);
            }
        }
    }
}
