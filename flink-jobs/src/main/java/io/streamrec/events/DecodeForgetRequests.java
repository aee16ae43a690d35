package io.streamrec.events;

import io.streamrec.avro.ForgetRequest;
import io.streamrec.schemas.AvroCodec;
import io.streamrec.schemas.UndecodableRecordException;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Decodes requests to forget a user. One that cannot be read or names no user or request goes to the
 * dead-letter topic with the reason: it is never silently dropped, and the job keeps running.
 */
public class DecodeForgetRequests extends ProcessFunction<RawRecord, SourcedEvent> {
    private static final long serialVersionUID = 1L;
    private final AvroCodec<ForgetRequest> codec = AvroCodec.of(ForgetRequest.class);

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<SourcedEvent> out) {
        long now = ctx.timerService().currentProcessingTime();
        ForgetRequest request;
        try {
            request = codec.decode(raw.value);
        } catch (UndecodableRecordException e) {
            ctx.output(DeadLetters.TAG, DeadLetters.of(raw, Rejections.fromDecodeFailure(e), now));
            return;
        }
        for (String[] field : new String[][] {{"user_id", request.getUserId()}, {"request_id", request.getRequestId()}}) {
            if (field[1].isBlank()) {
                ctx.output(DeadLetters.TAG, DeadLetters.of(raw,
                        Rejection.of(Rejection.MISSING_FIELD, "forget request without " + field[0]), now));
                return;
            }
        }
        out.collect(SourcedEvent.forget(new ForgetUser(request.getRequestId(), request.getUserId(),
                request.getRequestedAt().toEpochMilli()), raw.topic, raw.partition, raw.offset));
    }
}
