package io.streamrec.recommenders;

import io.streamrec.avro.UserEvent;
import io.streamrec.metrics.MetricNames;
import io.streamrec.metrics.MetricRegistrar;
import io.streamrec.ranking.BaselineRanker;
import io.streamrec.ranking.RecommendationFilter;
import io.streamrec.ranking.ScoredItem;
import io.streamrec.state.ItemInfo;
import io.streamrec.state.ItemStats;
import io.streamrec.state.ItemVector;
import io.streamrec.state.UserProfile;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The baseline recommender beside the model, on a sample of users: for a user in the sample (by a hash of
 * the user id), every request also ranks the list the baseline would serve, from the same item statistics
 * and history the model keeps (both recommenders count them alike), and both lists are scored on the same
 * takes ({@link LiveQuality}). With the guard on, once the model's hit rate has stayed below the baseline's by
 * more than a margin for a while (event time), every user is served the baseline's list, with "baseline" as
 * the record's recommender, until the model's lists have been at least as good for as long. One per subtask:
 * each decides from its own users.
 */
public final class ShadowBaseline {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowBaseline.class);

    /**
     * @param sample share of users (0..1) with a shadow list; 0: none
     * @param guard whether the baseline may take over serving
     * @param margin how far below the baseline's hit rate the model's must be for the guard
     * @param durationMillis how long (event time) it must stay so before the guard switches, either way
     * @param minProbes takes each side must have been scored on before the guard decides anything
     */
    public record Settings(double sample, boolean guard, double margin, long durationMillis, int minProbes)
            implements Serializable {
        public static final Settings OFF = new Settings(0, false, 0, 0, 0);

        public Settings {
            if (!(sample >= 0 && sample <= 1)) {
                throw new IllegalArgumentException("the shadow sample must be a share of users in [0, 1], got " + sample);
            }
            if (guard && sample == 0) {
                throw new IllegalArgumentException("the guard compares the model with its shadow baseline: give it a "
                        + "sample of users above 0");
            }
            if (margin < 0 || durationMillis < 0 || minProbes < 0) {
                throw new IllegalArgumentException("the guard's margin, duration and minimum probes must not be negative");
            }
        }
    }

    private final Settings settings;
    private final BaselineRanker ranker;
    private final LiveQuality model;
    private final LiveQuality baseline;
    private boolean servesBaseline;
    private long worseSince = Long.MIN_VALUE;
    private long recoveredSince = Long.MIN_VALUE;

    ShadowBaseline(Settings settings, ItemStats stats, int coOccurrenceWindow, long qualityWindowMillis) {
        this.settings = settings;
        this.ranker = new BaselineRanker(stats, coOccurrenceWindow);
        this.model = new LiveQuality(qualityWindowMillis);
        this.baseline = new LiveQuality(qualityWindowMillis);
    }

    void register(MetricRegistrar quality) {
        model.register(quality.group(MetricNames.QUALITY_SHADOW_MODEL));
        baseline.register(quality.group(MetricNames.QUALITY_SHADOW_BASELINE));
        quality.gauge(MetricNames.QUALITY_SERVES_BASELINE, () -> servesBaseline ? 1 : 0);
    }

    /** Whether {@code userId} is in the sample. */
    boolean sampled(String userId) {
        if (settings.sample() <= 0) {
            return false;
        }
        // A mixed hash, so ids that differ in their last characters spread evenly.
        long h = userId.hashCode() * 0x9E3779B97F4A7C15L;
        return ((h >>> 40) & 0xFFFF) < settings.sample() * 0x10000;
    }

    /** Whether the guard has the baseline serve every user now. */
    boolean servesBaseline() {
        return servesBaseline;
    }

    /** The baseline's list for a user with {@code profile}, from the model's statistics and items. */
    List<ScoredItem> rank(UserProfile profile, int n, Set<String> excluded, RecommendationFilter filter,
            Function<String, ItemVector> items) {
        return ranker.rank(profile.history, n, excluded, filter, id -> {
            ItemVector v = items.apply(id);
            return v == null ? null : new ItemInfo(v.title, v.category, v.updatedAt);
        });
    }

    /** Scores a take of a sampled user against both of their last lists; then the guard decides. */
    void observe(UserProfile before, UserEvent event) {
        if (before.modelList.length == 0 && before.baselineList.length == 0) {
            return;
        }
        long probes = model.probes();
        model.observe(before.modelList, before.history.servedAt, before.history, event);
        baseline.observe(before.baselineList, before.history.servedAt, before.history, event);
        if (model.probes() > probes && settings.guard()) {
            decide(event.getEventTime().toEpochMilli());
        }
    }

    private void decide(long time) {
        if (model.probes() < settings.minProbes() || baseline.probes() < settings.minProbes()) {
            return;
        }
        boolean worse = model.hitRate() < baseline.hitRate() - settings.margin();
        boolean recovered = model.hitRate() >= baseline.hitRate();
        worseSince = worse ? (worseSince == Long.MIN_VALUE ? time : worseSince) : Long.MIN_VALUE;
        recoveredSince = recovered ? (recoveredSince == Long.MIN_VALUE ? time : recoveredSince) : Long.MIN_VALUE;
        if (!servesBaseline && worse && time - worseSince >= settings.durationMillis()) {
            servesBaseline = true;
            LOG.warn("Guard: the baseline serves every user now; the model's lists held {} of the sampled users' "
                    + "takes against the baseline's {}", String.format("%.4f", model.hitRate()),
                    String.format("%.4f", baseline.hitRate()));
        } else if (servesBaseline && recovered && time - recoveredSince >= settings.durationMillis()) {
            servesBaseline = false;
            LOG.info("Guard: the model serves again; its lists held {} of the sampled users' takes against the "
                    + "baseline's {}", String.format("%.4f", model.hitRate()), String.format("%.4f", baseline.hitRate()));
        }
    }

    /** Live quality of the model's lists for the sampled users (whether or not they were served). */
    public LiveQuality modelQuality() {
        return model;
    }

    /** Live quality of the baseline's lists for the sampled users (whether or not they were served). */
    public LiveQuality baselineQuality() {
        return baseline;
    }
}
