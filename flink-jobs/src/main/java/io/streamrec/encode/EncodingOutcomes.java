package io.streamrec.encode;

import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import io.streamrec.events.DeadLetters;
import io.streamrec.events.Rejection;
import io.streamrec.events.SourcedEvent;
import io.streamrec.recommenders.ModelInput;
import io.streamrec.schemas.AvroCodec;
import io.streamrec.state.ItemVector;
import java.nio.charset.StandardCharsets;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Routes encoding outcomes: vectors on, failures to the dead-letter side output with the reason. */
public final class EncodingOutcomes {
    public static final String TEXT_NOT_ENCODED = "TEXT_NOT_ENCODED";

    private EncodingOutcomes() {}

    /** Encoded items become broadcast input of the ranker. */
    public static class Items extends ProcessFunction<EncodedItem, ModelInput> {
        private static final long serialVersionUID = 1L;
        private final String itemsTopic;
        private final AvroCodec<Item> codec = AvroCodec.of(Item.class);

        public Items(String itemsTopic) {
            this.itemsTopic = itemsTopic;
        }

        @Override
        public void processElement(EncodedItem e, Context ctx, Collector<ModelInput> out) {
            if (e.failure == null) {
                out.collect(ModelInput.item(ItemVector.of(e.update.item, e.vector)));
                return;
            }
            ctx.output(DeadLetters.TAG, DeadLetters.of(itemsTopic, -1, -1,
                    e.update.itemId.getBytes(StandardCharsets.UTF_8), codec.encode(e.update.item),
                    Rejection.of(TEXT_NOT_ENCODED, "item text could not be encoded: " + e.failure),
                    ctx.timerService().currentProcessingTime()));
        }
    }

    /** Encoded events go on to ranking. */
    public static class Events extends ProcessFunction<EncodedEvent, SourcedEvent> {
        private static final long serialVersionUID = 1L;
        private final AvroCodec<UserEvent> codec = AvroCodec.of(UserEvent.class);

        @Override
        public void processElement(EncodedEvent e, Context ctx, Collector<SourcedEvent> out) {
            if (e.failure == null) {
                out.collect(e.event);
                return;
            }
            SourcedEvent s = e.event;
            ctx.output(DeadLetters.TAG, DeadLetters.of(s.topic, s.partition, s.offset,
                    s.event.getUserId().getBytes(StandardCharsets.UTF_8), codec.encode(s.event),
                    Rejection.of(TEXT_NOT_ENCODED, "event text could not be encoded: " + e.failure),
                    ctx.timerService().currentProcessingTime()));
        }
    }
}
