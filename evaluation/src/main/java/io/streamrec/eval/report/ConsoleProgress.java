package io.streamrec.eval.report;

import io.streamrec.eval.protocol.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;

/** A progress line every few seconds: events done, events/s so far and the time left at that rate. */
public final class ConsoleProgress implements ProgressListener {
    private final PrintStream out;
    private final long intervalNanos;
    /** Set at the first event: the rate should not count the catalogue's encoding before it. */
    private long started = -1;
    private long lastPrinted;

    public ConsoleProgress(PrintStream out, long intervalMillis) {
        this.out = out;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    @Override
    public void eventsDone(long done, long total) {
        long now = System.nanoTime();
        if (started < 0) {
            started = now;
            lastPrinted = now;
        }
        if (now - lastPrinted < intervalNanos && done < total) {
            return;
        }
        lastPrinted = now;
        out.println(line(done, total, (now - started) / 1e9));
    }

    static String line(long done, long total, double seconds) {
        double rate = seconds <= 0 ? 0 : done / seconds;
        String left = rate <= 0 ? "?" : duration((total - done) / rate);
        return String.format(Locale.ROOT, "[eval] %,d/%,d events (%.1f%%) · %,.0f events/s · %s left",
                done, total, total == 0 ? 100.0 : 100.0 * done / total, rate, left);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }
}
