package io.streamrec.encode;

import io.streamrec.events.SourcedEvent;

/** The outcome of encoding an event's text: the event carrying its vector, or why it failed. */
public class EncodedEvent {
    public SourcedEvent event;
    public String failure;

    public EncodedEvent() {}

    public static EncodedEvent encoded(SourcedEvent event, float[] vector) {
        EncodedEvent e = new EncodedEvent();
        event.textVector = vector;
        e.event = event;
        return e;
    }

    public static EncodedEvent failed(SourcedEvent event, String reason) {
        EncodedEvent e = new EncodedEvent();
        e.event = event;
        e.failure = reason;
        return e;
    }
}
