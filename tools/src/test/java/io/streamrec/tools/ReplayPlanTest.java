package io.streamrec.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayPlanTest {

    @Test
    void catalogueFirstLateItemsJustBeforeTheirTimeBadRecordsSpreadOut() {
        List<Item> items = List.of(item("early", 5), item("at-first", 10), item("mid", 25), item("after-last", 100));
        List<UserEvent> events = List.of(event("e1", 10), event("e2", 20), event("e3", 30), event("e4", 40));

        List<String> order = describe(new ReplayPlan(items, events.iterator(), 4, 1));

        assertThat(order).containsExactly("item early", "item at-first", "event e1", "event e2", "item mid", "bad 0",
                "event e3", "event e4", "item after-last");
    }

    @Test
    void eventLimitAndBadRecordsWithoutEvents() {
        List<UserEvent> events = List.of(event("e1", 10), event("e2", 20), event("e3", 30));
        assertThat(describe(new ReplayPlan(List.of(), events.iterator(), 2, 0))).containsExactly("event e1", "event e2");
        assertThat(describe(new ReplayPlan(List.of(item("a", 1)), List.<UserEvent>of().iterator(), 0, 2)))
                .containsExactly("item a", "bad 0", "bad 1");
    }

    @Test
    void badRecordsAreEvenlySpread() {
        List<UserEvent> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            events.add(event("e" + i, i));
        }
        List<String> order = describe(new ReplayPlan(List.of(), events.iterator(), 100, 3));
        assertThat(order.indexOf("bad 0")).isEqualTo(25);
        assertThat(order.indexOf("bad 1")).isEqualTo(51);
        assertThat(order.indexOf("bad 2")).isEqualTo(77);
        assertThat(order).hasSize(103);
    }

    private static List<String> describe(ReplayPlan plan) {
        List<String> out = new ArrayList<>();
        while (plan.hasNext()) {
            ReplayPlan.Step step = plan.next();
            if (step instanceof ReplayPlan.SendItem s) {
                out.add("item " + s.item().getItemId());
            } else if (step instanceof ReplayPlan.SendEvent s) {
                out.add("event " + s.event().getEventId());
            } else if (step instanceof ReplayPlan.SendBad s) {
                out.add("bad " + s.index());
            }
        }
        return out;
    }

    static Item item(String id, long seconds) {
        return Item.newBuilder().setItemId(id).setTitle(id).setUpdatedAt(Instant.ofEpochSecond(seconds)).build();
    }

    static UserEvent event(String id, long seconds) {
        return UserEvent.newBuilder().setEventId(id).setUserId("u").setType(EventType.VIEW).setItemId("i")
                .setEventTime(Instant.ofEpochSecond(seconds)).build();
    }
}
