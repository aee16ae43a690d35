package io.streamrec.bench.sentiment;

import static io.streamrec.bench.BenchJson.object;
import static io.streamrec.bench.BenchJson.round;

import io.streamrec.bench.BenchJson;
import io.streamrec.bench.sentiment.AmazonReviews.Review;
import io.streamrec.local.CommandLines;
import io.streamrec.local.HelpOption;
import io.streamrec.state.SentimentClassifier;
import io.streamrec.text.EncoderSettings;
import io.streamrec.text.model.ModelDirectoryResolver;
import io.streamrec.text.runtime.EncoderRegistry;
import io.streamrec.text.runtime.Lease;
import io.streamrec.text.runtime.SentenceEncoder;
import io.streamrec.text.runtime.SessionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Accuracy of review sentiment from text on labelled Amazon reviews (Ni, Li, McAuley, EMNLP 2019; research
 * use): positive 4-5 stars, negative 1-2 stars, 3 left out, exact duplicates (same user, item, time, text)
 * removed. Texts ("summary. reviewText") are encoded with the job's encoder (default settings: the int8
 * model); a stratified split with a fixed seed gives a tuning half and a held-out half. On the held-out half:
 * the majority class, the zero-shot {@link SentimentClassifier} as the job builds it (threshold 0), the same
 * with its threshold tuned on the tuning half for balanced accuracy, and a class-weighted logistic regression
 * on the vectors trained on the tuning half (for comparison; the job does not ship it).
 *
 * <p>Writes {@code DIR/sentiment.json}. Options: {@code --help}.
 */
@Command(name = "bench.sh sentiment", showDefaultValues = true,
        description = "Review sentiment accuracy on labelled reviews; writes DIR/sentiment.json.")
public final class SentimentBenchmark implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Option(names = "--dataset", paramLabel = "DIR", defaultValue = "../shared/datasets/amazon-all-beauty-5core",
            description = "Amazon reviews (JSON lines) with star ratings.")
    Path dataset;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/bench", description = "Where sentiment.json goes.")
    Path out;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "A random sample of N labelled reviews (seed 1); 0 = all.")
    int limit;

    public static void main(String[] args) {
        System.exit(CommandLines.execute(new SentimentBenchmark(), args));
    }

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);

        int[] counts = new int[3]; // rows, duplicates, neutral
        List<Review> reviews = AmazonReviews.read(dataset, counts);
        if (limit > 0 && reviews.size() > limit) {
            Collections.shuffle(reviews, new Random(1));
            reviews = new ArrayList<>(reviews.subList(0, limit));
        }
        long positives = reviews.stream().filter(Review::positive).count();
        System.out.printf(Locale.ROOT, "%d rows, %d duplicates removed, %d three-star left out: %d positive, %d negative%n",
                counts[0], counts[1], counts[2], positives, reviews.size() - positives);

        EncoderSettings settings = EncoderSettings.defaults();
        SessionSpec spec = SessionSpec.of(ModelDirectoryResolver.resolve(settings), settings, 0);
        float[][] vectors;
        float[][] pos;
        float[][] neg;
        long started = System.nanoTime();
        try (Lease<SentenceEncoder> encoder = EncoderRegistry.encoder(spec)) {
            pos = encoder.get().encodeTexts(SentimentClassifier.POSITIVE, 8);
            neg = encoder.get().encodeTexts(SentimentClassifier.NEGATIVE, 8);
            vectors = encoder.get().encodeTexts(reviews.stream().map(Review::text).toList(), 32);
        }
        double encodeS = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "encoded %d texts with %s in %.1f s%n", reviews.size(), spec, encodeS);

        // Stratified split, fixed seed: half for tuning/training, half held out.
        List<Integer> tune = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        for (boolean label : new boolean[] {true, false}) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < reviews.size(); i++) {
                if (reviews.get(i).positive() == label) {
                    idx.add(i);
                }
            }
            Collections.shuffle(idx, new Random(42));
            tune.addAll(idx.subList(0, idx.size() / 2));
            held.addAll(idx.subList(idx.size() / 2, idx.size()));
        }
        boolean[] labels = new boolean[reviews.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = reviews.get(i).positive();
        }

        SentimentClassifier zeroShot = SentimentClassifier.fromPrototypes(pos, neg);
        float[] pc = centroid(pos);
        float[] nc = centroid(neg);
        double[] margin = new double[reviews.size()];
        for (int i = 0; i < margin.length; i++) {
            margin[i] = cosine(vectors[i], pc) - cosine(vectors[i], nc);
        }
        // Threshold with the best balanced accuracy on the tuning half.
        double bestT = 0;
        double bestBa = -1;
        for (int i : tune) {
            double t = margin[i] - 1e-6;
            double ba = ClassifierMetrics.of(tune, labels, margin, t).balancedAccuracy;
            if (ba > bestBa) {
                bestBa = ba;
                bestT = t;
            }
        }
        SentimentClassifier tuned = zeroShot.withThreshold((float) bestT);

        double[] lr = LogisticRegression.fitAndScore(vectors, labels, tune);

        double[] shipped = new double[reviews.size()];
        double[] tunedScore = new double[reviews.size()];
        for (int i = 0; i < reviews.size(); i++) {
            shipped[i] = zeroShot.score(vectors[i]);
            tunedScore[i] = tuned.score(vectors[i]);
        }
        double[] majority = new double[reviews.size()];
        Arrays.fill(majority, 1.0);

        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("majority class (always positive)", ClassifierMetrics.of(held, labels, majority, 0), null));
        ClassifierMetrics zs = ClassifierMetrics.of(held, labels, shipped, 0);
        zs.auc = ClassifierMetrics.auc(held, labels, margin);
        rows.add(row("zero-shot prototypes, threshold 0 (as shipped)", zs, 0.0));
        ClassifierMetrics zt = ClassifierMetrics.of(held, labels, tunedScore, 0);
        zt.auc = ClassifierMetrics.auc(held, labels, margin);
        rows.add(row("zero-shot prototypes, threshold tuned on the tuning half", zt, bestT));
        rows.add(row("logistic regression on the 384-d vectors (tuning half; not shipped)",
                ClassifierMetrics.of(held, labels, lr, 0.5), 0.5));

        long heldPos = held.stream().filter(i -> labels[i]).count();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", "sentiment");
        json.put("date", Instant.now().toString());
        json.put("dataset", dataset.getFileName().toString());
        json.put("rows", counts[0]);
        json.put("duplicates_removed", counts[1]);
        json.put("three_star_excluded", counts[2]);
        json.put("labelled", object("positive", positives, "negative", reviews.size() - positives));
        json.put("held_out", object("positive", heldPos, "negative", held.size() - heldPos));
        json.put("encoder", spec.toString().replace("\"", "'"));
        json.put("encode_seconds", round(encodeS, 1));
        json.put("methods", rows);
        String text = BenchJson.write(json);
        Files.writeString(out.resolve("sentiment.json"), text);
        System.out.print(text);
        return 0;
    }

    private static float[] centroid(float[][] vectors) {
        float[] sum = new float[vectors[0].length];
        for (float[] v : vectors) {
            for (int d = 0; d < v.length; d++) {
                sum[d] += v[d];
            }
        }
        return sum;
    }

    private static double cosine(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int d = 0; d < a.length; d++) {
            ab += a[d] * b[d];
            aa += a[d] * a[d];
            bb += b[d] * b[d];
        }
        return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
    }

    private static Map<String, Object> row(String method, ClassifierMetrics m, Double threshold) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("method", method);
        row.put("accuracy", round(m.accuracy, 4));
        row.put("balanced_accuracy", round(m.balancedAccuracy, 4));
        row.put("roc_auc", round(m.auc, 4));
        row.put("recall_positive", round(m.recallPositive, 4));
        row.put("recall_negative", round(m.recallNegative, 4));
        if (threshold != null) {
            row.put("threshold", round(threshold, 4));
        }
        return row;
    }
}
