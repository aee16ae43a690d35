package io.streamrec.events;

import io.streamrec.avro.UserEvent;
import io.streamrec.metrics.MetricNames;
import io.streamrec.schemas.AvroCodec;
import io.streamrec.schemas.UndecodableRecordException;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Decodes and validates user events. A record that cannot be decoded or breaks a rule goes, with its
 * bytes and the reason, to the {@link DeadLetters#TAG} side output; the job keeps running.
 */
public class DecodeEvents extends ProcessFunction<RawRecord, SourcedEvent> {
    private static final long serialVersionUID = 1L;

    private final EventValidator validator;
    private final AvroCodec<UserEvent> codec = AvroCodec.of(UserEvent.class);
    private transient Counter valid;
    private transient Counter rejected;

    public DecodeEvents(EventValidator validator) {
        this.validator = validator;
    }

    @Override
    public void open(OpenContext openContext) {
        valid = getRuntimeContext().getMetricGroup().counter(MetricNames.EVENTS_VALID);
        rejected = getRuntimeContext().getMetricGroup().counter(MetricNames.EVENTS_REJECTED);
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<SourcedEvent> out) {
        long now = ctx.timerService().currentProcessingTime();
        UserEvent event;
        try {
            event = codec.decode(raw.value);
        } catch (UndecodableRecordException e) {
            reject(raw, Rejections.fromDecodeFailure(e), now, ctx);
            return;
        }
        Optional<Rejection> rejection = validator.check(event, raw.topic, now);
        if (rejection.isPresent()) {
            reject(raw, rejection.get(), now, ctx);
            return;
        }
        if (valid != null) {
            valid.inc();
        }
        out.collect(new SourcedEvent(event, raw.topic, raw.partition, raw.offset));
    }

    private void reject(RawRecord raw, Rejection rejection, long now, Context ctx) {
        if (rejected != null) {
            rejected.inc();
        }
        ctx.output(DeadLetters.TAG, DeadLetters.of(raw, rejection, now));
    }
}
