package io.streamrec.bench.ranking;

import io.streamrec.bench.OptionMap;
import io.streamrec.learning.ModelState;
import io.streamrec.ranking.FeatureExtractor;
import io.streamrec.ranking.ModelRanker;
import io.streamrec.ranking.RecommendationFilter;
import io.streamrec.retrieval.ExactIndex;
import io.streamrec.retrieval.HnswIndex;
import io.streamrec.state.ItemStats;
import io.streamrec.state.ItemVector;
import io.streamrec.vectors.Vectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Ranking alone, outside Flink: events per second through {@link ModelRanker#rank} (candidate generation by
 * the index, co-occurrence and trending candidates, features, the logistic ranker, diversity) for synthetic
 * catalogues of category-clustered unit vectors, with the exact {@link ExactIndex} and the approximate
 * {@link HnswIndex}; recall@100 of the approximate top-100 against the exact one for the same users; build
 * time and heap of each index. Exact and approximate alternate within each repeat, so both see the same
 * machine noise; each figure is the median over repeats.
 *
 * <p>Usage: {@code RankingBenchmark --out DIR [--quick] [--sizes 10000,100000,1000000] [--dim 384]
 * [--reps 5] [--users 200] [--seconds 1.5] [--search-beams 100,400,800]}. Writes {@code DIR/ranking.json}; the
 * search-beam sweep measures recall@100 and retrieval rate of the same graph at other beams.
 */
public final class RankingBenchmark {
    private static final int CANDIDATES = 100;
    private static final int TOP_N = 10;

    private RankingBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = OptionMap.parse(args);
        boolean quick = a.containsKey("quick");
        Path out = Path.of(a.getOrDefault("out", "target/bench"));
        int[] sizes = Arrays.stream(a.getOrDefault("sizes", quick ? "10000,100000" : "10000,100000,1000000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int dim = Integer.parseInt(a.getOrDefault("dim", "384"));
        int reps = Integer.parseInt(a.getOrDefault("reps", quick ? "3" : "5"));
        int users = Integer.parseInt(a.getOrDefault("users", quick ? "100" : "200"));
        double seconds = Double.parseDouble(a.getOrDefault("seconds", quick ? "0.7" : "1.5"));
        String beams = a.getOrDefault("search-beams", "100,400,800");
        int[] searchBeams = beams.isBlank() ? new int[0]
                : Arrays.stream(beams.split(",")).mapToInt(Integer::parseInt).toArray();
        Files.createDirectories(out);

        List<String> results = new ArrayList<>();
        for (int size : sizes) {
            results.add(run(size, dim, reps, users, seconds, searchBeams));
        }
        String json = "{\n  \"benchmark\": \"ranking\",\n  \"date\": \"" + Instant.now() + "\",\n"
                + "  \"java\": \"" + System.getProperty("java.version") + "\",\n"
                + "  \"cpus\": " + Runtime.getRuntime().availableProcessors() + ",\n"
                + "  \"dot_products\": \"" + Vectors.dotProductMode() + "\",\n"
                + "  \"max_heap_mb\": " + Runtime.getRuntime().maxMemory() / (1 << 20) + ",\n"
                + "  \"dimension\": " + dim + ",\n  \"candidates\": " + CANDIDATES + ",\n  \"top_n\": " + TOP_N + ",\n"
                + "  \"hnsw\": {\"max_degree\": " + HnswIndex.DEFAULT_MAX_DEGREE + ", \"build_beam\": "
                + HnswIndex.DEFAULT_BUILD_BEAM + ", \"search_beam\": " + HnswIndex.DEFAULT_SEARCH_BEAM + "},\n"
                + "  \"repeats\": " + reps + ",\n  \"results\": [\n" + String.join(",\n", results) + "\n  ]\n}\n";
        Files.writeString(out.resolve("ranking.json"), json);
        System.out.println("wrote " + out.resolve("ranking.json"));
    }

    private static String run(int size, int dim, int reps, int userCount, double seconds, int[] searchBeams) {
        log("catalogue of %,d items, %d-d", size, dim);
        ClusteredCatalogue catalogue = new ClusteredCatalogue(size, dim);
        Map<String, ItemVector> items = catalogue.items;
        List<String> ids = catalogue.ids;
        long vectorsBytes = catalogue.heapBytes;

        long heap1 = usedHeap();
        long t = System.nanoTime();
        ExactIndex exact = new ExactIndex(dim);
        for (String id : ids) {
            exact.put(id, items.get(id).text);
        }
        double exactBuildS = (System.nanoTime() - t) / 1e9;
        long exactBytes = usedHeap() - heap1;

        long heap2 = usedHeap();
        t = System.nanoTime();
        HnswIndex hnsw = new HnswIndex(dim);
        for (String id : ids) {
            hnsw.put(id, items.get(id).text);
        }
        hnsw.topK(items.get(ids.get(0)).text, 1, x -> false); // builds the graph
        double hnswBuildS = (System.nanoTime() - t) / 1e9;
        long hnswBytes = usedHeap() - heap2;
        log("  built: exact %.1f s (%,d MB), hnsw %.1f s (%,d MB, graph %,d MB by jvector's count)", exactBuildS,
                exactBytes >> 20, hnswBuildS, hnswBytes >> 20, hnsw.graphBytes() >> 20);

        SyntheticUsers users = new SyntheticUsers(catalogue, userCount);
        ItemStats stats = users.stats;
        List<Set<String>> purchased = users.purchased;
        List<FeatureExtractor.Context> contexts = users.contexts;
        Map<FeatureExtractor.Context, float[]> fused = users.fused;
        ModelState model = ModelState.prior(dim);
        RecommendationFilter filter = new RecommendationFilter(Set.of(), Set.of());
        Function<String, ItemVector> lookup = items::get;

        // Recall@100 of the graph against the exact scan, same users, same exclusions.
        int recallUsers = Math.min(userCount, size >= 1_000_000 ? 100 : userCount);
        double recall = recall(exact, hnsw, recallUsers, contexts, fused, purchased);
        hnsw.setFreezing(false);
        double liveRecall = recall(exact, hnsw, recallUsers, contexts, fused, purchased);
        hnsw.setFreezing(true);
        log("  recall@100 %.4f over %d users (jvector's searcher on the same graph: %.4f)", recall, recallUsers,
                liveRecall);

        ModelRanker exactRanker = new ModelRanker(exact, stats);
        ModelRanker hnswRanker = new ModelRanker(hnsw, stats);
        double[][] rates = new double[5][reps];
        for (int rep = -1; rep < reps; rep++) { // rep -1 warms the JIT up and is not counted
            if (rep < 0) {
                for (ModelRanker warm : List.of(exactRanker, hnswRanker)) {
                    CallRate.measure(seconds, contexts, purchased,
                            (c, ex) -> warm.rank(c, model.weights, lookup, ex, filter, TOP_N, CANDIDATES, 4).size());
                }
                continue;
            }
            rates[0][rep] = CallRate.measure(seconds, contexts, purchased,
                    (c, ex) -> exactRanker.rank(c, model.weights, lookup, ex, filter, TOP_N, CANDIDATES, 4).size());
            rates[1][rep] = CallRate.measure(seconds, contexts, purchased,
                    (c, ex) -> hnswRanker.rank(c, model.weights, lookup, ex, filter, TOP_N, CANDIDATES, 4).size());
            rates[2][rep] = CallRate.measure(seconds, contexts, purchased,
                    (c, ex) -> exact.topK(fused.get(c), CANDIDATES, ex::contains).size());
            rates[3][rep] = CallRate.measure(seconds, contexts, purchased,
                    (c, ex) -> hnsw.topK(fused.get(c), CANDIDATES, ex::contains, ex.size()).size());
            // The same graph searched by jvector's searcher through the builder's concurrent view: the
            // baseline of the array copy and its own search (docs/ranking.md).
            hnsw.setFreezing(false);
            rates[4][rep] = CallRate.measure(seconds, contexts, purchased,
                    (c, ex) -> hnsw.topK(fused.get(c), CANDIDATES, ex::contains, ex.size()).size());
            hnsw.setFreezing(true); // the copy made at the build is still valid: nothing changed
            log("  rep %d: rank exact %.0f/s, hnsw %.0f/s; top-100 alone exact %.0f/s, hnsw %.0f/s "
                    + "(live graph, jvector's searcher %.0f/s)", rep + 1,
                    rates[0][rep], rates[1][rep], rates[2][rep], rates[3][rep], rates[4][rep]);
        }
        // Recall and rate against the search beam, on the same graph and users.
        List<String> sweep = new ArrayList<>();
        for (int beam : searchBeams) {
            hnsw.setSearchBeam(beam);
            double beamRecall = recall(exact, hnsw, recallUsers, contexts, fused, purchased);
            double q = CallRate.measure(seconds, contexts, purchased,
                    (c, ex) -> hnsw.topK(fused.get(c), CANDIDATES, ex::contains, ex.size()).size());
            // Not told how many are excluded: a beam of exactly k searches again whenever one is among them.
            double untold = CallRate.measure(seconds, contexts, purchased,
                    (c, ex) -> hnsw.topK(fused.get(c), CANDIDATES, ex::contains).size());
            log("  search beam %d: recall@100 %.4f, top-100 alone %.0f/s (%.0f/s not told the exclusions' count)",
                    beam, beamRecall, q, untold);
            sweep.add(String.format(Locale.ROOT, "{\"search_beam\": %d, \"recall_at_100\": %.4f, \"top100_per_s\": %.1f, "
                    + "\"top100_per_s_untold_exclusions\": %.1f}", beam, beamRecall, q, untold));
        }
        hnsw.setSearchBeam(HnswIndex.DEFAULT_SEARCH_BEAM);
        double exactRate = CallRate.median(rates[0]);
        double hnswRate = CallRate.median(rates[1]);
        log("  median: rank exact %.0f/s, hnsw %.0f/s (x%.1f)", exactRate, hnswRate, hnswRate / exactRate);
        double per100k = 100_000.0 / size / (1 << 20);
        return String.format(Locale.ROOT, "    {\"items\": %d, \"categories\": %d, \"users\": %d,%n"
                + "     \"rank_events_per_s\": {\"exact\": %.1f, \"hnsw\": %.1f, \"ratio\": %.2f},%n"
                + "     \"retrieval_top100_per_s\": {\"exact\": %.1f, \"hnsw\": %.1f, \"ratio\": %.2f, "
                + "\"hnsw_live_graph\": %.1f, \"copy_to_live_ratio\": %.2f},%n"
                + "     \"recall_at_100\": %.4f, \"recall_at_100_live_graph\": %.4f,%n"
                + "     \"build_s\": {\"exact\": %.2f, \"hnsw\": %.2f},%n"
                + "     \"heap_mb_per_100k\": {\"item_vectors\": %.1f, \"exact\": %.1f, \"hnsw\": %.1f, "
                + "\"hnsw_graph_jvector\": %.1f},%n"
                + "     \"rank_events_per_s_reps\": {\"exact\": %s, \"hnsw\": %s},%n"
                + "     \"search_beam_sweep\": [%s]}",
                size, catalogue.categories, userCount, exactRate, hnswRate, hnswRate / exactRate,
                CallRate.median(rates[2]), CallRate.median(rates[3]),
                CallRate.median(rates[3]) / CallRate.median(rates[2]), CallRate.median(rates[4]),
                CallRate.median(rates[3]) / CallRate.median(rates[4]), recall, liveRecall,
                exactBuildS, hnswBuildS, vectorsBytes * per100k, exactBytes * per100k, hnswBytes * per100k,
                hnsw.graphBytes() * per100k, Arrays.toString(CallRate.round(rates[0])),
                Arrays.toString(CallRate.round(rates[1])), String.join(", ", sweep));
    }

    /** Mean recall@100 of the graph against the exact scan over the first {@code users} users, same exclusions. */
    private static double recall(ExactIndex exact, HnswIndex hnsw, int users, List<FeatureExtractor.Context> contexts,
            Map<FeatureExtractor.Context, float[]> fused, List<Set<String>> purchased) {
        double recall = 0;
        for (int u = 0; u < users; u++) {
            Set<String> ex = purchased.get(u);
            List<String> truth = exact.topK(fused.get(contexts.get(u)), CANDIDATES, ex::contains);
            Set<String> found =
                    new HashSet<>(hnsw.topK(fused.get(contexts.get(u)), CANDIDATES, ex::contains, ex.size()));
            recall += truth.stream().filter(found::contains).count() / (double) Math.max(1, truth.size());
        }
        return recall / users;
    }

    /** Heap in use after a few collections: the difference around a step is what the step allocated and kept. */
    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
        System.out.flush();
    }
}
