package io.streamrec.tools;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code rate} permits per second on average, bursts of at most a tenth of a second's
 * worth (at least one). A rate of 0 means no limit. Not thread-safe; one sender uses it.
 */
public final class RateLimiter {
    /** Sleeps for the given nanoseconds; tests pass a fake that advances their clock. */
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final double permitsPerNano;
    private final double capacity;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private double tokens;
    private long last;

    public RateLimiter(double ratePerSecond) {
        this(ratePerSecond, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    public RateLimiter(double ratePerSecond, LongSupplier clock, Sleeper sleeper) {
        this.permitsPerNano = ratePerSecond / 1e9;
        this.capacity = Math.max(1, ratePerSecond / 10);
        this.clock = clock;
        this.sleeper = sleeper;
        this.last = clock.getAsLong();
        this.tokens = 1; // the first permit is free; a full bucket at start would burst
    }

    /** Waits until one permit is available and takes it. */
    public void acquire() throws InterruptedException {
        if (permitsPerNano <= 0) {
            return;
        }
        refill();
        while (tokens < 1) {
            sleeper.sleepNanos((long) Math.ceil((1 - tokens) / permitsPerNano));
            refill();
        }
        tokens -= 1;
    }

    private void refill() {
        long now = clock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * permitsPerNano);
        last = now;
    }
}
