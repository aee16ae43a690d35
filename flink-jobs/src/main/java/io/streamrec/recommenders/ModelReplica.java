package io.streamrec.recommenders;

import io.streamrec.avro.ModelUpdate;
import io.streamrec.learning.FeedbackLabeler;
import io.streamrec.learning.GradientBuffer;
import io.streamrec.learning.ItemBiases;
import io.streamrec.learning.ModelState;
import io.streamrec.learning.ModelUpdates;
import io.streamrec.ranking.CandidateSource;
import io.streamrec.ranking.Feature;
import io.streamrec.ranking.FeatureExtractor;
import io.streamrec.ranking.ItemOffsets;
import io.streamrec.ranking.ModelRanker;
import io.streamrec.retrieval.ExactIndex;
import io.streamrec.retrieval.HnswIndex;
import io.streamrec.retrieval.IndexKind;
import io.streamrec.retrieval.SwitchingIndex;
import io.streamrec.retrieval.VectorIndex;
import io.streamrec.state.ItemStats;
import io.streamrec.state.ItemVector;
import io.streamrec.state.MapView;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subtask's working copy of what the broadcast side carries: the item index over the item vectors and
 * the ranker's parameters. Both are broadcast state (so they are checkpointed and every replica holds the
 * same); the index is rebuilt from it once after a (re)start, and the parameters change only by applying
 * the model-updates topic in its order, so every replica has the same model and version.
 */
final class ModelReplica {
    private static final Logger LOG = LoggerFactory.getLogger(ModelReplica.class);
    private static final String MODEL_KEY = GradientBuffer.MODEL_NAME;

    private final ModelSettings settings;
    private final ItemStats stats;
    /** Exact, approximate, or exact switching to approximate above a size ({@code ranking.index}). */
    private VectorIndex index;
    private ModelState model;
    /** The prior weights of the model's size, for the serving gate. */
    private float[] priorWeights;
    private boolean loaded;
    private ModelRanker ranker;
    private FeedbackLabeler labeler;
    /** Changes to the item index so far, so cached retrievals of an older index are not used. */
    private long indexVersion;
    private CandidateSource.Recorder poolRecorder;

    ModelReplica(ModelSettings settings, ItemStats stats) {
        this.settings = settings;
        this.stats = stats;
    }

    /** Whether there is a model and an index to rank with (both come with the first item that has a vector). */
    boolean ready() {
        return model != null && index != null;
    }

    VectorIndex index() {
        return index;
    }

    /** The ranker's parameters; null before the first item or update. */
    ModelState model() {
        return model;
    }

    /** The weights that serve: the learned ones unless the serving gate holds them back. */
    float[] servingWeights() {
        return !gated() || model.gate().servesLearned() ? model.weights : priorWeights();
    }

    /** The weights the gate compares with the serving ones; null without a gate. */
    float[] shadowWeights() {
        if (!gated()) {
            return null;
        }
        return model.gate().servesLearned() ? priorWeights() : model.weights;
    }

    /** The item offsets learnt beside the weights, in {@code values} (broadcast state). */
    ItemBiases biases(MapView<float[]> values) {
        return new ItemBiases(values, settings.itemBiasLearningRate, settings.l2);
    }

    /** The item offsets that go with {@link #servingWeights}: none when the prior weights serve. */
    ItemOffsets servingOffsets(MapView<float[]> values) {
        return !gated() || model.gate().servesLearned() ? biases(values) : ItemOffsets.NONE;
    }

    /** The item offsets that go with {@link #shadowWeights}. */
    ItemOffsets shadowOffsets(MapView<float[]> values) {
        return gated() && !model.gate().servesLearned() ? biases(values) : ItemOffsets.NONE;
    }

    /** Whether the serving gate runs: it needs a model that learns (a frozen one is its own prior). */
    boolean gated() {
        return settings.gateHalfLife > 0 && settings.applyUpdates && settings.learningEnabled && model != null;
    }

    private float[] priorWeights() {
        if (priorWeights == null || priorWeights.length != model.size()) {
            priorWeights = model.priorWeights();
        }
        return priorWeights;
    }

    long version() {
        return model == null ? 0L : model.version;
    }

    /** Tells {@code recorder} every pool's candidates and their sources (diagnostics; null: nobody). */
    void recordPools(CandidateSource.Recorder recorder) {
        this.poolRecorder = recorder;
        if (ranker != null) {
            ranker.recordPools(recorder);
        }
    }

    ModelRanker ranker() {
        return ranker;
    }

    FeedbackLabeler labeler() {
        return labeler;
    }

    long indexVersion() {
        return indexVersion;
    }

    /**
     * Rebuilds the in-memory index and takes the model from broadcast state, once after (re)start; true
     * when this call did it.
     */
    boolean loadOnce(MapView<ItemVector> items, MapView<ModelState> models) {
        if (loaded) {
            return false;
        }
        loaded = true;
        model = models.get(MODEL_KEY);
        for (Map.Entry<String, ItemVector> e : items.entries()) {
            float[] text = e.getValue().text;
            if (text != null && ensureIndex(text.length)) {
                index.put(e.getKey(), text);
                indexVersion++;
            }
        }
        return true;
    }

    int indexSize() {
        return index == null ? 0 : index.size();
    }

    /** Applies an item, a removal or a model update to the broadcast state and to this copy. */
    void apply(ModelInput input, MapView<ItemVector> items, MapView<ModelState> models, MapView<float[]> itemBiases,
            long now, ModelGauges metrics) {
        if (input.item != null) {
            ItemVector current = items.get(input.item.itemId);
            if (current != null && current.updatedAt > input.item.updatedAt) {
                return; // an older version arriving late
            }
            if (model == null && input.item.text != null) {
                model = ModelState.prior(input.item.text.length);
                models.put(MODEL_KEY, model);
            }
            items.put(input.item.itemId, input.item);
            if (input.item.text != null && ensureIndex(input.item.text.length)) {
                index.put(input.item.itemId, input.item.text);
                indexVersion++;
            }
        } else if (input.removedItemId != null) {
            items.remove(input.removedItemId);
            itemBiases.remove(input.removedItemId); // its offset goes with it; back in the catalogue it starts at 0
            if (index != null) {
                index.remove(input.removedItemId);
                indexVersion++;
            }
        } else if (input.update != null && settings.applyUpdates) {
            applyUpdate(input.update, biases(itemBiases), now, metrics);
            models.put(MODEL_KEY, model);
        }
    }

    private void applyUpdate(ModelUpdate update, ItemBiases biases, long now, ModelGauges metrics) {
        if (model == null) {
            model = ModelState.prior(update.getGradient().size() - Feature.COUNT);
        }
        boolean learnedServed = model.gate().servesLearned();
        double norm = ModelUpdates.apply(model, biases, update, settings.learningRate, settings.l2, settings.gateHalfLife);
        if (gated() && model.gate().servesLearned() != learnedServed) {
            LOG.info("Serving gate: the {} weights serve from model version {}: of the last {} takes (decayed), "
                            + "{} were in the learned weights' lists and {} in the prior's",
                    learnedServed ? "prior" : "learned", model.version, String.format("%.0f", model.gate().takes),
                    String.format("%.1f", model.gate().learnedHits), String.format("%.1f", model.gate().priorHits));
        }
        if (!Double.isNaN(norm)) {
            metrics.gradientNorm = norm;
            metrics.stalenessMillis = Math.max(0, now - update.getOldestFeedbackAt().toEpochMilli());
        }
    }

    /**
     * Creates the index for vectors of {@code dimension} on the first vector (the encoder decides the
     * dimension); false for a vector that does not fit the index.
     */
    private boolean ensureIndex(int dimension) {
        if (index == null || (index.size() == 0 && index.dimension() != dimension)) {
            index = newIndex(dimension);
            ranker = new ModelRanker(index, stats, settings.exploration, settings.coOccurringCandidates,
                    new FeatureExtractor(stats, settings.coOccurrenceRecencyExponent,
                            (float) settings.coOccurrenceTransitions));
            ranker.recordPools(poolRecorder);
            labeler = new FeedbackLabeler(ranker.features(), settings.sampledNegatives, settings.shownNegatives,
                    settings.popularNegatives);
        }
        return index.dimension() == dimension;
    }

    /** With HNSW always on, no exact matrix is kept: the graph and the broadcast vectors are all there is. */
    private VectorIndex newIndex(int dimension) {
        if (settings.index != IndexKind.HNSW) {
            return new ExactIndex(dimension);
        }
        HnswIndex graph = new HnswIndex(dimension, HnswIndex.DEFAULT_MAX_DEGREE, HnswIndex.DEFAULT_BUILD_BEAM,
                settings.searchBeam);
        return settings.approximateAbove <= 0 ? graph
                : new SwitchingIndex(new ExactIndex(dimension), graph, settings.approximateAbove);
    }
}
