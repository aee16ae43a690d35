package io.streamrec.bench.pipeline;

import io.streamrec.avro.DeadLetter;
import io.streamrec.schemas.AvroCodec;
import io.streamrec.schemas.Topic;
import io.streamrec.tools.TopicReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.IsolationLevel;

/** Dead letters of a run by error code (the bench's events are all valid: any is a finding). */
final class DeadLetterCount {
    private DeadLetterCount() {}

    /** bench.json's {@code dead_letters} of the run on {@code topics}: count, by code and one example of each. */
    static Map<String, Object> of(String bootstrap, BenchTopics topics, Progress progress) {
        AvroCodec<DeadLetter> codec = AvroCodec.of(DeadLetter.class);
        Map<String, Long> byCode = new java.util.TreeMap<>();
        Map<String, String> example = new java.util.TreeMap<>();
        TopicReader.scan(bootstrap, topics.name(Topic.DEAD_LETTERS), IsolationLevel.READ_UNCOMMITTED, record -> {
            DeadLetter d;
            try {
                d = codec.decode(record.value());
            } catch (Exception e) {
                byCode.merge("(undecodable dead letter)", 1L, Long::sum);
                return;
            }
            byCode.merge(d.getErrorCode(), 1L, Long::sum);
            example.putIfAbsent(d.getErrorCode(), d.getError());
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", byCode.values().stream().mapToLong(Long::longValue).sum());
        out.put("by_code", new LinkedHashMap<>(byCode));
        if (!example.isEmpty()) {
            out.put("examples", new LinkedHashMap<>(example));
            progress.line("dead letters: " + byCode + "; e.g. " + example);
        }
        return out;
    }
}
