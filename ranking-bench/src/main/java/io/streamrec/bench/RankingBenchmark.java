package io.streamrec.bench;

import io.streamrec.avro.EventType;
import io.streamrec.avro.UserEvent;
import io.streamrec.config.JobConfig;
import io.streamrec.learning.ModelState;
import io.streamrec.ranking.FeatureExtractor;
import io.streamrec.ranking.HnswIndex;
import io.streamrec.ranking.ItemIndex;
import io.streamrec.ranking.ItemVector;
import io.streamrec.ranking.ModelRanker;
import io.streamrec.ranking.ModelSettings;
import io.streamrec.ranking.ProfileUpdater;
import io.streamrec.ranking.Vectors;
import io.streamrec.recommend.ItemStats;
import io.streamrec.recommend.RecommendationFilter;
import io.streamrec.user.UserProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Ranking alone, outside Flink: events per second through {@link ModelRanker#rank} (candidate generation by
 * the index, co-occurrence and trending candidates, features, the logistic ranker, diversity) for synthetic
 * catalogues of category-clustered unit vectors, with the exact {@link ItemIndex} and the approximate
 * {@link HnswIndex}; recall@100 of the approximate top-100 against the exact one for the same users; build
 * time and heap of each index. Exact and approximate alternate within each repeat, so both see the same
 * machine noise; each figure is the median over repeats.
 *
 * <p>Usage: {@code RankingBenchmark --out DIR [--quick] [--sizes 10000,100000,1000000] [--dim 384]
 * [--reps 5] [--users 200] [--seconds 1.5] [--search-beams 100,400,800]}. Writes {@code DIR/ranking.json}; the
 * search-beam sweep measures recall@100 and retrieval rate of the same graph at other beams.
 */
public final class RankingBenchmark {
    private static final long T0 = Instant.parse("2024-06-01T00:00:00Z").toEpochMilli();
    private static final int CANDIDATES = 100;
    private static final int TOP_N = 10;

    private RankingBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = parse(args);
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
        int categories = Math.max(20, Math.min(500, size / 200));
        float[][] directions = new float[categories][];
        SplittableRandom r = new SplittableRandom(17);
        for (int c = 0; c < categories; c++) {
            directions[c] = unit(gaussian(r, dim, 1f));
        }
        long heap0 = usedHeap();
        Map<String, ItemVector> items = new HashMap<>(size * 2);
        List<String> ids = new ArrayList<>(size);
        List<List<String>> byCategory = new ArrayList<>();
        for (int c = 0; c < categories; c++) {
            byCategory.add(new ArrayList<>());
        }
        float noise = 0.9f / (float) Math.sqrt(dim);
        for (int i = 0; i < size; i++) {
            int c = r.nextInt(categories);
            float[] v = directions[c].clone();
            for (int d = 0; d < dim; d++) {
                v[d] += noise * (float) r.nextGaussian();
            }
            ItemVector iv = new ItemVector();
            iv.itemId = "i" + i;
            iv.title = "Item " + i;
            iv.category = "cat" + c;
            iv.updatedAt = T0 - r.nextLong(30L * 86_400_000L);
            iv.text = unit(v);
            items.put(iv.itemId, iv);
            ids.add(iv.itemId);
            byCategory.get(c).add(iv.itemId);
        }
        long vectorsBytes = usedHeap() - heap0;

        long heap1 = usedHeap();
        long t = System.nanoTime();
        ItemIndex exact = new ItemIndex(dim);
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

        // Behaviour: popularity skewed towards low item numbers, co-occurrence within categories.
        ItemStats stats = new ItemStats(6L * 3_600_000L, 50);
        ModelSettings settings = new ModelSettings(JobConfig.fromMap(Map.of()));
        ProfileUpdater updater = new ProfileUpdater(settings);
        List<UserProfile> profiles = new ArrayList<>();
        List<Set<String>> purchased = new ArrayList<>();
        SplittableRandom ur = new SplittableRandom(5);
        EventType[] types = {EventType.VIEW, EventType.VIEW, EventType.CLICK, EventType.PURCHASE};
        for (int u = 0; u < userCount; u++) {
            UserProfile p = new UserProfile();
            int[] tastes = {ur.nextInt(categories), ur.nextInt(categories)};
            String previous = null;
            for (int e = 0; e < 20; e++) {
                List<String> pool = byCategory.get(tastes[ur.nextInt(10) < 7 ? 0 : 1]);
                if (pool.isEmpty()) {
                    continue;
                }
                String id = pool.get((int) Math.min(pool.size() - 1, Math.abs(ur.nextGaussian()) * pool.size() / 4));
                long time = T0 + u * 60_000L + e * 1_000L;
                EventType type = types[ur.nextInt(types.length)];
                UserEvent ev = UserEvent.newBuilder().setEventId(u + "-" + e).setUserId("u" + u).setType(type)
                        .setItemId(id).setEventTime(Instant.ofEpochMilli(time)).build();
                stats.addInteraction(id, 1.0, time);
                if (previous != null) {
                    stats.addCoOccurrence(previous, id, 1f);
                }
                previous = id;
                updater.apply(p, ev, null, items.get(id), 0f);
            }
            profiles.add(p);
            purchased.add(p.history.purchasedItems());
        }
        long now = T0 + userCount * 60_000L + 60_000L;
        List<String> trending = stats.trending(1);
        double maxPopularity = trending.isEmpty() ? 0 : stats.popularity(trending.get(0));
        List<FeatureExtractor.Context> contexts = new ArrayList<>();
        Map<FeatureExtractor.Context, float[]> fused = new HashMap<>();
        for (UserProfile p : profiles) {
            float[] f = ProfileUpdater.fused(p);
            var c = new FeatureExtractor.Context(p, f, p.history.recentDistinctItems(10), now, maxPopularity);
            contexts.add(c);
            fused.put(c, f);
        }
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
                    measure(seconds, contexts, purchased,
                            (c, ex) -> warm.rank(c, model, lookup, ex, filter, TOP_N, CANDIDATES, 4).size());
                }
                continue;
            }
            rates[0][rep] = measure(seconds, contexts, purchased,
                    (c, ex) -> exactRanker.rank(c, model, lookup, ex, filter, TOP_N, CANDIDATES, 4).size());
            rates[1][rep] = measure(seconds, contexts, purchased,
                    (c, ex) -> hnswRanker.rank(c, model, lookup, ex, filter, TOP_N, CANDIDATES, 4).size());
            rates[2][rep] = measure(seconds, contexts, purchased,
                    (c, ex) -> exact.topK(fused.get(c), CANDIDATES, ex::contains).size());
            rates[3][rep] = measure(seconds, contexts, purchased,
                    (c, ex) -> hnsw.topK(fused.get(c), CANDIDATES, ex::contains).size());
            // The same graph searched by jvector's searcher through the builder's concurrent view: the
            // baseline of the array copy and its own search (docs/ranking.md).
            hnsw.setFreezing(false);
            rates[4][rep] = measure(seconds, contexts, purchased,
                    (c, ex) -> hnsw.topK(fused.get(c), CANDIDATES, ex::contains).size());
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
            double q = measure(seconds, contexts, purchased, (c, ex) -> hnsw.topK(fused.get(c), CANDIDATES, ex::contains).size());
            log("  search beam %d: recall@100 %.4f, top-100 alone %.0f/s", beam, beamRecall, q);
            sweep.add(String.format(Locale.ROOT, "{\"search_beam\": %d, \"recall_at_100\": %.4f, \"top100_per_s\": %.1f}",
                    beam, beamRecall, q));
        }
        hnsw.setSearchBeam(HnswIndex.DEFAULT_SEARCH_BEAM);
        double exactRate = median(rates[0]);
        double hnswRate = median(rates[1]);
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
                size, categories, userCount, exactRate, hnswRate, hnswRate / exactRate,
                median(rates[2]), median(rates[3]), median(rates[3]) / median(rates[2]), median(rates[4]),
                median(rates[3]) / median(rates[4]), recall, liveRecall,
                exactBuildS, hnswBuildS, vectorsBytes * per100k, exactBytes * per100k, hnswBytes * per100k,
                hnsw.graphBytes() * per100k, Arrays.toString(round(rates[0])), Arrays.toString(round(rates[1])),
                String.join(", ", sweep));
    }

    /** Mean recall@100 of the graph against the exact scan over the first {@code users} users, same exclusions. */
    private static double recall(ItemIndex exact, HnswIndex hnsw, int users, List<FeatureExtractor.Context> contexts,
            Map<FeatureExtractor.Context, float[]> fused, List<Set<String>> purchased) {
        double recall = 0;
        for (int u = 0; u < users; u++) {
            Set<String> ex = purchased.get(u);
            List<String> truth = exact.topK(fused.get(contexts.get(u)), CANDIDATES, ex::contains);
            Set<String> found = new HashSet<>(hnsw.topK(fused.get(contexts.get(u)), CANDIDATES, ex::contains));
            recall += truth.stream().filter(found::contains).count() / (double) Math.max(1, truth.size());
        }
        return recall / users;
    }

    private interface Call {
        int apply(FeatureExtractor.Context c, Set<String> excluded);
    }

    /** Events per second, cycling over the users for at least {@code seconds} (and 3 calls). */
    private static double measure(double seconds, List<FeatureExtractor.Context> contexts, List<Set<String>> excluded,
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

    private static long[] round(double[] v) {
        return Arrays.stream(v).mapToLong(Math::round).toArray();
    }

    private static float[] gaussian(SplittableRandom r, int dim, float scale) {
        float[] v = new float[dim];
        for (int d = 0; d < dim; d++) {
            v[d] = scale * (float) r.nextGaussian();
        }
        return v;
    }

    private static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float inv = (float) (1 / Math.sqrt(n));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String k = args[i].replaceFirst("^--", "");
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                m.put(k, args[++i]);
            } else {
                m.put(k, "true");
            }
        }
        return m;
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
        System.out.flush();
    }
}
