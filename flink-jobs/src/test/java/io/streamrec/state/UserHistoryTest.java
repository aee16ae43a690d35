package io.streamrec.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserHistoryTest {

    @Test
    void remembersExactlyTheLastWindowOfEventIds() {
        UserHistory h = new UserHistory();
        for (int i = 0; i < 10; i++) {
            h.rememberEvent("e" + i, 4);
        }
        assertThat(h.recentEventHashes).hasSize(4);
        for (int i = 0; i < 6; i++) {
            assertThat(h.seenEvent("e" + i)).as("e" + i + " left the window").isFalse();
        }
        for (int i = 6; i < 10; i++) {
            assertThat(h.seenEvent("e" + i)).as("e" + i).isTrue();
        }
        assertThat(h.seenEvent("e10")).isFalse();
    }

    @Test
    void stateFromBeforeTheHashRingStartsAnEmptyRing() {
        // Flink's POJO schema evolution drops the removed String ring; the new field may come back unset.
        UserHistory h = new UserHistory();
        h.recentEventHashes = null;
        h.eventIdCursor = 17;
        assertThat(h.seenEvent("e1")).isFalse();
        h.rememberEvent("e1", 4);
        assertThat(h.seenEvent("e1")).isTrue();
        assertThat(h.recentEventHashes).hasSize(1);
    }

    @Test
    void noWindowRemembersNothing() {
        UserHistory h = new UserHistory();
        h.rememberEvent("e1", 0);
        assertThat(h.seenEvent("e1")).isFalse();
    }

    @Test
    void idHashesOfManyDistinctIdsDoNotCollide() {
        Set<Long> hashes = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            hashes.add(UserHistory.hash64(UUID.randomUUID().toString()));
            hashes.add(UserHistory.hash64("evt-" + i));
        }
        assertThat(hashes).hasSize(400_000);
        assertThat(UserHistory.hash64("ab")).isNotEqualTo(UserHistory.hash64("ba"));
    }

    @Test
    void recentDistinctItemsAreMostRecentFirstWithoutRepeats() {
        UserHistory h = new UserHistory();
        for (String item : new String[] {"a", "b", "a", "c", "b", "d"}) {
            h.add(item, EventType.VIEW, 0L, 50);
        }
        assertThat(h.recentDistinctItems(3)).containsExactly("d", "b", "c");
        assertThat(h.recentDistinctItems(10)).containsExactly("d", "b", "c", "a");
    }
}
