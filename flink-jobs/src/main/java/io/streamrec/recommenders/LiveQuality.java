package io.streamrec.recommenders;

import io.streamrec.avro.EventType;
import io.streamrec.avro.UserEvent;
import io.streamrec.metrics.MetricNames;
import io.streamrec.metrics.MetricRegistrar;
import io.streamrec.state.UserHistory;
import java.util.function.LongConsumer;

/**
 * How well the served lists predict what users take next, measured live the way the offline evaluation
 * measures it: each take (a click or purchase of an item the user had not interacted with) within
 * {@code recommend.quality.window} of event time after the user's last list is a probe; a hit when the
 * item is in the list's top {@link #DEPTH}, with reciprocal rank 1/position (0 when absent). Hit rate and
 * MRR are means over the recent probes (each older probe weighs {@code 1 - 1/}{@link #MEMORY} less), per
 * subtask; the counters hold every probe. Lists are read from {@link UserHistory#servedItems}.
 */
public final class LiveQuality {
    public static final int DEPTH = 10;
    /** Probes the means remember (an exponential moving average with this time constant). */
    public static final int MEMORY = 1_000;
    private static final double KEEP = 1.0 - 1.0 / MEMORY;

    private final long windowMillis;
    private double weight;
    private double hits;
    private double reciprocalRanks;
    private long probes;
    private LongConsumer probesCounter = n -> {};
    private LongConsumer hitsCounter = n -> {};

    /** @param windowMillis how long after a list a take still counts for it; 0 or less measures nothing */
    public LiveQuality(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /** Counters {@code probes} and {@code hits}, gauges {@code hitRate} and {@code mrr}. */
    public void register(MetricRegistrar group) {
        probesCounter = group.counter(MetricNames.QUALITY_PROBES);
        hitsCounter = group.counter(MetricNames.QUALITY_HITS);
        group.gauge(MetricNames.QUALITY_HIT_RATE, this::hitRate);
        group.gauge(MetricNames.QUALITY_MRR, this::mrr);
    }

    /** Scores {@code event} against the user's last list; call with the history as it was before the event. */
    public void observe(UserHistory before, UserEvent event) {
        observe(before.servedItems, before.servedAt, before, event);
    }

    /** Scores {@code event} against {@code list}, made at event time {@code listAt} for a user with {@code before}. */
    public void observe(String[] list, long listAt, UserHistory before, UserEvent event) {
        String item = event.getItemId();
        if (windowMillis <= 0 || item == null || !isTake(event.getType()) || list.length == 0
                || before.contains(item)) {
            return;
        }
        long since = event.getEventTime().toEpochMilli() - listAt;
        if (since < 0 || since > windowMillis) {
            return;
        }
        int position = -1;
        for (int i = 0; i < list.length && i < DEPTH; i++) {
            if (list[i].equals(item)) {
                position = i;
                break;
            }
        }
        weight = weight * KEEP + 1;
        hits = hits * KEEP + (position >= 0 ? 1 : 0);
        reciprocalRanks = reciprocalRanks * KEEP + (position >= 0 ? 1.0 / (position + 1) : 0);
        probes++;
        probesCounter.accept(1);
        if (position >= 0) {
            hitsCounter.accept(1);
        }
    }

    private static boolean isTake(EventType type) {
        return type == EventType.CLICK || type == EventType.PURCHASE;
    }

    /** Share of the recent probes whose item was in the list's top {@link #DEPTH} (0 before any). */
    public double hitRate() {
        return weight == 0 ? 0 : hits / weight;
    }

    /** Mean reciprocal rank of the recent probes' items in their lists (0 when absent; 0 before any). */
    public double mrr() {
        return weight == 0 ? 0 : reciprocalRanks / weight;
    }

    /** Probes counted since the start (not checkpointed: a restart starts again). */
    public long probes() {
        return probes;
    }
}
