package io.streamrec.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamrec.avro.ModelUpdate;
import io.streamrec.ranking.Feature;
import io.streamrec.state.BroadcastMap;
import io.streamrec.state.BroadcastMaps;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** What a subtask has not yet published survives a checkpoint, the serving gate's counts with it. */
class GradientBufferTest {
    private static final int DIMENSION = 4;

    private static float[] features(float value) {
        float[] x = new float[Feature.COUNT + DIMENSION];
        java.util.Arrays.fill(x, value);
        return x;
    }

    @Test
    void gradientsItemGradientsAndGateCountsSurviveACheckpoint() {
        ModelState model = ModelState.prior(DIMENSION);
        GradientBuffer buffer = new GradientBuffer();
        ItemBiases biases = new ItemBiases(BroadcastMaps.inMemory().view(new BroadcastMap<>("b", float[].class)), 0.1, 0);
        buffer.addPair(model, biases, "taken", features(1f), "passed-over", features(0f), 5L);
        buffer.addPair(model, biases, "taken", features(1f), "ünïcode-id", features(0.5f), 5L);
        buffer.addTake(true, false);
        buffer.addTake(true, true);
        buffer.addTake(false, false);
        GradientBuffer restored = new GradientBuffer();
        restored.restore(buffer.toBytes());
        ModelUpdate before = buffer.drain("a", 0, 9L);
        ModelUpdate after = restored.drain("a", 0, 9L);
        assertThat(after.getGradient()).isEqualTo(before.getGradient());
        assertThat(after.getItemGradient()).isEqualTo(before.getItemGradient())
                .containsOnlyKeys("taken", "passed-over", "ünïcode-id");
        assertThat(before.getItemGradient().get("taken")).as("summed over both pairs, not averaged")
                .isLessThan(before.getItemGradient().get("passed-over") * -1f);
        assertThat(after.getExampleCount()).isEqualTo(2);
        assertThat(after.getTakes()).isEqualTo(3);
        assertThat(after.getLearnedHits()).isEqualTo(2);
        assertThat(after.getPriorHits()).isEqualTo(1);
        assertThat(buffer.toBytes()).as("drained").isEmpty();
    }

    /** The update drained from a buffer restored from {@code header} followed by the gradient 0, 1, 2, ... */
    private static ModelUpdate restoredFrom(ByteBuffer header) {
        for (int i = 0; header.hasRemaining(); i++) {
            header.putFloat(i);
        }
        GradientBuffer restored = new GradientBuffer();
        restored.restore(header.array());
        return restored.drain("a", 0, 9L);
    }

    @Test
    void aCheckpointWrittenBeforeTheGateRestores() {
        int size = Feature.COUNT + DIMENSION;
        ModelUpdate update = restoredFrom(ByteBuffer.allocate(4 + 8 + 8 + 4 * size).putInt(2).putDouble(1.5).putLong(7L));
        assertThat(update.getExampleCount()).isEqualTo(2);
        assertThat(update.getLoss()).isCloseTo(0.75, within(1e-9));
        assertThat(update.getGradient()).hasSize(size);
        assertThat(update.getGradient().get(size - 1)).isEqualTo((size - 1) / 2f);
        assertThat(update.getTakes()).isZero();
    }

    @Test
    void aModelOfAnotherShapeDropsTheItemGradientsSummedAgainstTheOldOne() {
        ItemBiases biases = new ItemBiases(BroadcastMaps.inMemory().view(new BroadcastMap<>("b", float[].class)), 0.1, 0);
        GradientBuffer buffer = new GradientBuffer();
        buffer.addPair(ModelState.prior(DIMENSION), biases, "old", features(1f), "older", features(0f), 5L);
        ModelState wider = ModelState.prior(DIMENSION + 1);
        float[] x = new float[wider.size()];
        buffer.addPair(wider, biases, "new", x, "newer", x, 5L);
        ModelUpdate update = buffer.drain("a", 0, 9L);
        assertThat(update.getGradient()).hasSize(wider.size());
        assertThat(update.getItemGradient()).containsOnlyKeys("new", "newer");
        assertThat(update.getExampleCount()).isEqualTo(1);
    }

    @Test
    void aCheckpointWrittenBeforeItemGradientsRestores() {
        int size = Feature.COUNT + DIMENSION;
        ModelUpdate update = restoredFrom(ByteBuffer.allocate(16 + 4 + 8 + 8 + 4 * size).putInt(-2).putInt(3).putInt(2)
                .putInt(1).putInt(2).putDouble(1.5).putLong(7L));
        assertThat(update.getExampleCount()).isEqualTo(2);
        assertThat(update.getTakes()).isEqualTo(3);
        assertThat(update.getGradient()).hasSize(size);
        assertThat(update.getGradient().get(size - 1)).isEqualTo((size - 1) / 2f);
        assertThat(update.getItemGradient()).isEmpty();
    }

    @Test
    void theGateFollowsTheRecentTakes() {
        ServingGate gate = new ServingGate();
        assertThat(gate.servesLearned()).as("before any take").isTrue();
        gate.record(100, 30, 20, 100);
        assertThat(gate.servesLearned()).isTrue();
        assertThat(gate.learnedHitRate()).isCloseTo(0.3, within(1e-9));
        // The learned weights turn bad: two half-lives later the prior's recent hits outweigh the old lead.
        gate.record(100, 5, 20, 100);
        gate.record(100, 5, 20, 100);
        assertThat(gate.servesLearned()).isFalse();
        assertThat(gate.takes).isCloseTo(100 * (0.25 + 0.5 + 1), within(1e-9));
        gate.record(100, 30, 20, 0);
        assertThat(gate.takes).as("half-life 0: no gate, nothing counted").isCloseTo(175, within(1e-9));
    }
}
