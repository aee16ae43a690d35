package io.streamrec.eval.recommenders;

import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Incremental matrix factorisation learnt online from positive-only feedback (the ISGD / BPR family of the
 * prequential literature): every interaction is one pass of pairwise (BPR) stochastic gradient steps, the
 * item taken against {@link Settings#negatives} items sampled uniformly from those seen so far and not yet
 * touched by the user. A user's list is the items by {@code p_u · q_i + b_i} over all items seen so far, so
 * an item nobody has touched yet cannot be recommended: it reads no text.
 */
public final class OnlineMatrixFactorisation implements Recommender {
    /**
     * @param factors dimension of the user and item vectors
     * @param learningRate step size of the gradient steps
     * @param regularisation L2 penalty on the vectors and biases touched by a step
     * @param negatives sampled items each interaction is contrasted with
     */
    public record Settings(int factors, double learningRate, double regularisation, int negatives) {
        /** Chosen on the tuning slice of ml-latest-small (docs/evaluation.md). */
        public static Settings defaults() {
            return new Settings(64, 0.05, 0.01, 64);
        }

        public Settings {
            if (factors < 1 || negatives < 1 || !(learningRate > 0) || !(regularisation >= 0)) {
                throw new IllegalArgumentException("online MF needs factors >= 1, negatives >= 1, a positive learning"
                        + " rate and a non-negative regularisation; got " + this);
            }
        }
    }

    private static final float INIT_SCALE = 0.1f;

    private final Settings settings;
    private final int k;
    private final ItemIndex index = new ItemIndex();
    /** Item vectors, item {@code i} at {@code [i * k, (i + 1) * k)}. */
    private float[] items;
    private float[] biases = new float[1024];
    private final Map<String, float[]> users = new HashMap<>();
    private final Map<String, Set<Integer>> touched = new HashMap<>();
    private final Random random;
    private final float[] gradient;

    public OnlineMatrixFactorisation(Settings settings, long seed) {
        this.settings = settings;
        this.k = settings.factors();
        this.random = new Random(seed);
        this.gradient = new float[k];
        this.items = new float[biases.length * k];
    }

    @Override
    public String name() {
        return "online-mf";
    }

    @Override
    public void addItems(List<Item> catalogue) {}

    @Override
    public void observe(UserEvent event) {
        if (event.getItemId() == null) {
            return;
        }
        int item = itemIndex(event.getItemId());
        float[] user = users.computeIfAbsent(event.getUserId(), u -> initialVector());
        Set<Integer> mine = touched.computeIfAbsent(event.getUserId(), u -> new HashSet<>());
        mine.add(item);
        if (index.size() < 2) {
            return;
        }
        for (int n = 0; n < settings.negatives(); n++) {
            int negative = random.nextInt(index.size());
            if (negative != item && !mine.contains(negative)) {
                step(user, item, negative);
            }
        }
    }

    /** One BPR step: raise {@code p_u · q_pos + b_pos} over {@code p_u · q_neg + b_neg}. */
    private void step(float[] user, int positive, int negative) {
        int pos = positive * k;
        int neg = negative * k;
        double x = biases[positive] - biases[negative];
        for (int f = 0; f < k; f++) {
            x += user[f] * (items[pos + f] - items[neg + f]);
        }
        float g = (float) (1 / (1 + Math.exp(x))); // sigmoid(-x): how wrong the pair is
        float lr = (float) settings.learningRate();
        float reg = (float) settings.regularisation();
        for (int f = 0; f < k; f++) {
            gradient[f] = g * (items[pos + f] - items[neg + f]) - reg * user[f];
        }
        for (int f = 0; f < k; f++) {
            float u = user[f];
            items[pos + f] += lr * (g * u - reg * items[pos + f]);
            items[neg + f] += lr * (-g * u - reg * items[neg + f]);
            user[f] += lr * gradient[f];
        }
        biases[positive] += lr * (g - reg * biases[positive]);
        biases[negative] += lr * (-g - reg * biases[negative]);
    }

    @Override
    public List<String> recommend(String userId, long eventTimeMillis, int howMany) {
        float[] user = users.get(userId);
        TopK best = new TopK(howMany);
        for (int i = 0; i < index.size(); i++) {
            double score = biases[i];
            if (user != null) {
                int at = i * k;
                for (int f = 0; f < k; f++) {
                    score += user[f] * items[at + f];
                }
            }
            best.offer(i, score);
        }
        List<String> ranked = new ArrayList<>(howMany);
        for (int i : best.best()) {
            ranked.add(index.idOf(i));
        }
        return ranked;
    }

    private int itemIndex(String itemId) {
        int before = index.size();
        int item = index.indexOf(itemId);
        if (item == before) {
            if (item == biases.length) {
                biases = Arrays.copyOf(biases, biases.length * 2);
                items = Arrays.copyOf(items, biases.length * k);
            }
            float[] init = initialVector();
            System.arraycopy(init, 0, items, item * k, k);
        }
        return item;
    }

    private float[] initialVector() {
        float[] v = new float[k];
        for (int f = 0; f < k; f++) {
            v[f] = (float) (random.nextGaussian() * INIT_SCALE);
        }
        return v;
    }
}
