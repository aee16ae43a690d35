package io.streamrec.recommend;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.OperatorStateStore;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;

/**
 * Checkpoints a subtask's {@link ItemStats} in union operator state. At unchanged parallelism a
 * subtask takes back its own share; after rescaling each merges all shares, scaled to its new share.
 */
public final class ItemStatsCheckpoint {
    private final ListState<byte[]> state;

    private ItemStatsCheckpoint(ListState<byte[]> state) {
        this.state = state;
    }

    public static ItemStatsCheckpoint register(OperatorStateStore store) throws Exception {
        return new ItemStatsCheckpoint(store.getUnionListState(
                new ListStateDescriptor<>("item-stats", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)));
    }

    public void snapshot(ItemStats stats, TaskInfo task) throws Exception {
        byte[] data = stats.toBytes();
        ByteBuffer blob = ByteBuffer.allocate(8 + data.length);
        blob.putInt(task.getIndexOfThisSubtask());
        blob.putInt(task.getNumberOfParallelSubtasks());
        blob.put(data);
        state.update(List.of(blob.array()));
    }

    public void restoreInto(ItemStats stats, TaskInfo task) throws Exception {
        int me = task.getIndexOfThisSubtask();
        int parallelism = task.getNumberOfParallelSubtasks();
        List<ByteBuffer> shares = new ArrayList<>();
        state.get().forEach(b -> shares.add(ByteBuffer.wrap(b)));
        boolean sameParallelism = !shares.isEmpty() && shares.get(0).getInt(4) == parallelism;
        for (ByteBuffer share : shares) {
            if (sameParallelism && share.getInt(0) != me) {
                continue;
            }
            byte[] data = new byte[share.capacity() - 8];
            share.position(8);
            share.get(data);
            stats.merge(data, sameParallelism ? 1.0 : 1.0 / parallelism);
        }
    }
}
