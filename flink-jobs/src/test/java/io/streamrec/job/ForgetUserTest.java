package io.streamrec.job;

import static io.streamrec.job.ModelOperatorTest.catalogue;
import static io.streamrec.job.ModelOperatorTest.event;
import static io.streamrec.job.ModelOperatorTest.harness;
import static io.streamrec.job.ModelOperatorTest.profile;
import static io.streamrec.job.ModelOperatorTest.settings;
import static io.streamrec.testing.SyntheticVectors.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import io.streamrec.avro.ForgetAcknowledgement;
import io.streamrec.avro.Recommendation;
import io.streamrec.events.ForgetUser;
import io.streamrec.events.SourcedEvent;
import io.streamrec.recommenders.ModelInput;
import io.streamrec.recommenders.ModelSettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * A request to forget a user removes that user's keyed state at once (and from the next checkpoint),
 * leaves other users alone, is acknowledged with its id and the time, and the user's next event starts a
 * new profile.
 */
class ForgetUserTest {

    private static SourcedEvent forget(String requestId, String user) {
        return SourcedEvent.forget(new ForgetUser(requestId, user, T0 - 5_000), "forget-requests", 0, 7);
    }

    private static List<ForgetAcknowledgement> acknowledgements(
            KeyedBroadcastOperatorTestHarness<String, SourcedEvent, ModelInput, Recommendation> h) {
        List<ForgetAcknowledgement> out = new ArrayList<>();
        var side = h.getSideOutput(RecommenderFunction.FORGOTTEN);
        if (side != null) {
            side.stream().map(StreamRecord::getValue).forEach(out::add);
        }
        return out;
    }

    @Test
    void theUsersStateIsGoneAtOnceAndInTheNextCheckpoint() throws Exception {
        ModelSettings s = settings();
        var h = harness(s, null, 1, 0);
        catalogue(h);
        for (String user : List.of("alice", "bob")) {
            h.processElement(event(user + "-1", user, EventType.CLICK, "c0-1", T0), 0);
            h.processElement(event(user + "-2", user, EventType.PURCHASE, "c0-2", T0 + 1_000), 0);
        }
        assertThat(profile(h, "alice", s).history.itemIds).containsExactly("c0-1", "c0-2");
        int recommendations = h.extractOutputValues().size();

        h.setProcessingTime(T0 + 60_000);
        h.processElement(forget("req-42", "alice"), 0);

        assertThat(profile(h, "alice", s)).as("alice's profile").isNull();
        assertThat(profile(h, "bob", s).history.itemIds).as("bob is not touched").containsExactly("c0-1", "c0-2");
        assertThat(h.extractOutputValues()).as("a forget request gets no recommendation").hasSize(recommendations);
        List<ForgetAcknowledgement> acks = acknowledgements(h);
        assertThat(acks).hasSize(1);
        ForgetAcknowledgement ack = acks.get(0);
        assertThat(ack.getRequestId()).isEqualTo("req-42");
        assertThat(ack.getUserId()).isEqualTo("alice");
        assertThat(ack.getRequestedAt().toEpochMilli()).isEqualTo(T0 - 5_000);
        assertThat(ack.getForgottenAt().toEpochMilli()).isEqualTo(T0 + 60_000);
        assertThat(ack.getRecommender()).isEqualTo("model");
        assertThat(ack.getHadState()).isTrue();

        // From a checkpoint taken after the request, alice does not come back; bob does.
        OperatorSubtaskState snapshot = h.snapshot(1, T0 + 61_000);
        h.close();
        var restored = harness(s, snapshot, 1, 0);
        assertThat(profile(restored, "alice", s)).isNull();
        assertThat(profile(restored, "bob", s).history.itemIds).containsExactly("c0-1", "c0-2");

        // Her next event starts a new profile: nothing of what was forgotten is excluded or remembered.
        restored.processElement(event("alice-3", "alice", EventType.VIEW, "c1-1", T0 + 120_000), 0);
        assertThat(profile(restored, "alice", s).history.itemIds).containsExactly("c1-1");
        assertThat(profile(restored, "alice", s).history.servedItems).isNotEmpty();

        // Forgetting a user the job does not know is acknowledged too, saying there was nothing to remove.
        restored.processElement(forget("req-43", "nobody"), 0);
        assertThat(acknowledgements(restored)).singleElement()
                .satisfies(a -> assertThat(a.getHadState()).isFalse());
        restored.close();
    }

    @Test
    void aForgottenEventIdIsNotADuplicateAnyMore() throws Exception {
        ModelSettings s = settings();
        var h = harness(s, null, 1, 0);
        catalogue(h);
        h.processElement(event("e-1", "carol", EventType.CLICK, "c2-1", T0), 0);
        h.processElement(forget("req-1", "carol"), 0);
        // The dedupe window was per-user state too: the same event id again is a new event now.
        h.processElement(event("e-1", "carol", EventType.CLICK, "c2-1", T0 + 1_000), 0);
        assertThat(profile(h, "carol", s).history.itemIds).containsExactly("c2-1");
        assertThat(h.getSideOutput(io.streamrec.events.DeadLetters.TAG)).as("no duplicate dead letter").isNullOrEmpty();
        h.close();
    }
}
