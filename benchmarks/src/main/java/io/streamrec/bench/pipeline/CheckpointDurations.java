package io.streamrec.bench.pipeline;

import io.streamrec.metrics.InProcessMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * In the job's JVM: the duration of every completed checkpoint, from the job's own metrics
 * ({@code numberOfCompletedCheckpoints}, {@code lastCheckpointDuration}), sampled often enough to see each one
 * at the benchmark's intervals (a checkpoint completed between two samples with another is missed, not
 * miscounted: the count says how many there were).
 */
final class CheckpointDurations {
    private final List<Long> millis = new ArrayList<>();
    private long completed;

    private CheckpointDurations() {}

    static CheckpointDurations sampleEvery(Duration period) {
        CheckpointDurations d = new CheckpointDurations();
        Thread sampler = new Thread(() -> {
            try {
                while (true) {
                    d.sample();
                    Thread.sleep(period.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-checkpoint-sampler");
        sampler.setDaemon(true);
        sampler.start();
        return d;
    }

    private synchronized void sample() {
        List<Long> count = InProcessMetrics.gaugeValues(InProcessMetrics.JOB, "numberOfCompletedCheckpoints");
        List<Long> last = InProcessMetrics.gaugeValues(InProcessMetrics.JOB, "lastCheckpointDuration");
        if (count.isEmpty() || last.isEmpty()) {
            return;
        }
        long now = count.get(0);
        if (now > completed) {
            completed = now;
            millis.add(last.get(0));
        }
    }

    /** {@code " checkpoints=N checkpoint_ms_p50=P checkpoint_ms_max=M"}, or "" before the first. */
    synchronized String summary() {
        if (millis.isEmpty()) {
            return "";
        }
        List<Long> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        long p50 = sorted.get((int) Math.ceil(0.5 * sorted.size()) - 1); // nearest rank
        return " checkpoints=" + completed + " checkpoint_ms_p50=" + p50 + " checkpoint_ms_max=" + sorted.get(sorted.size() - 1);
    }
}
