package io.streamrec.eval;

import io.streamrec.config.ModelOptions;
import io.streamrec.config.RecommendOptions;
import io.streamrec.encode.SentimentPrototypes;
import io.streamrec.eval.recommenders.CoOccurrenceRecommender;
import io.streamrec.eval.recommenders.DecayedPopularityRecommender;
import io.streamrec.eval.recommenders.JobRecommender;
import io.streamrec.eval.recommenders.ModelUpstream;
import io.streamrec.eval.recommenders.OnlineMatrixFactorisation;
import io.streamrec.eval.recommenders.PopularityRecommender;
import io.streamrec.eval.recommenders.RandomRecommender;
import io.streamrec.eval.recommenders.RecentPopularityRecommender;
import io.streamrec.eval.recommenders.Recommender;
import io.streamrec.eval.recommenders.RecommenderContext;
import io.streamrec.eval.recommenders.RecommenderFactory;
import io.streamrec.eval.recommenders.TextSimilarityRecommender;
import io.streamrec.job.Settings;
import io.streamrec.recommenders.BaselineRecommender;
import io.streamrec.recommenders.ModelRecommender;
import io.streamrec.text.EncoderSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The recommenders the evaluation knows, by name. */
public final class RecommenderRegistry {
    private final Map<String, RecommenderFactory> factories = new LinkedHashMap<>();

    /** The job's recommenders first, then the baselines. */
    public static RecommenderRegistry standard() {
        RecommenderRegistry registry = new RecommenderRegistry();

        // ── The job's recommenders, their cores driven directly (one subtask's state, without Flink). Every recommender gets the replay's list
        // rules: no item the user has touched, taken out before the top-N (exclude-seen over the whole history),
        // and no diversity cap; the product's diversity default is the row model-diverse. ──────────────────
        registry.register("model", ctx -> model("model", ctx, Map.of(ModelOptions.MAX_PER_CATEGORY.key(), "0")));
        registry.register("model-diverse", ctx -> model("model-diverse", ctx, Map.of()));
        // The same model frozen at its start (the prior weights): what online learning adds.
        registry.register("model-frozen", ctx -> model("model-frozen", ctx, Map.of(
                ModelOptions.MAX_PER_CATEGORY.key(), "0", ModelOptions.LEARNING_ENABLED.key(), "false")));
        registry.register("baseline", ctx -> JobRecommender.open("baseline",
                config -> new BaselineRecommender(Settings.recommender(config), 0, 1),
                JobRecommender.CATALOGUE_UPDATES, ctx.jobOptionsOver(REPLAY_LIST_RULES), ctx.maxCandidates()));

        // ── Baselines of this module. ────────────────────────────────────────────────────────────────────
        registry.register("popularity", ctx -> new PopularityRecommender());
        registry.register("recent-popularity", ctx -> new RecentPopularityRecommender(ctx.recentWindow()));
        registry.register("decayed-popularity", ctx -> new DecayedPopularityRecommender(ctx.popularityHalfLife()));
        registry.register("cooccurrence", ctx -> new CoOccurrenceRecommender(ctx.coOccurrenceWindow()));
        registry.register("online-mf", ctx -> new OnlineMatrixFactorisation(ctx.onlineMf(), ctx.seed()));
        registry.register("text", ctx -> new TextSimilarityRecommender(ctx.textEncoder().get()));
        registry.register("random", ctx -> new RandomRecommender(ctx.seed()));
        return registry;
    }

    /** The replay's exclusion, as job options: every item the user touched, however long ago. */
    private static final Map<String, String> REPLAY_LIST_RULES = Map.of(
            RecommendOptions.EXCLUDE_SEEN.key(), "true", RecommendOptions.HISTORY_MAX_LENGTH.key(), "100000");

    private static Recommender model(String name, RecommenderContext ctx, Map<String, String> variant) throws Exception {
        Map<String, String> defaults = new HashMap<>(REPLAY_LIST_RULES);
        // A replay shows its recommendations to nobody: only sampled negatives are true labels.
        defaults.put(ModelOptions.SHOWN_NEGATIVES.key(), "false");
        defaults.putAll(variant);
        return JobRecommender.open(name,
                config -> new ModelRecommender(Settings.model(config),
                        SentimentPrototypes.classifier(EncoderSettings.fromConfiguration(config)), 0, 1),
                new ModelUpstream(ctx.textEncoder().get()), ctx.jobOptionsOver(defaults), ctx.maxCandidates());
    }

    public RecommenderRegistry register(String name, RecommenderFactory factory) {
        if (factories.putIfAbsent(name, factory) != null) {
            throw new IllegalArgumentException("recommender '" + name + "' is registered twice");
        }
        return this;
    }

    public List<String> names() {
        return List.copyOf(factories.keySet());
    }

    /** Checks {@code names} before anything is opened, so a typo fails in a second, not after a build-up. */
    public void requireKnown(List<String> names) {
        List<String> unknown = names.stream().filter(n -> !factories.containsKey(n)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown recommender(s) " + unknown + "; choose from: "
                    + String.join(", ", factories.keySet()));
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no recommenders given; choose from: " + String.join(", ", factories.keySet()));
        }
    }

    /** Opens the named recommenders, in order; closes those already opened if one fails. */
    public List<Recommender> open(List<String> names, RecommenderContext context) throws Exception {
        requireKnown(names);
        List<Recommender> opened = new ArrayList<>();
        try {
            for (String name : names) {
                opened.add(factories.get(name).create(context));
            }
            return opened;
        } catch (Exception | Error e) {
            for (Recommender r : opened) {
                try {
                    r.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }
}
