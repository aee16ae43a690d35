package io.streamrec.bench.pipeline;

import io.streamrec.avro.EventType;
import io.streamrec.bench.BenchJson;
import io.streamrec.events.RawRecord;
import io.streamrec.events.SourcedEvent;
import io.streamrec.recommenders.ModelInput;
import io.streamrec.state.ItemInfo;
import io.streamrec.state.ItemVector;
import io.streamrec.state.UserHistory;
import io.streamrec.state.UserProfile;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Serialized sizes of the per-user state, with the serializers Flink picks for it (PojoSerializer, never
 * Kryo), for the scale arithmetic in docs/performance.md.
 */
public final class StateSizes {
    static final int DIMENSION = 384;

    private StateSizes() {}

    public static void main(String[] args) throws IOException {
        System.out.print(BenchJson.write(measure()));
    }

    public static Map<String, Object> measure() throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user_profile_typical_bytes", size(UserProfile.class, profile(false)));
        out.put("user_profile_full_bytes", size(UserProfile.class, profile(true)));
        out.put("user_history_baseline_bytes", size(UserHistory.class, history()));
        out.put("item_vector_index_bytes_per_item", 4 * DIMENSION);
        Map<String, Object> types = new LinkedHashMap<>();
        for (Class<?> type : new Class<?>[] {UserProfile.class, UserHistory.class, SourcedEvent.class, RawRecord.class,
                ItemVector.class, ModelInput.class, ItemInfo.class}) {
            TypeInformation<?> info = TypeInformation.of(type);
            types.put(type.getSimpleName(), info instanceof PojoTypeInfo ? "POJO"
                    : info instanceof GenericTypeInfo ? "GENERIC (Kryo)" : info.getClass().getSimpleName());
        }
        out.put("type_information", types);
        out.put("assumptions", "typical: 50 history items (11-char ids), 64 remembered event ids (36-char UUIDs), "
                + "the last list of 10 served items, interest, session and intent vectors of 384 floats, 8 categories; full: also "
                + "sentiment and image vectors and 32 categories");
        return out;
    }

    static <T> int size(Class<T> type, T value) throws IOException {
        TypeSerializer<T> serializer = TypeInformation.of(type).createSerializer(new SerializerConfigImpl());
        DataOutputSerializer bytes = new DataOutputSerializer(16 * 1024);
        serializer.serialize(value, bytes);
        return bytes.length();
    }

    static UserHistory history() {
        UserHistory h = new UserHistory();
        long time = 1_700_000_000_000L;
        for (int i = 0; i < 50; i++) {
            h.add(String.format("item-%06d", i * 37 % 10_000), EventType.values()[i % 3], time + i * 60_000L, 50);
        }
        for (int i = 0; i < 64; i++) {
            h.rememberEvent(UUID.nameUUIDFromBytes(new byte[] {(byte) i}).toString(), 64);
        }
        h.lastRecommendedAt = time;
        h.lastEventTime = time;
        h.lastQuery = "trail running shoes";
        String[] served = new String[10];
        for (int i = 0; i < served.length; i++) {
            served[i] = String.format("item-%06d", i * 101);
        }
        h.served(served, 1_700_000_000_000L);
        return h;
    }

    static UserProfile profile(boolean full) {
        SplittableRandom random = new SplittableRandom(7);
        UserProfile p = new UserProfile();
        p.history = history();
        p.interest = vector(random);
        p.session = vector(random);
        p.intent = vector(random);
        if (full) {
            p.sentiment = vector(random);
            p.image = vector(random);
        }
        int categories = full ? UserProfile.MAX_CATEGORIES : 8;
        for (int c = 0; c < categories; c++) {
            p.addCategory("category-" + c, c % UserProfile.TIME_SLOTS, 1f);
        }
        p.likedItem = "item-000123";
        return p;
    }

    private static float[] vector(SplittableRandom random) {
        float[] v = new float[DIMENSION];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
