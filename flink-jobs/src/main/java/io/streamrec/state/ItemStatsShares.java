package io.streamrec.state;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A subtask's {@link ItemStats} as a union share. At unchanged parallelism a subtask takes back its own
 * share; after rescaling each merges all shares, scaled to its new share.
 */
public final class ItemStatsShares implements SubtaskState {
    private final ItemStats stats;
    private final int subtask;
    private final int parallelism;

    public ItemStatsShares(ItemStats stats, int subtask, int parallelism) {
        this.stats = stats;
        this.subtask = subtask;
        this.parallelism = parallelism;
    }

    @Override
    public String name() {
        return "item-stats";
    }

    @Override
    public boolean union() {
        return true;
    }

    @Override
    public byte[] snapshot() {
        byte[] data = stats.toBytes();
        return ByteBuffer.allocate(8 + data.length).putInt(subtask).putInt(parallelism).put(data).array();
    }

    @Override
    public void restore(List<byte[]> blobs) {
        List<ByteBuffer> shares = new ArrayList<>();
        blobs.forEach(b -> shares.add(ByteBuffer.wrap(b)));
        boolean sameParallelism = !shares.isEmpty() && shares.get(0).getInt(4) == parallelism;
        for (ByteBuffer share : shares) {
            if (sameParallelism && share.getInt(0) != subtask) {
                continue;
            }
            byte[] data = new byte[share.capacity() - 8];
            share.position(8);
            share.get(data);
            stats.merge(data, sameParallelism ? 1.0 : 1.0 / parallelism);
        }
    }
}
