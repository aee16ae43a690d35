package io.streamrec.eval.recommenders;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Item;
import io.streamrec.avro.ModelUpdate;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.UserEvent;
import io.streamrec.config.JobConfig;
import io.streamrec.events.ItemUpdate;
import io.streamrec.events.SourcedEvent;
import io.streamrec.learning.ServingGate;
import io.streamrec.ranking.CandidateSource;
import io.streamrec.recommenders.LiveQuality;
import io.streamrec.recommenders.ModelRecommender;
import io.streamrec.recommenders.RecommenderRunner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.flink.configuration.Configuration;

/**
 * One of the job's recommenders, its core driven directly ({@link RecommenderRunner}): the same logic and
 * the same per-user, broadcast and per-subtask state as one subtask of the job, without Flink, Kafka or a
 * cluster. A list asked for is the recommender's answer for the user at that time, changing no state.
 *
 * @param <B> the recommender's broadcast input (catalogue changes; for the model also its updates)
 */
public final class JobRecommender<B> implements Recommender {
    /** Builds one of the job's recommenders from the job's options. */
    public interface Factory<B> {
        io.streamrec.recommenders.Recommender<?, B> create(Configuration config) throws Exception;
    }

    /** What the job does around a recommender that the replay must do as well. */
    public interface Upstream<B> {
        /** The broadcast inputs for items entering the catalogue (one batch, so text can be encoded in batches). */
        List<B> items(List<Item> items);

        /** The event as the recommender receives it, e.g. with its text vector. */
        default SourcedEvent event(SourcedEvent event) {
            return event;
        }

        /** The broadcast input for an update the recommender published (the job's model-updates topic); null: none. */
        default Function<ModelUpdate, B> feedback() {
            return null;
        }
    }

    /** The baseline's upstream: catalogue changes as they are. */
    public static final Upstream<ItemUpdate> CATALOGUE_UPDATES =
            items -> items.stream().map(item -> new ItemUpdate(item.getItemId(), item)).toList();

    private final String name;
    private final RecommenderRunner<?, B> runner;
    private final Upstream<B> upstream;
    private long offset;
    private long probes;
    /** The candidates of the last list's pool and their sources, for a recommender that has a pool; else null. */
    private Map<String, Set<String>> lastPool;

    private JobRecommender(String name, RecommenderRunner<?, B> runner, Upstream<B> upstream) {
        this.name = name;
        this.runner = runner;
        this.upstream = upstream;
    }

    /**
     * Builds the recommender that {@code factory} makes from the job options {@code options}, on top of the
     * evaluation's: a recommendation on every event (as the brief of the replay needs) and lists
     * {@code maxCandidates} long, so the replay can drop the user's seen items and still fill its depth.
     */
    public static <B> JobRecommender<B> open(String name, Factory<B> factory, Upstream<B> upstream,
            Map<String, String> options, int maxCandidates) throws Exception {
        Map<String, String> merged = new HashMap<>();
        merged.put("recommend.min-interval", "0 ms");
        merged.put("recommend.top-n", Integer.toString(maxCandidates));
        merged.putAll(options);
        Configuration config = JobConfig.fromMap(merged);
        var core = factory.create(config);
        JobRecommender<B> recommender =
                new JobRecommender<>(name, new RecommenderRunner<>(core, upstream.feedback()), upstream);
        if (core instanceof ModelRecommender model) {
            recommender.lastPool = new HashMap<>();
            Map<String, Set<String>> pool = recommender.lastPool;
            model.recordPools((item, source) -> pool.computeIfAbsent(item, k -> new TreeSet<>()).add(sourceName(source)));
        }
        return recommender;
    }

    /** The name of a candidate source in reports: {@code text-nearest}, {@code co-occurring}, {@code trending}. */
    static String sourceName(CandidateSource source) {
        return source.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public Set<String> candidateSourcesOf(String itemId) {
        if (lastPool == null) {
            return null;
        }
        return lastPool.getOrDefault(itemId, Set.of());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void addItems(List<Item> items) {
        List<B> inputs = upstream.items(items);
        for (int i = 0; i < inputs.size(); i++) {
            runner.broadcast(inputs.get(i), items.get(i).getUpdatedAt().toEpochMilli());
        }
    }

    @Override
    public List<String> recommend(String userId, long eventTimeMillis, int howMany) {
        // The request names no item: a recommender excludes the triggering item, which here is the one predicted.
        UserEvent request = UserEvent.newBuilder()
                .setEventId("eval-probe-" + probes++)
                .setUserId(userId)
                .setType(EventType.VIEW)
                .setItemId(null)
                .setEventTime(Instant.ofEpochMilli(eventTimeMillis))
                .build();
        if (lastPool != null) {
            lastPool.clear();
        }
        Recommendation served = runner.recommend(request, eventTimeMillis, eventTimeMillis);
        List<RecommendedItem> items = served.getItems();
        List<String> ids = new ArrayList<>(Math.min(howMany, items.size()));
        for (int i = 0; i < items.size() && ids.size() < howMany; i++) {
            ids.add(items.get(i).getItemId());
        }
        return ids;
    }

    /**
     * What the job's own live-quality metrics would show at the end of the replay and, for the model, which
     * weights the serving gate let serve and the hit rates it compared.
     */
    @Override
    public void close() {
        LiveQuality quality = runner.quality();
        System.err.printf(Locale.ROOT, "[eval] %s: live quality as the job measures it: %d takes scored against the "
                        + "list served before them, hit rate@10 %.4f, MRR %.4f (the last %d takes, decayed)%n",
                name, quality.probes(), quality.hitRate(), quality.mrr(), LiveQuality.MEMORY);
        if (runner.recommender() instanceof ModelRecommender model && model.gate() != null) {
            ServingGate gate = model.gate();
            System.err.printf(Locale.ROOT, "[eval] %s: serving gate at the end: the %s weights serve; of the last %.0f "
                            + "takes (decayed), %.4f were in the learned weights' top 10 and %.4f in the prior's%n",
                    name, gate.servesLearned() ? "learned" : "prior", gate.takes, gate.learnedHitRate(),
                    gate.priorHitRate());
        }
    }

    @Override
    public void observe(UserEvent event) {
        long time = event.getEventTime().toEpochMilli();
        runner.event(upstream.event(new SourcedEvent(event, "replay", 0, offset++)), time);
    }
}
