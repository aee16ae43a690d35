package io.streamrec.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private long now;

    @Test
    void sustainedRateMatchesThePermitsPerSecond() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(100, () -> now, nanos -> now += nanos);
        for (int i = 0; i < 1000; i++) {
            limiter.acquire();
        }
        // 1000 permits at 100/s: about 10 s, the first one free.
        assertThat(now / 1e9).isBetween(9.9, 10.1);
    }

    @Test
    void idleTimeBuysAtMostATenthOfASecondOfBurst() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(1000, () -> now, nanos -> now += nanos);
        now += 60_000_000_000L; // a minute idle
        long before = now;
        for (int i = 0; i < 100; i++) {
            limiter.acquire();
        }
        assertThat(now).isEqualTo(before); // 100 permits of burst
        limiter.acquire();
        assertThat(now - before).isBetween(900_000L, 1_100_000L); // then one per millisecond
    }

    @Test
    void zeroRateNeverWaits() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(0, () -> now, nanos -> {
            throw new AssertionError("must not sleep");
        });
        for (int i = 0; i < 10_000; i++) {
            limiter.acquire();
        }
    }
}
