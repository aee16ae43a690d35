package io.streamrec.job;

import io.streamrec.avro.DeadLetter;
import io.streamrec.avro.EventType;
import io.streamrec.avro.Recommendation;
import io.streamrec.config.KafkaOptions;
import io.streamrec.encode.EncodedEvent;
import io.streamrec.encode.EncodedItem;
import io.streamrec.encode.EncodingOutcomes;
import io.streamrec.events.DeadLetters;
import io.streamrec.events.DecodeModelUpdates;
import io.streamrec.events.ItemUpdate;
import io.streamrec.events.SourcedEvent;
import io.streamrec.job.RecommendationJob.Uids;
import io.streamrec.metrics.MetricNames;
import io.streamrec.recommenders.ModelInput;
import io.streamrec.state.ItemVector;
import io.streamrec.text.EncoderSettings;
import io.streamrec.text.flink.EncodeTextAsyncFunction;
import io.streamrec.text.flink.TextEncoding;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The model recommender's part of the job: item and event text through the encoder (each item once
 * per version), the model's log from Kafka, the item index and model as one broadcast stream, the
 * ranker keyed by user, and its gradients back to the model's log.
 */
final class ModelPipeline {
    private final Configuration config;
    private final EncoderSettings encoder;

    ModelPipeline(Configuration config) {
        this.config = config;
        this.encoder = EncoderSettings.fromConfiguration(config);
    }

    /** Returns the recommendations; dead letters of every step are added to {@code deadLetters}. */
    SingleOutputStreamOperator<Recommendation> build(StreamExecutionEnvironment env, JobSources sources,
            JobSinks sinks, DataStream<SourcedEvent> events, DataStream<SourcedEvent> forgetRequests,
            DataStream<ItemUpdate> catalogue, DeadLetterCollector deadLetters) {
        // Items: encode the text of each new version once; the vector then travels with the item.
        SingleOutputStreamOperator<ModelInput> items = TextEncoding.ordered(
                        catalogue.filter(u -> !u.isRemoval()).name("item versions").uid(Uids.ITEM_VERSIONS),
                        new EncodeTextAsyncFunction<ItemUpdate, EncodedItem>(encoder,
                                u -> ItemVector.textOf(u.item), EncodedItem::encoded, EncodedItem::failed)
                                .withCacheKey(u -> u.itemId + "@" + u.item.getUpdatedAt().toEpochMilli()),
                        TypeInformation.of(EncodedItem.class))
                .name("encode item text")
                .uid(Uids.ENCODE_ITEMS)
                .process(new EncodingOutcomes.Items(config.get(KafkaOptions.TOPIC_ITEMS)))
                .name("item vectors")
                .uid(Uids.ITEM_VECTORS);
        deadLetters.add(items.getSideOutput(DeadLetters.TAG));
        DataStream<ModelInput> removals = catalogue.filter(ItemUpdate::isRemoval).name("item removals")
                .uid(Uids.ITEM_REMOVALS)
                .map(u -> ModelInput.removal(u.itemId)).returns(ModelInput.class).name("removals as input")
                .uid(Uids.REMOVALS_AS_INPUT);

        // Searches and reviews: encode their text; other events need no encoder.
        SingleOutputStreamOperator<SourcedEvent> texts = TextEncoding.unordered(
                        events.filter(ModelPipeline::hasText).name("text events").uid(Uids.TEXT_EVENTS),
                        new EncodeTextAsyncFunction<SourcedEvent, EncodedEvent>(encoder,
                                e -> e.event.getText(), EncodedEvent::encoded, EncodedEvent::failed),
                        TypeInformation.of(EncodedEvent.class))
                .name("encode event text")
                .uid(Uids.ENCODE_EVENTS)
                .process(new EncodingOutcomes.Events())
                .name("event vectors")
                .uid(Uids.EVENT_VECTORS);
        deadLetters.add(texts.getSideOutput(DeadLetters.TAG));
        DataStream<SourcedEvent> withVectors = events.filter(e -> !hasText(e)).name("interactions")
                .uid(Uids.INTERACTIONS).union(texts);

        // The model's log, read by one subtask so every ranker sees the updates in the topic's order.
        SingleOutputStreamOperator<io.streamrec.avro.ModelUpdate> updates = env
                .fromSource(sources.modelUpdates(), WatermarkStrategy.noWatermarks(), "model-updates")
                .uid(Uids.MODEL_UPDATES_SOURCE)
                .setParallelism(1)
                .process(new DecodeModelUpdates())
                .name("decode model updates")
                .uid(Uids.DECODE_MODEL_UPDATES)
                .setParallelism(1);
        deadLetters.add(updates.getSideOutput(DeadLetters.TAG));
        DataStream<ModelInput> updateInputs = updates.map(ModelInput::update).returns(ModelInput.class)
                .name("updates as input").uid(Uids.UPDATES_AS_INPUT).setParallelism(1);

        SingleOutputStreamOperator<Recommendation> recs = withVectors.union(forgetRequests)
                .keyBy(SourcedEvent::userId)
                .connect(items.union(removals, updateInputs)
                        .broadcast(RecommenderFunction.descriptors(RecommenderFunction.MODEL_MAPS)))
                .process(RecommenderFunction.model(Settings.model(config), encoder))
                .name(MetricNames.RANK_OPERATOR)
                .uid(Uids.RANKER);
        deadLetters.add(recs.getSideOutput(DeadLetters.TAG));
        recs.getSideOutput(RecommenderFunction.MODEL_UPDATES)
                .sinkTo(sinks.modelUpdates()).name("model updates").uid(Uids.MODEL_UPDATES_SINK);
        return recs;
    }

    private static boolean hasText(SourcedEvent e) {
        EventType type = e.event.getType();
        return (type == EventType.SEARCH || type == EventType.REVIEW) && e.event.getText() != null;
    }

    /** Gathers dead-letter streams of every step into one. */
    static final class DeadLetterCollector {
        private DataStream<DeadLetter> all;

        void add(DataStream<DeadLetter> stream) {
            all = all == null ? stream : all.union(stream);
        }

        DataStream<DeadLetter> all() {
            return all;
        }
    }
}
