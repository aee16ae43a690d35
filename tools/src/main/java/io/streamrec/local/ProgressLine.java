package io.streamrec.local;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Progress of a long count as one plain line every few seconds: done of total, the rate since the first unit and
 * the time left at that rate, e.g. {@code [eval] 3,000/10,000 events (30.0%) · 1,000 events/s · 7 s left}. Shared
 * by the replay producer, the evaluation and the benchmarks. Plain lines rather than a terminal progress bar
 * library: the scripts' output usually goes to CI logs and files, where a redrawn bar is noise and no line at all
 * until the end (no such library is served to this project's builds either).
 */
public final class ProgressLine {
    private final Consumer<String> out;
    private final String label;
    private final String unit;
    private final long intervalNanos;
    /** Set at the first unit: what came before it (a catalogue written, a model loaded) must not lower the rate. */
    private long startNanos = -1;
    private long lastPrintedNanos;

    /** Lines to {@code out} (none when null), starting with {@code label}, at most one per {@code interval}. */
    public ProgressLine(Consumer<String> out, String label, String unit, Duration interval) {
        this.out = out;
        this.label = label;
        this.unit = unit;
        this.intervalNanos = interval.toNanos();
    }

    /** {@code done} of {@code total} units are done; prints when the interval has passed, and at the end. */
    public void update(long done, long total) {
        long now = System.nanoTime();
        if (startNanos < 0) {
            startNanos = now;
            lastPrintedNanos = now;
        }
        if (out == null || (now - lastPrintedNanos < intervalNanos && done < total)) {
            return;
        }
        lastPrintedNanos = now;
        out.accept(line(label, unit, done, total, (now - startNanos) / 1e9));
    }

    /** The line for {@code done} of {@code total} after {@code seconds}. */
    public static String line(String label, String unit, long done, long total, double seconds) {
        double rate = seconds <= 0 ? 0 : done / seconds;
        String left = rate <= 0 ? "?" : duration((total - done) / rate);
        return String.format(Locale.ROOT, "%s %,d/%,d %s (%.1f%%) · %,.0f %s/s · %s left", label, done, total, unit,
                total == 0 ? 100.0 : 100.0 * done / total, rate, unit, left);
    }

    /** {@code 42 s}, {@code 3 min 5 s}. */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }
}
