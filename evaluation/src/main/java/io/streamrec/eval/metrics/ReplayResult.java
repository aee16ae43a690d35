package io.streamrec.eval.metrics;

import io.streamrec.eval.protocol.TimelineSplit;
import java.util.List;

/**
 * The outcome of one replay.
 *
 * @param dataset the dataset's name (its folder name)
 * @param description where the data came from
 * @param events events replayed
 * @param counts positives and why some were not scored
 * @param split the timeline split used
 * @param probeTimes event time (epoch millis) of every scored probe, in order
 * @param recommenders one result per recommender, in the order asked for
 * @param wallSeconds wall-clock time of the replay
 */
public record ReplayResult(
        String dataset,
        String description,
        long events,
        ProbeCounts counts,
        TimelineSplit split,
        long[] probeTimes,
        List<RecommenderResult> recommenders,
        int topN,
        int depth,
        double wallSeconds) {}
