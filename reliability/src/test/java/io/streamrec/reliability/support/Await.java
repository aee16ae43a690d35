package io.streamrec.reliability.support;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Polling with a deadline; the failure message says what was last seen. A wait ends as soon as its
 * condition holds, so deadlines are generous: they only bound how long a broken run takes to fail, and a
 * machine several times slower than usual must not reach them. A read that fails with an IOException (a
 * REST call to a JobManager too busy to answer in time) counts as "not yet" and is retried.
 */
public final class Await {
    /** For what takes up to a minute on a usual machine: starting a job with the encoder, a recovery. */
    public static final Duration LONG = Duration.ofMinutes(5);

    private Await() {}

    public static <T> T until(Callable<T> read, Predicate<T> done, Duration timeout, String what) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        T last = null;
        IOException failed = null;
        while (System.nanoTime() < deadline) {
            try {
                last = read.call();
                failed = null;
                if (done.test(last)) {
                    System.out.println("[await] " + what + ": " + (System.nanoTime() - start) / 1_000_000 + " ms");
                    return last;
                }
            } catch (IOException e) {
                failed = e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what + "; last: " + last
                + (failed == null ? "" : "; last read failed: " + failed), failed);
    }

    public static void until(Callable<Boolean> condition, Duration timeout, String what) throws Exception {
        until(condition, Boolean::booleanValue, timeout, what);
    }
}
