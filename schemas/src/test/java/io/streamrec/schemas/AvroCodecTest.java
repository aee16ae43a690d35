package io.streamrec.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.avro.EventContext;
import io.streamrec.avro.EventType;
import io.streamrec.avro.ModelUpdate;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.UserEvent;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

class AvroCodecTest {
    private final AvroCodec<UserEvent> codec = AvroCodec.of(UserEvent.class);

    private static UserEvent sample() {
        return UserEvent.newBuilder()
                .setEventId("e1").setUserId("u1").setType(EventType.REVIEW).setItemId("i9")
                .setEventTime(Instant.parse("2024-05-01T10:15:30Z"))
                .setContext(new EventContext("mobile", "s-1", "en-GB"))
                .setText("Lovely, would buy again").setRating(5f)
                .build();
    }

    @Test
    void roundTripsWithTheSingleObjectHeader() throws Exception {
        byte[] bytes = codec.encode(sample());
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(fingerprint).isEqualTo(codec.fingerprint());
        assertThat(codec.decode(bytes)).isEqualTo(sample());
    }

    @Test
    void aNewerReaderReadsRecordsOfTheOlderSchema() throws Exception {
        Schema v1;
        try (InputStream in = getClass().getResourceAsStream("/io/streamrec/avro/history/UserEvent-v1.avsc")) {
            v1 = new Schema.Parser().parse(in);
        }
        assertThat(SchemaNormalization.parsingFingerprint64(v1)).isNotEqualTo(codec.fingerprint());
        GenericRecord old = new GenericData.Record(v1);
        old.put("event_id", "old-1");
        old.put("user_id", "u7");
        old.put("type", new GenericData.EnumSymbol(v1.getField("type").schema(), "CLICK"));
        old.put("item_id", "i3");
        old.put("event_time", 1_700_000_000_000L);
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        UserEvent read = codec.decode(bytes);
        assertThat(read.getEventId()).isEqualTo("old-1");
        assertThat(read.getType()).isEqualTo(EventType.CLICK);
        assertThat(read.getEventTime()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(read.getRating()).as("field added in v2 takes its default").isNull();
        assertThat(read.getRecommendationId()).isNull();
    }

    @Test
    void theModelLogWrittenBeforeTheServingGateIsStillRead() throws Exception {
        Schema v1;
        try (InputStream in = getClass().getResourceAsStream("/io/streamrec/avro/history/ModelUpdate-v1.avsc")) {
            v1 = new Schema.Parser().parse(in);
        }
        AvroCodec<ModelUpdate> updates = AvroCodec.of(ModelUpdate.class);
        assertThat(SchemaNormalization.parsingFingerprint64(v1)).isNotEqualTo(updates.fingerprint());
        GenericRecord old = new GenericData.Record(v1);
        old.put("update_id", "job-0-1");
        old.put("model_name", "ranker");
        old.put("schema_version", 1);
        old.put("base_version", 4L);
        old.put("example_count", 32);
        old.put("loss", 0.5);
        old.put("gradient", List.of(0.25f, -0.5f));
        old.put("created_at", 1_700_000_000_000L);
        old.put("oldest_feedback_at", 1_700_000_000_000L);
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        ModelUpdate read = updates.decode(bytes);
        assertThat(read.getBaseVersion()).isEqualTo(4L);
        assertThat(read.getGradient()).containsExactly(0.25f, -0.5f);
        assertThat(read.getTakes()).as("the gate's counts take their default").isZero();
        assertThat(read.getLearnedHits()).isZero();
        assertThat(read.getPriorHits()).isZero();
        assertThat(read.getItemGradient()).as("no item biases in v1").isEmpty();
    }

    @Test
    void theModelLogWrittenBeforeItemGradientsIsStillRead() throws Exception {
        Schema v2;
        try (InputStream in = getClass().getResourceAsStream("/io/streamrec/avro/history/ModelUpdate-v2.avsc")) {
            v2 = new Schema.Parser().parse(in);
        }
        AvroCodec<ModelUpdate> updates = AvroCodec.of(ModelUpdate.class);
        assertThat(SchemaNormalization.parsingFingerprint64(v2)).isNotEqualTo(updates.fingerprint());
        GenericRecord old = new GenericData.Record(v2);
        old.put("update_id", "job-0-2");
        old.put("model_name", "ranker");
        old.put("schema_version", 1);
        old.put("base_version", 5L);
        old.put("example_count", 32);
        old.put("loss", 0.5);
        old.put("gradient", List.of(0.25f));
        old.put("created_at", 1_700_000_000_000L);
        old.put("oldest_feedback_at", 1_700_000_000_000L);
        old.put("takes", 3);
        old.put("learned_hits", 2);
        old.put("prior_hits", 1);
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v2).encode(old);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        ModelUpdate read = updates.decode(bytes);
        assertThat(read.getTakes()).isEqualTo(3);
        assertThat(read.getItemGradient()).as("the item gradient takes its default").isEmpty();
    }

    @Test
    void anUnknownFingerprintIsAClearError() {
        byte[] bytes = codec.encode(sample());
        bytes[2] ^= 0x55;
        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessageContaining("unknown schema fingerprint 0x")
                .satisfies(e -> assertThat(((UndecodableRecordException) e).reason())
                        .isEqualTo(UndecodableRecordException.Reason.UNKNOWN_SCHEMA));
    }

    @Test
    void badInputIsReportedWithAReasonNotAnUncheckedException() {
        assertThatThrownBy(() -> codec.decode(new byte[0])).isInstanceOf(UndecodableRecordException.class)
                .satisfies(e -> assertThat(((UndecodableRecordException) e).reason())
                        .isEqualTo(UndecodableRecordException.Reason.EMPTY));
        assertThatThrownBy(() -> codec.decode("{\"json\": true}".getBytes()))
                .satisfies(e -> assertThat(((UndecodableRecordException) e).reason())
                        .isEqualTo(UndecodableRecordException.Reason.BAD_HEADER));
        byte[] truncated = java.util.Arrays.copyOf(codec.encode(sample()), 14);
        assertThatThrownBy(() -> codec.decode(truncated))
                .satisfies(e -> assertThat(((UndecodableRecordException) e).reason())
                        .isEqualTo(UndecodableRecordException.Reason.MALFORMED));
    }

    @Test
    void everyTopicRecordTypeEncodes() throws Exception {
        AvroCodec<Recommendation> recs = AvroCodec.of(Recommendation.class);
        Recommendation rec = Recommendation.newBuilder()
                .setRecommendationId("rec-e1").setUserId("u1").setTriggerEventId("e1")
                .setGeneratedAt(Instant.ofEpochMilli(5)).setEventTime(Instant.ofEpochMilli(4))
                .setRecommender("baseline").setModelVersion(3)
                .setItems(List.of(new RecommendedItem("i1", 0.5f, "popular now", "A title")))
                .build();
        assertThat(recs.decode(recs.encode(rec))).isEqualTo(rec);
        for (Topic topic : Topic.values()) {
            assertThat(AvroCodec.of(topic.recordClass()).schema().getNamespace()).isEqualTo("io.streamrec.avro");
        }
    }
}
