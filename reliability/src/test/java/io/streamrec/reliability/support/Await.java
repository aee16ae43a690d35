package io.streamrec.reliability.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Polling with a deadline; the failure message says what was last seen. */
public final class Await {
    private Await() {}

    public static <T> T until(Callable<T> read, Predicate<T> done, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = read.call();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what + "; last: " + last);
    }

    public static void until(Callable<Boolean> condition, Duration timeout, String what) throws Exception {
        until(condition, Boolean::booleanValue, timeout, what);
    }
}
