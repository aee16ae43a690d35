package io.streamrec.bench.encoder;

import io.streamrec.bench.BenchJson;
import io.streamrec.local.CommandLines;
import io.streamrec.text.EncoderSettings;
import io.streamrec.text.ExecutionProvider;
import io.streamrec.text.model.ModelDirectoryResolver;
import io.streamrec.text.model.ModelFiles;
import io.streamrec.text.runtime.SessionSpec;
import io.streamrec.text.runtime.Sessions;
import io.streamrec.text.runtime.TextTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentences per second of the operator path (async function + shared micro-batcher) against a bare ONNX Runtime
 * loop over the same batches, per model, threads, text length and batch size. Writes DIR/encoder.json.
 */
public final class EncoderBenchmark {

    private static final Map<String, String> MODEL_DIRS = Map.of("fp32", "all-minilm-l6-v2", "int8",
            "all-minilm-l6-v2-q");

    private final BenchArgs args;
    private final List<Map<String, Object>> runs = new ArrayList<>();

    EncoderBenchmark(BenchArgs args) {
        this.args = args;
    }

    public static void main(String[] argv) {
        System.exit(CommandLines.execute(new BenchArgs.CommandLine(), argv));
    }

    void runAll() throws Exception {
        Files.createDirectories(args.out());
        System.out.printf("Encoder benchmark: provider %s, models %s, threads %s, texts %s, batches %s, %d reps%n",
                args.provider(), args.models(), args.threads(), args.texts(), args.batches(), args.reps());
        for (String model : args.models()) {
            for (int threads : args.threads()) {
                runModel(model, threads);
            }
        }
        printTable();
        Path json = args.out().resolve("encoder.json");
        BenchJson.write(json, Map.of("runs", runs));
        System.out.println("Wrote " + json.toAbsolutePath());
    }

    private void runModel(String model, int threads) throws Exception {
        String name = MODEL_DIRS.getOrDefault(model, model);
        EncoderSettings base = EncoderSettings.defaults().withModel(name).withThreads(threads)
                .withProvider(args.provider(), args.deviceId(), false).withCacheMaxEntries(0);
        Path dir = ModelDirectoryResolver.resolve(base);
        SessionSpec spec = SessionSpec.of(dir, base, args.deviceId());
        ModelFiles files = ModelFiles.load(dir);
        // The bare loop gets its own session, opened with the same options as the operator's shared one.
        try (BareOrtLoop bare = new BareOrtLoop(Sessions.open(files.model(), spec),
                new TextTokenizer(files.tokenizer(), files.manifest().maxSequenceLength()))) {
            for (String textKind : args.texts()) {
                for (int batch : args.batches()) {
                    EncoderSettings settings = base.withModelDir(dir.toString())
                            .withBatching(batch, Duration.ofMillis(5))
                            .withAsync(Math.max(2 * batch, 16), Duration.ofMinutes(5));
                    measure(model, threads, textKind, batch, settings, bare);
                }
            }
        }
    }

    private void measure(String model, int threads, String textKind, int batch, EncoderSettings settings,
            BareOrtLoop bare) throws Exception {
        long seed = 42 + batch;
        List<String> warmup = texts(textKind, Math.max(2 * batch, 16), seed);
        long t0 = System.nanoTime();
        bare.run(warmup, batch);
        double warmRate = warmup.size() / ((System.nanoTime() - t0) / 1e9);
        int count = (int) Math.max(Math.max(2L * batch, 32), Math.round(warmRate * args.secondsPerRep()));
        count = ((count + batch - 1) / batch) * batch;
        List<String> texts = texts(textKind, count, seed + 1);
        double[] operatorRates = new double[args.reps()];
        double[] bareRates = new double[args.reps()];
        ExecutionProvider provider;
        try (OperatorPath operator = new OperatorPath(settings)) {
            provider = operator.provider();
            operator.run(warmup);
            // Alternate the two paths so that drifting machine load hits both alike.
            for (int rep = 0; rep < args.reps(); rep++) {
                bareRates[rep] = timed(() -> bare.run(texts, batch), count);
                operatorRates[rep] = timed(() -> operator.run(texts), count);
            }
        }
        double op = median(operatorRates), ba = median(bareRates);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("model", model);
        run.put("threads", threads);
        run.put("text", textKind);
        run.put("batch", batch);
        run.put("operator_per_s", round(op));
        run.put("bare_per_s", round(ba));
        run.put("operator_to_bare", Math.round(op / ba * 1000) / 1000.0);
        run.put("texts_per_rep", count);
        run.put("provider", provider.name().toLowerCase());
        runs.add(run);
        System.out.printf("  %-4s threads=%d %-6s batch=%-3d operator %8.1f/s  bare %8.1f/s  ratio %.3f  (%d texts x %d)%n",
                model, threads, textKind, batch, op, ba, op / ba, count, args.reps());
    }

    private static List<String> texts(String kind, int count, long seed) {
        return switch (kind) {
            case "short" -> BenchTexts.shortTexts(count, seed);
            case "medium" -> BenchTexts.mediumTexts(count, seed);
            default -> throw new IllegalArgumentException("text kind short or medium, not " + kind);
        };
    }

    private interface Body {
        void run() throws Exception;
    }

    private static double timed(Body body, int count) throws Exception {
        long start = System.nanoTime();
        body.run();
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private void printTable() {
        System.out.printf("%n| model | threads | text | batch | operator/s | bare/s | operator/bare |%n");
        System.out.printf("|---|---|---|---|---|---|---|%n");
        for (Map<String, Object> r : runs) {
            System.out.printf("| %s | %s | %s | %s | %s | %s | %s |%n", r.get("model"), r.get("threads"),
                    r.get("text"), r.get("batch"), r.get("operator_per_s"), r.get("bare_per_s"),
                    r.get("operator_to_bare"));
        }
    }
}
