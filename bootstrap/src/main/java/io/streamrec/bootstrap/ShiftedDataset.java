package io.streamrec.bootstrap;

import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import io.streamrec.tools.data.Dataset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A dataset with every time (event times and the catalogue's {@code updated_at}) moved by one offset, so that its
 * last replayed event happens at a chosen instant: order and gaps stay as they were, and the decayed statistics
 * and profiles built from the history are as fresh, at that instant, as they were at the end of the history.
 */
final class ShiftedDataset implements Dataset {
    private final Dataset source;
    private final Duration shift;
    private final List<Item> items;

    private ShiftedDataset(Dataset source, Duration shift) {
        this.source = source;
        this.shift = shift;
        List<Item> moved = new ArrayList<>(source.items().size());
        for (Item item : source.items()) {
            moved.add(Item.newBuilder(item).setUpdatedAt(item.getUpdatedAt().plus(shift)).build());
        }
        this.items = List.copyOf(moved);
    }

    /** {@code source} moved so that its {@code limit}-th event (0: its last) happens at {@code end}. */
    static ShiftedDataset endingAt(Dataset source, long limit, Instant end) {
        Instant last = null;
        long left = limit == 0 ? source.eventCount() : Math.min(limit, source.eventCount());
        for (Iterator<UserEvent> it = source.events(); it.hasNext() && left > 0; left--) {
            last = it.next().getEventTime();
        }
        return new ShiftedDataset(source, last == null ? Duration.ZERO : Duration.between(last, end));
    }

    Duration shift() {
        return shift;
    }

    @Override
    public String description() {
        return source.description() + " (times shifted by " + shift.toDays() + " d)";
    }

    @Override
    public List<Item> items() {
        return items;
    }

    @Override
    public long eventCount() {
        return source.eventCount();
    }

    @Override
    public Iterator<UserEvent> events() {
        Iterator<UserEvent> events = source.events();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return events.hasNext();
            }

            @Override
            public UserEvent next() {
                UserEvent e = events.next();
                return UserEvent.newBuilder(e).setEventTime(e.getEventTime().plus(shift)).build();
            }
        };
    }
}
