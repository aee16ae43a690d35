package io.streamrec.job;

import io.streamrec.avro.ForgetAcknowledgement;
import io.streamrec.avro.ModelUpdate;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.UserEvent;
import io.streamrec.encode.SentimentPrototypes;
import io.streamrec.events.DeadLetters;
import io.streamrec.events.ForgetUser;
import io.streamrec.events.ItemUpdate;
import io.streamrec.events.SourcedEvent;
import io.streamrec.metrics.MetricNames;
import io.streamrec.recommenders.BaselineRecommender;
import io.streamrec.recommenders.ModelInput;
import io.streamrec.recommenders.ModelRecommender;
import io.streamrec.recommenders.ModelSettings;
import io.streamrec.recommenders.Outputs;
import io.streamrec.recommenders.Recommender;
import io.streamrec.recommenders.RecommenderSettings;
import io.streamrec.recommenders.UserEventStep;
import io.streamrec.schemas.AvroCodec;
import io.streamrec.state.BroadcastMap;
import io.streamrec.state.SubtaskState;
import io.streamrec.state.UserHistory;
import io.streamrec.state.UserProfile;
import io.streamrec.text.EncoderSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Runs a {@link Recommender} in the job, keyed by user: its per-user state in keyed state (RocksDB, with
 * the user TTL), its broadcast maps in broadcast state, its per-subtask state in operator state, its model
 * updates on {@link #MODEL_UPDATES} and duplicates on the dead-letter output. A request to forget a user
 * clears that user's keyed state and is acknowledged on {@link #FORGOTTEN}. Everything else is the
 * recommender's.
 *
 * @param <U> the recommender's per-user state
 * @param <B> its broadcast input
 */
public final class RecommenderFunction<U, B>
        extends KeyedBroadcastProcessFunction<String, SourcedEvent, B, Recommendation>
        implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;

    /** Gradient updates for the model's log (the model-updates topic). */
    public static final OutputTag<ModelUpdate> MODEL_UPDATES = new OutputTag<>("model-updates") {};
    /** One acknowledgement per request to forget a user, once the user's state is gone. */
    public static final OutputTag<ForgetAcknowledgement> FORGOTTEN = new OutputTag<>("forget-acknowledgements") {};

    public static final List<BroadcastMap<?>> BASELINE_MAPS = List.of(BaselineRecommender.CATALOGUE);
    public static final List<BroadcastMap<?>> MODEL_MAPS = List.of(ModelRecommender.ITEMS, ModelRecommender.MODEL,
            ModelRecommender.ITEM_BIASES);

    private final Recommender.Factory<U, B> factory;
    private final List<BroadcastMap<?>> broadcastMaps;
    private final AvroCodec<UserEvent> codec = AvroCodec.of(UserEvent.class);

    private transient Recommender<U, B> recommender;
    private transient UserEventStep<U> step;
    private transient ValueState<U> users;
    private transient List<ListState<byte[]>> subtaskStates;
    private transient Counter recommendationsOut;
    private transient boolean loaded;

    /** @param broadcastMaps the maps the recommender uses, as passed to {@link #descriptors} for the broadcast */
    public RecommenderFunction(Recommender.Factory<U, B> factory, List<BroadcastMap<?>> broadcastMaps) {
        this.factory = factory;
        this.broadcastMaps = List.copyOf(broadcastMaps);
    }

    /** The baseline recommender in the job. */
    public static RecommenderFunction<UserHistory, ItemUpdate> baseline(RecommenderSettings settings) {
        return new RecommenderFunction<>(BaselineRecommender.factory(settings), BASELINE_MAPS);
    }

    /**
     * The model recommender in the job; review text without a rating is scored by a zero-shot classifier on
     * {@code sentimentEncoder}'s vectors (null: such text is neutral).
     */
    public static RecommenderFunction<UserProfile, ModelInput> model(ModelSettings settings,
            EncoderSettings sentimentEncoder) {
        return model(settings, sentimentEncoder == null ? null : () -> SentimentPrototypes.classifier(sentimentEncoder));
    }

    /** The model recommender with the classifier {@code sentiment} builds on each subtask (null: none). */
    public static RecommenderFunction<UserProfile, ModelInput> model(ModelSettings settings,
            ModelRecommender.SentimentFactory sentiment) {
        return new RecommenderFunction<>(ModelRecommender.factory(settings, sentiment), MODEL_MAPS);
    }

    /** The broadcast state descriptors of {@code maps}, for {@code DataStream#broadcast}. */
    public static MapStateDescriptor<?, ?>[] descriptors(List<BroadcastMap<?>> maps) {
        return maps.stream().map(RecommenderFunction::descriptor).toArray(MapStateDescriptor[]::new);
    }

    static <V> MapStateDescriptor<String, V> descriptor(BroadcastMap<V> map) {
        return new MapStateDescriptor<>(map.name(), Types.STRING, TypeInformation.of(map.type()));
    }

    /** The keyed state of a recommender's users, with the user TTL (also for reading it from a savepoint). */
    public static <U> ValueStateDescriptor<U> userStateDescriptor(Recommender<U, ?> recommender) {
        ValueStateDescriptor<U> descriptor = new ValueStateDescriptor<>(recommender.userStateName(),
                TypeInformation.of(recommender.userStateType()));
        return UserStateTtl.applyTo(descriptor, recommender.settings().userTtlMillis);
    }

    /** The recommender this subtask runs (after {@link #initializeState}). */
    Recommender<U, B> recommender() {
        return recommender;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        var task = getRuntimeContext().getTaskInfo();
        recommender = factory.create(task.getIndexOfThisSubtask(), task.getNumberOfParallelSubtasks());
        step = new UserEventStep<>(recommender);
        subtaskStates = new ArrayList<>();
        for (SubtaskState part : recommender.subtaskStates()) {
            var descriptor = new ListStateDescriptor<>(part.name(), PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
            ListState<byte[]> state = part.union()
                    ? context.getOperatorStateStore().getUnionListState(descriptor)
                    : context.getOperatorStateStore().getListState(descriptor);
            subtaskStates.add(state);
            if (context.isRestored()) {
                List<byte[]> shares = new ArrayList<>();
                state.get().forEach(shares::add);
                part.restore(shares);
            }
        }
    }

    @Override
    public void open(OpenContext openContext) {
        users = getRuntimeContext().getState(userStateDescriptor(recommender));
        recommendationsOut = getRuntimeContext().getMetricGroup().counter(MetricNames.RECOMMENDATIONS_OUT);
        step.registerMetrics(new FlinkMetricRegistrar(getRuntimeContext().getMetricGroup()));
    }

    @Override
    public void processElement(SourcedEvent in, ReadOnlyContext ctx, Collector<Recommendation> out) throws Exception {
        FlinkBroadcastMaps maps = FlinkBroadcastMaps.readOnly(ctx, broadcastMaps);
        loadOnce(maps);
        if (in.forget != null) {
            forget(in.forget, ctx);
            return;
        }
        U user = users.value();
        if (user == null) {
            user = recommender.newUser();
        }
        long now = ctx.currentProcessingTime();
        Outputs outputs = new Outputs() {
            @Override
            public void recommendation(Recommendation recommendation) {
                out.collect(recommendation);
                recommendationsOut.inc();
            }

            @Override
            public void modelUpdate(ModelUpdate update) {
                ctx.output(MODEL_UPDATES, update);
            }
        };
        if (!step.process(user, in, now, maps, outputs)) {
            ctx.output(DeadLetters.TAG, DeadLetters.duplicate(in, codec.encode(in.event), now));
            return;
        }
        users.update(user);
    }

    /** Removes everything kept for the user and says so; their next event starts a new user. */
    private void forget(ForgetUser request, ReadOnlyContext ctx) throws Exception {
        boolean hadState = users.value() != null;
        users.clear();
        recommender.forget(request.userId);
        ctx.output(FORGOTTEN, ForgetAcknowledgement.newBuilder()
                .setRequestId(request.requestId)
                .setUserId(request.userId)
                .setRequestedAt(Instant.ofEpochMilli(request.requestedAt))
                .setForgottenAt(Instant.ofEpochMilli(ctx.currentProcessingTime()))
                .setRecommender(recommender.name())
                .setHadState(hadState)
                .build());
    }

    @Override
    public void processBroadcastElement(B input, Context ctx, Collector<Recommendation> out) throws Exception {
        FlinkBroadcastMaps maps = FlinkBroadcastMaps.writable(ctx, broadcastMaps);
        loadOnce(maps);
        recommender.apply(input, ctx.currentProcessingTime(), maps);
    }

    /** Broadcast state can be read only inside an element's context: the recommender loads it at the first. */
    private void loadOnce(FlinkBroadcastMaps maps) {
        if (!loaded) {
            loaded = true;
            recommender.load(maps);
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        List<SubtaskState> parts = recommender.subtaskStates();
        for (int i = 0; i < parts.size(); i++) {
            subtaskStates.get(i).update(List.of(parts.get(i).snapshot()));
        }
    }
}
