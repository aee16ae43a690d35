package io.streamrec.events;

import io.streamrec.avro.Item;
import io.streamrec.schemas.AvroCodec;
import io.streamrec.schemas.UndecodableRecordException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Decodes and validates catalogue records. A tombstone (null value with a key) removes the item, as
 * on any compacted topic; everything unusable goes to the dead-letter side output.
 */
public class DecodeItems extends ProcessFunction<RawRecord, ItemUpdate> {
    private static final long serialVersionUID = 1L;

    private final EventValidator validator;
    private final AvroCodec<Item> codec = AvroCodec.of(Item.class);

    public DecodeItems(EventValidator validator) {
        this.validator = validator;
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<ItemUpdate> out) {
        long now = ctx.timerService().currentProcessingTime();
        if (raw.value == null && raw.key != null && raw.key.length > 0) {
            out.collect(new ItemUpdate(new String(raw.key, StandardCharsets.UTF_8), null));
            return;
        }
        Item item;
        try {
            item = codec.decode(raw.value);
        } catch (UndecodableRecordException e) {
            ctx.output(DeadLetters.TAG, DeadLetters.of(raw, Rejections.fromDecodeFailure(e), now));
            return;
        }
        Optional<Rejection> rejection = validator.check(item);
        if (rejection.isPresent()) {
            ctx.output(DeadLetters.TAG, DeadLetters.of(raw, rejection.get(), now));
            return;
        }
        out.collect(new ItemUpdate(item.getItemId(), item));
    }
}
