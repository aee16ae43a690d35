package io.streamrec.recommenders;

import io.streamrec.avro.ModelUpdate;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.UserEvent;
import io.streamrec.events.SourcedEvent;
import io.streamrec.state.BroadcastMap;
import io.streamrec.state.BroadcastMaps;
import io.streamrec.state.MapView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a {@link Recommender} in one thread on plain maps, as one subtask of the job would: the offline
 * evaluation and tests drive the recommender core with it, without Flink. Model updates are applied right
 * after the event that produced them (in the job they make a round trip through the model-updates topic,
 * so they arrive a little later there).
 */
public final class RecommenderRunner<U, B> {
    private final Recommender<U, B> recommender;
    private final UserEventStep<U> step;
    private final Function<ModelUpdate, B> feedback;
    private final BroadcastMaps maps = BroadcastMaps.inMemory();
    private final Map<String, U> users = new HashMap<>();
    private List<ModelUpdate> published;

    /** @param feedback turns a published update into broadcast input; null drops updates */
    public RecommenderRunner(Recommender<U, B> recommender, Function<ModelUpdate, B> feedback) {
        this.recommender = recommender;
        this.feedback = feedback;
        this.step = new UserEventStep<>(recommender);
        recommender.load(maps);
    }

    public Recommender<U, B> recommender() {
        return recommender;
    }

    /** How well the lists served so far predicted what users took next. */
    public LiveQuality quality() {
        return step.quality();
    }

    /** Keeps every update published from now on, for {@link #published}. */
    public RecommenderRunner<U, B> recordingUpdates() {
        published = new ArrayList<>();
        return this;
    }

    public void broadcast(B input, long now) {
        recommender.apply(input, now, maps);
    }

    /**
     * Processes one event of its user; returns the recommendations it produced (none for a duplicate or
     * while the user is throttled). Updates it published are applied before this returns.
     */
    public List<Recommendation> event(SourcedEvent in, long now) {
        List<Recommendation> out = new ArrayList<>(1);
        List<ModelUpdate> updates = new ArrayList<>(0);
        U user = users.get(in.userId());
        boolean known = user != null;
        if (!known) {
            user = recommender.newUser();
        }
        boolean processed = step.process(user, in, now, maps, new Outputs() {
            @Override
            public void recommendation(Recommendation recommendation) {
                out.add(recommendation);
            }

            @Override
            public void modelUpdate(ModelUpdate update) {
                updates.add(update);
            }
        });
        if (processed && !known) {
            users.put(in.userId(), user);
        }
        for (ModelUpdate update : updates) {
            if (published != null) {
                published.add(update);
            }
            if (feedback != null) {
                recommender.apply(feedback.apply(update), now, maps);
            }
        }
        return out;
    }

    /** What the user would be served at {@code time} with {@code trigger} as the prompt; changes no user state. */
    public Recommendation recommend(UserEvent trigger, long time, long now) {
        U user = users.get(trigger.getUserId());
        return recommender.recommend(user == null ? recommender.newUser() : user, trigger, time, now, maps);
    }

    /** Every update published since {@link #recordingUpdates}, in order. */
    public List<ModelUpdate> published() {
        if (published == null) {
            throw new IllegalStateException("updates are recorded only after recordingUpdates()");
        }
        return published;
    }

    /** The user's state, or null for a user not seen. */
    public U user(String userId) {
        return users.get(userId);
    }

    /** One of the broadcast maps the recommender keeps (read it, do not change it). */
    public <V> MapView<V> broadcastMap(BroadcastMap<V> map) {
        return maps.view(map);
    }
}
