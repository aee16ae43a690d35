package io.streamrec.tools;

import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The order of a replay: first the items that are in the catalogue when the first event happens,
 * then the events in time order, each item created later slipped in just before the first event at or
 * after its creation time, and the bad records spread evenly between the events. Items created after
 * the last replayed event come at the end, so the whole catalogue is always written.
 */
final class ReplayPlan implements Iterator<ReplayPlan.Step> {
    /** One record to send. */
    sealed interface Step permits SendItem, SendEvent, SendBad {}

    record SendItem(Item item) implements Step {}

    record SendEvent(UserEvent event) implements Step {}

    /** The {@code index}-th bad record (see {@link BadRecords}). */
    record SendBad(int index) implements Step {}

    private final List<Item> items;
    private final Iterator<UserEvent> events;
    private final long eventLimit;
    private final int badRecords;
    private int nextItem;
    private long eventsTaken;
    private int badTaken;
    private UserEvent upcoming;

    /** {@code items} sorted by updated_at; at most {@code eventLimit} events are taken. */
    ReplayPlan(List<Item> items, Iterator<UserEvent> events, long eventLimit, int badRecords) {
        this.items = items;
        this.events = events;
        this.eventLimit = eventLimit;
        this.badRecords = badRecords;
    }

    @Override
    public boolean hasNext() {
        return nextItem < items.size() || badTaken < badRecords || peekEvent() != null;
    }

    @Override
    public Step next() {
        UserEvent event = peekEvent();
        if (nextItem < items.size()
                && (event == null || !items.get(nextItem).getUpdatedAt().isAfter(event.getEventTime()))) {
            return new SendItem(items.get(nextItem++));
        }
        // Bad record j goes after (j + 1) / (bad + 1) of the events.
        if (badTaken < badRecords && (event == null || eventsTaken >= (badTaken + 1) * eventLimit / (badRecords + 1))) {
            return new SendBad(badTaken++);
        }
        if (event == null) {
            throw new NoSuchElementException();
        }
        upcoming = null;
        eventsTaken++;
        return new SendEvent(event);
    }

    private UserEvent peekEvent() {
        if (upcoming == null && eventsTaken < eventLimit && events.hasNext()) {
            upcoming = events.next();
        }
        return upcoming;
    }
}
