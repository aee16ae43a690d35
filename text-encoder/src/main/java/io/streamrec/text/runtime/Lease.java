package io.streamrec.text.runtime;

import java.util.concurrent.atomic.AtomicBoolean;

/** A counted use of a shared resource; closing it (once, idempotent) gives the use back. */
public final class Lease<V> implements AutoCloseable {

    private final V value;
    private final Runnable release;
    private final AtomicBoolean released = new AtomicBoolean();

    Lease(V value, Runnable release) {
        this.value = value;
        this.release = release;
    }

    public V get() {
        if (released.get()) {
            throw new IllegalStateException("Lease already released");
        }
        return value;
    }

    @Override
    public void close() {
        if (released.compareAndSet(false, true)) {
            release.run();
        }
    }
}
