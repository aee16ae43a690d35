package io.streamrec.learning;

import io.streamrec.avro.ModelUpdate;
import io.streamrec.state.SubtaskState;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A subtask's gradients not yet published and its update sequence number, checkpointed so that no
 * labelled example is lost or counted twice across a failure, and update ids stay unique.
 */
public final class PendingGradients implements SubtaskState {
    public final GradientBuffer gradients = new GradientBuffer();
    private final String idPrefix;
    private long sequence;

    /** Update ids are {@code jobName-subtask-sequence}. */
    public PendingGradients(String jobName, int subtask) {
        this.idPrefix = jobName + "-" + subtask + "-";
    }

    /** The buffered gradients as one update on {@code baseVersion}; the buffer starts empty again. */
    public ModelUpdate drain(long baseVersion, long now) {
        return gradients.drain(idPrefix + (sequence++), baseVersion, now);
    }

    @Override
    public String name() {
        return "pending-gradients";
    }

    @Override
    public boolean union() {
        return false;
    }

    @Override
    public byte[] snapshot() {
        byte[] pending = gradients.toBytes();
        return ByteBuffer.allocate(8 + pending.length).putLong(sequence).put(pending).array();
    }

    @Override
    public void restore(List<byte[]> blobs) {
        for (byte[] blob : blobs) {
            ByteBuffer b = ByteBuffer.wrap(blob);
            sequence = Math.max(sequence, b.getLong());
            byte[] pending = new byte[blob.length - 8];
            b.get(pending);
            gradients.restore(pending);
        }
    }
}
