package io.streamrec.ranking;

import io.streamrec.avro.ModelUpdate;
import io.streamrec.learning.GradientBuffer;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.OperatorStateStore;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;

/**
 * A subtask's gradients not yet published and its update sequence number, checkpointed so that no
 * labelled example is lost or counted twice across a failure, and update ids stay unique.
 */
final class LearningState {
    final GradientBuffer gradients = new GradientBuffer();
    private final ListState<byte[]> state;
    private final String idPrefix;
    private long sequence;

    private LearningState(ListState<byte[]> state, String idPrefix) {
        this.state = state;
        this.idPrefix = idPrefix;
    }

    static LearningState register(OperatorStateStore store, String jobName, int subtask) throws Exception {
        return new LearningState(store.getListState(
                new ListStateDescriptor<>("pending-gradients", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)),
                jobName + "-" + subtask + "-");
    }

    ModelUpdate drain(long baseVersion, long now) {
        return gradients.drain(idPrefix + (sequence++), baseVersion, now);
    }

    void snapshot() throws Exception {
        byte[] pending = gradients.toBytes();
        ByteBuffer b = ByteBuffer.allocate(8 + pending.length).putLong(sequence).put(pending);
        state.update(List.of(b.array()));
    }

    void restore() throws Exception {
        for (byte[] blob : state.get()) {
            ByteBuffer b = ByteBuffer.wrap(blob);
            sequence = Math.max(sequence, b.getLong());
            byte[] pending = new byte[blob.length - 8];
            b.get(pending);
            gradients.restore(pending);
        }
    }
}
