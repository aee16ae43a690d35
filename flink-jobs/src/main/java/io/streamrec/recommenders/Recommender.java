package io.streamrec.recommenders;

import io.streamrec.avro.Recommendation;
import io.streamrec.avro.UserEvent;
import io.streamrec.events.SourcedEvent;
import io.streamrec.metrics.MetricRegistrar;
import io.streamrec.state.BroadcastMaps;
import io.streamrec.state.SubtaskState;
import io.streamrec.state.UserHistory;
import java.io.Serializable;
import java.util.List;

/**
 * A recommender's logic, free of any runtime: per-user state of type {@code U}, broadcast input of type
 * {@code B} (catalogue changes, the model's log) applied to {@link io.streamrec.state.BroadcastMap}s that
 * every subtask holds alike, and per-subtask {@link SubtaskState}. In the job {@code RecommenderFunction}
 * runs it on Flink's keyed, broadcast and operator state; the offline evaluation runs the same object on
 * plain maps. {@link UserEventStep} is what both do with each event.
 *
 * @param <U> the per-user state (keyed state in the job)
 * @param <B> the broadcast input
 */
public interface Recommender<U, B> {

    /** Builds a recommender for one subtask (in the job, once per subtask on each start). */
    interface Factory<U, B> extends Serializable {
        Recommender<U, B> create(int subtask, int parallelism);
    }

    /** The name on the recommendations ({@code Recommendation.recommender}). */
    String name();

    RecommenderSettings settings();

    /** The per-user state's name in checkpoints and its class. */
    String userStateName();

    Class<U> userStateType();

    U newUser();

    /** The part of the user's state every recommender keeps (dedupe, throttling, exclusions). */
    UserHistory history(U user);

    /** Called once before the first input after a start or restore, with the broadcast maps as they are. */
    default void load(BroadcastMaps maps) {}

    /** Learns from one new event of the user (duplicates never reach it); may publish model updates. */
    void observe(U user, SourcedEvent event, long now, BroadcastMaps maps, Outputs out);

    /** The list the user is served at event time {@code time}; changes no user state. */
    Recommendation recommend(U user, UserEvent trigger, long time, long now, BroadcastMaps maps);

    /** After {@code served} went out to the user (e.g. to label what they do next against it). */
    default void served(U user, Recommendation served, long time) {}

    /**
     * Drops whatever the recommender keeps of {@code userId} outside the per-user state (caches); the caller
     * removes the per-user state itself. A user who asked to be forgotten.
     */
    default void forget(String userId) {}

    /** Applies one broadcast input; every subtask applies the same inputs in the same order. */
    void apply(B input, long now, BroadcastMaps maps);

    /** Per-subtask state to checkpoint; restored before the first input. */
    List<SubtaskState> subtaskStates();

    /** Declares the recommender's own metrics (called once, before the first input). */
    default void registerMetrics(MetricRegistrar metrics) {}
}
