package io.streamrec.eval.protocol;

import io.streamrec.avro.UserEvent;
import java.util.List;

/**
 * Splits the timeline by event time: the first {@code warmUpFraction} of the events train only, the last
 * {@code heldOutFraction} are held out, the rest is the tuning slice. Boundaries are event times, so
 * events sharing a timestamp always land on the same side.
 *
 * @param warmUpEndsAt events before this time (epoch millis) are warm-up
 * @param heldOutStartsAt events at or after this time are held out
 */
public record TimelineSplit(long warmUpEndsAt, long heldOutStartsAt) {

    public TimelineSplit {
        if (warmUpEndsAt > heldOutStartsAt) {
            throw new IllegalArgumentException("warm-up must end before the held-out part starts");
        }
    }

    /** The split of {@code events} (in time order). */
    public static TimelineSplit of(List<UserEvent> events, double warmUpFraction, double heldOutFraction) {
        if (warmUpFraction < 0 || heldOutFraction <= 0 || warmUpFraction + heldOutFraction > 1) {
            throw new IllegalArgumentException("need 0 <= warm-up, 0 < held-out and warm-up + held-out <= 1; got "
                    + "warm-up " + warmUpFraction + ", held-out " + heldOutFraction);
        }
        int n = events.size();
        if (n == 0) {
            return new TimelineSplit(Long.MAX_VALUE, Long.MAX_VALUE);
        }
        int heldOutFrom = (int) Math.min(n - 1, Math.ceil(n * (1 - heldOutFraction)));
        int tuningFrom = (int) Math.min(heldOutFrom, Math.floor(n * warmUpFraction));
        return new TimelineSplit(millis(events.get(tuningFrom)), millis(events.get(heldOutFrom)));
    }

    public Phase phaseOf(long eventTimeMillis) {
        if (eventTimeMillis >= heldOutStartsAt) {
            return Phase.HELD_OUT;
        }
        return eventTimeMillis < warmUpEndsAt ? Phase.WARM_UP : Phase.TUNING;
    }

    private static long millis(UserEvent event) {
        return event.getEventTime().toEpochMilli();
    }
}
