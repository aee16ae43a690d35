package io.streamrec.reliability.support;

import io.streamrec.local.cluster.FlinkProcess;
import io.streamrec.local.cluster.FlinkRest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Samples a running job's checkpoint size and duration and its TaskManager's RSS over time. */
public final class SoakSampler {
    /** One sample: seconds since start, latest checkpoint (full state bytes, incremental bytes, ms), TM RSS. */
    public record Sample(double seconds, long checkpointId, long stateBytes, long checkpointedBytes, long durationMs,
            long rssBytes) {}

    private final List<Sample> samples = new ArrayList<>();
    private final long start = System.nanoTime();

    public void sample(FlinkRest rest, String jobId, FlinkProcess taskManager) throws Exception {
        FlinkRest.CheckpointInfo cp = rest.latestCheckpoint(jobId);
        if (cp == null) {
            return;
        }
        samples.add(new Sample((System.nanoTime() - start) / 1e9, cp.id(), cp.stateSize(), cp.checkpointedSize(),
                cp.durationMs(), taskManager.rssBytes()));
    }

    /** Samples taken after {@code warmUpSeconds}. */
    public List<Sample> steady(double warmUpSeconds) {
        return samples.stream().filter(s -> s.seconds() >= warmUpSeconds).toList();
    }

    /** Mean of {@code metric} over the first third of {@code samples}. */
    public static double firstThird(List<Sample> samples, ToDoubleFunction<Sample> metric) {
        return mean(samples.subList(0, Math.max(1, samples.size() / 3)), metric);
    }

    /** Mean of {@code metric} over the last third of {@code samples}. */
    public static double lastThird(List<Sample> samples, ToDoubleFunction<Sample> metric) {
        return mean(samples.subList(samples.size() - Math.max(1, samples.size() / 3), samples.size()), metric);
    }

    private static double mean(List<Sample> s, ToDoubleFunction<Sample> metric) {
        return s.stream().mapToDouble(metric).average().orElse(Double.NaN);
    }

    public List<Sample> all() {
        return List.copyOf(samples);
    }
}
