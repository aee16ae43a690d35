package io.streamrec.bench.ranking;

import static io.streamrec.bench.BenchJson.object;
import static io.streamrec.bench.BenchJson.round;

import io.streamrec.bench.BenchJson;
import io.streamrec.local.CommandLines;
import io.streamrec.local.HelpOption;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Ranking alone, outside Flink: events per second through {@link ModelRanker#rank} (candidate generation by
 * the index, co-occurrence and trending candidates, features, the logistic ranker, diversity) for synthetic
 * catalogues of category-clustered unit vectors, with the exact {@link ExactIndex} and the approximate
 * {@link HnswIndex}; recall@100 of the approximate top-100 against the exact one for the same users; build
 * time and heap of each index. Exact and approximate alternate within each repeat, so both see the same
 * machine noise; each figure is the median over repeats.
 *
 * <p>Writes {@code DIR/ranking.json}; the search-beam sweep measures recall@100 and retrieval rate of the same
 * graph at other beams. Options: {@code --help}.
 */
@Command(name = "bench.sh ranking", showDefaultValues = true, sortOptions = false,
        description = "ModelRanker.rank throughput, exact against HNSW index, recall@100; writes DIR/ranking.json.")
public final class RankingBenchmark implements Callable<Integer> {
    private static final int CANDIDATES = 100;
    private static final int TOP_N = 10;

    @Mixin
    HelpOption help;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/bench", description = "Where ranking.json goes.")
    Path out;

    @Option(names = "--quick", description = "Shorter: catalogues of 10k and 100k, 3 repeats, 100 users, 0.7 s.")
    boolean quick;

    @Option(names = "--sizes", paramLabel = "N", split = ",",
            description = "Catalogue sizes (default 10000,100000,1000000; quick 10000,100000).")
    List<Integer> sizes;

    @Option(names = "--dim", paramLabel = "D", defaultValue = "384", description = "Vector dimension.")
    int dim;

    @Option(names = "--reps", paramLabel = "N", description = "Repeats; each figure is their median (default 5; quick 3).")
    Integer reps;

    @Option(names = "--users", paramLabel = "N", description = "Synthetic users ranked for (default 200; quick 100).")
    Integer users;

    @Option(names = "--seconds", paramLabel = "S", description = "Length of each rate measurement (default 1.5; quick 0.7).")
    Double seconds;

    @Option(names = "--search-beams", paramLabel = "B", split = ",", defaultValue = "100,400,800",
            description = "Search beams of the recall sweep on the same graph; \"\" for none.")
    List<String> searchBeams;

    public static void main(String[] args) {
        System.exit(CommandLines.execute(new RankingBenchmark(), args));
    }

    @Override
    public Integer call() throws Exception {
        List<Integer> catalogueSizes = sizes != null ? sizes : quick ? List.of(10_000, 100_000)
                : List.of(10_000, 100_000, 1_000_000);
        int repeats = reps != null ? reps : quick ? 3 : 5;
        int userCount = users != null ? users : quick ? 100 : 200;
        double rateSeconds = seconds != null ? seconds : quick ? 0.7 : 1.5;
        int[] beams = searchBeams.stream().filter(b -> !b.isBlank()).mapToInt(RankingBenchmark::beam).toArray();
        Files.createDirectories(out);

        List<Map<String, Object>> results = new ArrayList<>();
        for (int size : catalogueSizes) {
            results.add(run(size, dim, repeats, userCount, rateSeconds, beams));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", "ranking");
        json.put("date", Instant.now().toString());
        json.put("java", System.getProperty("java.version"));
        json.put("cpus", Runtime.getRuntime().availableProcessors());
        json.put("dot_products", Vectors.dotProductMode());
        json.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1 << 20));
        json.put("dimension", dim);
        json.put("candidates", CANDIDATES);
        json.put("top_n", TOP_N);
        json.put("hnsw", object("max_degree", HnswIndex.DEFAULT_MAX_DEGREE, "build_beam", HnswIndex.DEFAULT_BUILD_BEAM,
                "search_beam", HnswIndex.DEFAULT_SEARCH_BEAM));
        json.put("repeats", repeats);
        json.put("results", results);
        BenchJson.write(out.resolve("ranking.json"), json);
        System.out.println("wrote " + out.resolve("ranking.json"));
        return 0;
    }

    private static Map<String, Object> run(int size, int dim, int reps, int userCount, double seconds, int[] searchBeams) {
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
        List<Map<String, Object>> sweep = new ArrayList<>();
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
            sweep.add(object("search_beam", beam, "recall_at_100", round(beamRecall, 4), "top100_per_s", round(q, 1),
                    "top100_per_s_untold_exclusions", round(untold, 1)));
        }
        hnsw.setSearchBeam(HnswIndex.DEFAULT_SEARCH_BEAM);
        double exactRate = CallRate.median(rates[0]);
        double hnswRate = CallRate.median(rates[1]);
        log("  median: rank exact %.0f/s, hnsw %.0f/s (x%.1f)", exactRate, hnswRate, hnswRate / exactRate);
        double per100k = 100_000.0 / size / (1 << 20);
        double exactTop = CallRate.median(rates[2]);
        double hnswTop = CallRate.median(rates[3]);
        double liveTop = CallRate.median(rates[4]);
        return object("items", size, "categories", catalogue.categories, "users", userCount,
                "rank_events_per_s", object("exact", round(exactRate, 1), "hnsw", round(hnswRate, 1),
                        "ratio", round(hnswRate / exactRate, 2)),
                "retrieval_top100_per_s", object("exact", round(exactTop, 1), "hnsw", round(hnswTop, 1),
                        "ratio", round(hnswTop / exactTop, 2), "hnsw_live_graph", round(liveTop, 1),
                        "copy_to_live_ratio", round(hnswTop / liveTop, 2)),
                "recall_at_100", round(recall, 4), "recall_at_100_live_graph", round(liveRecall, 4),
                "build_s", object("exact", round(exactBuildS, 2), "hnsw", round(hnswBuildS, 2)),
                "heap_mb_per_100k", object("item_vectors", round(vectorsBytes * per100k, 1),
                        "exact", round(exactBytes * per100k, 1), "hnsw", round(hnswBytes * per100k, 1),
                        "hnsw_graph_jvector", round(hnsw.graphBytes() * per100k, 1)),
                "rank_events_per_s_reps", object("exact", CallRate.round(rates[0]), "hnsw", CallRate.round(rates[1])),
                "search_beam_sweep", sweep);
    }

    private static int beam(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--search-beams takes whole numbers, got '" + value + "'");
        }
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
