package io.streamrec.bench.ranking;

import io.streamrec.ranking.FeatureExtractor;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Calls per second of one ranking or retrieval call over the benchmark's users, and the median of repeats. */
final class CallRate {
    private CallRate() {}

    /** One call for one user; returns the result's size, kept so that the JIT cannot drop the call. */
    interface Call {
        int apply(FeatureExtractor.Context c, Set<String> excluded);
    }

    /** Events per second, cycling over the users for at least {@code seconds} (and 3 calls). */
    static double measure(double seconds, List<FeatureExtractor.Context> contexts, List<Set<String>> excluded,
            Call call) {
        long sink = 0;
        int n = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (n < 3 || System.nanoTime() < end) {
            int u = n % contexts.size();
            sink += call.apply(contexts.get(u), excluded.get(u));
            n++;
        }
        double rate = n / ((System.nanoTime() - start) / 1e9);
        if (sink < 0) {
            System.out.println(sink);
        }
        return rate;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static long[] round(double[] v) {
        return Arrays.stream(v).mapToLong(Math::round).toArray();
    }
}
