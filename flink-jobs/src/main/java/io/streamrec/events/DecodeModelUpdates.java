package io.streamrec.events;

import io.streamrec.avro.ModelUpdate;
import io.streamrec.schemas.AvroCodec;
import io.streamrec.schemas.UndecodableRecordException;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Decodes the model-updates topic; a record that cannot be read is a dead letter, never a restart. */
public class DecodeModelUpdates extends ProcessFunction<RawRecord, ModelUpdate> {
    private static final long serialVersionUID = 1L;
    private final AvroCodec<ModelUpdate> codec = AvroCodec.of(ModelUpdate.class);

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<ModelUpdate> out) {
        try {
            out.collect(codec.decode(raw.value));
        } catch (UndecodableRecordException e) {
            ctx.output(DeadLetters.TAG, DeadLetters.of(raw, Rejections.fromDecodeFailure(e),
                    ctx.timerService().currentProcessingTime()));
        }
    }
}
