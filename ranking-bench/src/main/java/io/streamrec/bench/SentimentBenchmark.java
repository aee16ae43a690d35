package io.streamrec.bench;

import io.streamrec.ranking.SentimentClassifier;
import io.streamrec.text.EncoderSettings;
import io.streamrec.text.model.ModelDirectoryResolver;
import io.streamrec.text.runtime.EncoderRegistry;
import io.streamrec.text.runtime.Lease;
import io.streamrec.text.runtime.SentenceEncoder;
import io.streamrec.text.runtime.SessionSpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Accuracy of review sentiment from text on labelled Amazon reviews (Ni, Li, McAuley, EMNLP 2019; research
 * use): positive 4-5 stars, negative 1-2 stars, 3 left out, exact duplicates (same user, item, time, text)
 * removed. Texts ("summary. reviewText") are encoded with the job's encoder (default settings: the int8
 * model); a stratified split with a fixed seed gives a tuning half and a held-out half. On the held-out half:
 * the majority class, the zero-shot {@link SentimentClassifier} as the job builds it (threshold 0), the same
 * with its threshold tuned on the tuning half for balanced accuracy, and a class-weighted logistic regression
 * on the vectors trained on the tuning half (for comparison; the job does not ship it).
 *
 * <p>Usage: {@code SentimentBenchmark --dataset DIR [--out DIR] [--limit N]}. Writes {@code DIR/sentiment.json}.
 */
public final class SentimentBenchmark {
    private SentimentBenchmark() {}

    record Review(String text, boolean positive) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = RankingBenchmark.parse(args);
        Path dataset = Path.of(a.getOrDefault("dataset", "../shared/datasets/amazon-all-beauty-5core"));
        Path out = Path.of(a.getOrDefault("out", "target/bench"));
        int limit = Integer.parseInt(a.getOrDefault("limit", "0"));
        Files.createDirectories(out);

        int[] counts = new int[3]; // rows, duplicates, neutral
        List<Review> reviews = read(dataset, counts);
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
            double ba = metrics(tune, labels, margin, t).balancedAccuracy;
            if (ba > bestBa) {
                bestBa = ba;
                bestT = t;
            }
        }
        SentimentClassifier tuned = zeroShot.withThreshold((float) bestT);

        double[] lr = logisticRegression(vectors, labels, tune);

        double[] shipped = new double[reviews.size()];
        double[] tunedScore = new double[reviews.size()];
        for (int i = 0; i < reviews.size(); i++) {
            shipped[i] = zeroShot.score(vectors[i]);
            tunedScore[i] = tuned.score(vectors[i]);
        }
        double[] majority = new double[reviews.size()];
        Arrays.fill(majority, 1.0);

        List<String> rows = new ArrayList<>();
        rows.add(row("majority class (always positive)", metrics(held, labels, majority, 0), null));
        Metrics zs = metrics(held, labels, shipped, 0);
        zs.auc = auc(held, labels, margin);
        rows.add(row("zero-shot prototypes, threshold 0 (as shipped)", zs, 0.0));
        Metrics zt = metrics(held, labels, tunedScore, 0);
        zt.auc = auc(held, labels, margin);
        rows.add(row("zero-shot prototypes, threshold tuned on the tuning half", zt, bestT));
        rows.add(row("logistic regression on the 384-d vectors (tuning half; not shipped)",
                metrics(held, labels, lr, 0.5), 0.5));

        long heldPos = held.stream().filter(i -> labels[i]).count();
        String json = "{\n  \"benchmark\": \"sentiment\",\n  \"date\": \"" + Instant.now() + "\",\n"
                + "  \"dataset\": \"" + dataset.getFileName() + "\",\n"
                + String.format(Locale.ROOT, "  \"rows\": %d, \"duplicates_removed\": %d, \"three_star_excluded\": %d,%n",
                        counts[0], counts[1], counts[2])
                + String.format(Locale.ROOT, "  \"labelled\": {\"positive\": %d, \"negative\": %d},%n",
                        positives, reviews.size() - positives)
                + String.format(Locale.ROOT, "  \"held_out\": {\"positive\": %d, \"negative\": %d},%n",
                        heldPos, held.size() - heldPos)
                + "  \"encoder\": \"" + spec.toString().replace("\"", "'") + "\",\n"
                + String.format(Locale.ROOT, "  \"encode_seconds\": %.1f,%n", encodeS)
                + "  \"methods\": [\n" + String.join(",\n", rows) + "\n  ]\n}\n";
        Files.writeString(out.resolve("sentiment.json"), json);
        System.out.print(json);
    }

    static List<Review> read(Path dir, int[] counts) throws Exception {
        Path file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.filter(p -> p.toString().endsWith(".json.gz")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no *.json.gz in " + dir));
        }
        ObjectMapper json = new ObjectMapper();
        Set<String> seen = new HashSet<>();
        List<Review> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                counts[0]++;
                JsonNode n = json.readTree(line);
                String text = n.path("reviewText").asText("");
                String summary = n.path("summary").asText("");
                String key = n.path("reviewerID").asText() + '\u0001' + n.path("asin").asText() + '\u0001'
                        + n.path("unixReviewTime").asLong() + '\u0001' + text;
                if (!seen.add(key)) {
                    counts[1]++;
                    continue;
                }
                double stars = n.path("overall").asDouble();
                if (stars == 3.0) {
                    counts[2]++;
                    continue;
                }
                String both = summary.isBlank() ? text : summary + ". " + text;
                if (both.isBlank()) {
                    continue;
                }
                out.add(new Review(both, stars >= 4.0));
            }
        }
        return out;
    }

    static final class Metrics {
        double accuracy;
        double balancedAccuracy;
        double auc;
        double recallPositive;
        double recallNegative;
    }

    static Metrics metrics(List<Integer> idx, boolean[] labels, double[] score, double threshold) {
        int tp = 0;
        int tn = 0;
        int p = 0;
        int n = 0;
        for (int i : idx) {
            boolean predicted = score[i] > threshold;
            if (labels[i]) {
                p++;
                tp += predicted ? 1 : 0;
            } else {
                n++;
                tn += predicted ? 0 : 1;
            }
        }
        Metrics m = new Metrics();
        m.accuracy = (tp + tn) / (double) (p + n);
        m.recallPositive = p == 0 ? 0 : tp / (double) p;
        m.recallNegative = n == 0 ? 0 : tn / (double) n;
        m.balancedAccuracy = (m.recallPositive + m.recallNegative) / 2;
        m.auc = auc(idx, labels, score);
        return m;
    }

    /** ROC-AUC: the probability that a random positive scores above a random negative (ties count half). */
    static double auc(List<Integer> idx, boolean[] labels, double[] score) {
        double sum = 0;
        long pairs = 0;
        for (int i : idx) {
            if (!labels[i]) {
                continue;
            }
            for (int j : idx) {
                if (labels[j]) {
                    continue;
                }
                sum += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
                pairs++;
            }
        }
        return pairs == 0 ? Double.NaN : sum / pairs;
    }

    /** Class-weighted logistic regression with L2, full-batch gradient descent; returns P(positive) for all. */
    static double[] logisticRegression(float[][] x, boolean[] y, List<Integer> train) {
        int dim = x[0].length;
        double[] w = new double[dim + 1];
        long pos = train.stream().filter(i -> y[i]).count();
        double wPos = train.size() / (2.0 * pos);
        double wNeg = train.size() / (2.0 * (train.size() - pos));
        double l2 = 1e-3;
        double rate = 2.0;
        for (int iter = 0; iter < 400; iter++) {
            double[] g = new double[dim + 1];
            for (int i : train) {
                double p = sigmoid(dot(w, x[i]));
                double err = (p - (y[i] ? 1 : 0)) * (y[i] ? wPos : wNeg);
                for (int d = 0; d < dim; d++) {
                    g[d] += err * x[i][d];
                }
                g[dim] += err;
            }
            for (int d = 0; d <= dim; d++) {
                w[d] -= rate * (g[d] / train.size() + (d < dim ? l2 * w[d] : 0));
            }
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = sigmoid(dot(w, x[i]));
        }
        return out;
    }

    private static double dot(double[] w, float[] v) {
        double s = w[v.length];
        for (int d = 0; d < v.length; d++) {
            s += w[d] * v[d];
        }
        return s;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
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

    private static String row(String method, Metrics m, Double threshold) {
        return String.format(Locale.ROOT, "    {\"method\": \"%s\", \"accuracy\": %.4f, \"balanced_accuracy\": %.4f, "
                + "\"roc_auc\": %.4f, \"recall_positive\": %.4f, \"recall_negative\": %.4f%s}", method, m.accuracy,
                m.balancedAccuracy, m.auc, m.recallPositive, m.recallNegative,
                threshold == null ? "" : String.format(Locale.ROOT, ", \"threshold\": %.4f", threshold));
    }
}
