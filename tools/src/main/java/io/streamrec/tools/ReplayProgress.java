package io.streamrec.tools;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Prints a progress line (events sent, rate, time left) at most once per interval, timed from the
 * first event so that the catalogue written before does not distort the rate.
 */
final class ReplayProgress {
    private final PrintStream out;
    private final long intervalNanos;
    private final long total;
    private boolean started;
    private long startNanos;
    private long nextReport;

    ReplayProgress(PrintStream out, Duration interval, long total) {
        this.out = out;
        this.intervalNanos = interval.toNanos();
        this.total = total;
    }

    void eventSent(ReplaySender sender) {
        long now = System.nanoTime();
        if (!started) {
            started = true;
            startNanos = now;
            nextReport = now + intervalNanos;
        }
        if (out == null || now < nextReport) {
            return;
        }
        nextReport = now + intervalNanos;
        out.println(line(sender.eventsSent(), total, (now - startNanos) / 1e9));
    }

    /** E.g. {@code replay: 3000/10000 events sent (1000/s), ETA 7 s}. */
    static String line(long sent, long total, double elapsedSeconds) {
        double rate = elapsedSeconds > 0 ? sent / elapsedSeconds : 0;
        String eta = rate > 0 ? String.format(Locale.ROOT, "%.0f s", (total - sent) / rate) : "unknown";
        return String.format(Locale.ROOT, "replay: %d/%d events sent (%.0f/s), ETA %s", sent, total, rate, eta);
    }
}
