package io.streamrec.eval.protocol;

import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import io.streamrec.eval.metrics.ProbeCounts;
import io.streamrec.eval.metrics.RankMetrics;
import io.streamrec.eval.metrics.RecommenderResult;
import io.streamrec.eval.metrics.ReplayResult;
import io.streamrec.eval.metrics.Slice;
import io.streamrec.eval.recommenders.Recommender;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Test-then-learn replay in event-time order. Before each event: the items that have entered the
 * catalogue by its time go to every recommender; if the event is a scored positive, every recommender
 * is probed for the user's list as of just before it. Only then does every recommender learn from the
 * event. So no event ever influences the list it is scored against.
 */
public final class Replay {
    private final ReplaySettings settings;
    private final List<Recommender> recommenders;
    private final ProgressListener progress;

    public Replay(ReplaySettings settings, List<Recommender> recommenders, ProgressListener progress) {
        this.settings = settings;
        this.recommenders = List.copyOf(recommenders);
        this.progress = progress;
    }

    public ReplayResult run(String dataset, String description, List<Item> catalogue, List<UserEvent> events) {
        long started = System.nanoTime();
        TimelineSplit split = TimelineSplit.of(events, settings.warmUpFraction(), settings.heldOutFraction());
        BitSet scoredBefore = ScoredEvents.find(events);
        CatalogueFeed feed = new CatalogueFeed(catalogue);
        UserActivity past = new UserActivity();
        ProbeCounts counts = new ProbeCounts();
        List<RecommenderResult> results = new ArrayList<>();
        for (Recommender r : recommenders) {
            results.add(new RecommenderResult(r.name(), settings.topN(), settings.depth()));
        }
        long[] probeTimes = new long[1024];
        for (int i = 0; i < events.size(); i++) {
            UserEvent event = events.get(i);
            long time = event.getEventTime().toEpochMilli();
            List<Item> entering = feed.dueBy(time);
            if (!entering.isEmpty()) {
                for (int r = 0; r < recommenders.size(); r++) {
                    long t0 = System.nanoTime();
                    recommenders.get(r).addItems(entering);
                    results.get(r).addTime(System.nanoTime() - t0);
                }
            }
            if (scoredBefore.get(i) && probe(event, split.phaseOf(time), feed, past, counts, results)) {
                if (counts.scored > probeTimes.length) {
                    probeTimes = java.util.Arrays.copyOf(probeTimes, probeTimes.length * 2);
                }
                probeTimes[(int) counts.scored - 1] = time;
            }
            for (int r = 0; r < recommenders.size(); r++) {
                long t0 = System.nanoTime();
                recommenders.get(r).observe(event);
                results.get(r).addTime(System.nanoTime() - t0);
            }
            past.record(event);
            progress.eventsDone(i + 1, events.size());
        }
        return new ReplayResult(dataset, description, events.size(), counts, split,
                java.util.Arrays.copyOf(probeTimes, (int) counts.scored), results, settings.topN(), settings.depth(),
                (System.nanoTime() - started) / 1e9);
    }

    /** Scores every recommender on {@code event}'s item; false when the event is not scored (and why is counted). */
    private boolean probe(UserEvent event, Phase phase, CatalogueFeed feed, UserActivity past, ProbeCounts counts,
            List<RecommenderResult> results) {
        counts.positives++;
        String user = event.getUserId();
        String target = event.getItemId();
        Set<String> seen = past.itemsOf(user);
        if (phase == Phase.WARM_UP) {
            counts.skippedWarmUp++;
            return false;
        }
        if (past.eventsOf(user) == 0) {
            counts.skippedNoHistory++;
            return false;
        }
        if (seen.contains(target)) {
            // Every recommender excludes seen items, so a repeat could only ever be a miss.
            counts.skippedAlreadySeen++;
            return false;
        }
        if (!feed.contains(target)) {
            counts.skippedNotInCatalogue++;
            return false;
        }
        counts.scored++;
        List<Slice> slices = new ArrayList<>(List.of(Slice.ALL));
        boolean coldItem = past.interactionsWith(target) < settings.coldStartInteractions();
        if (phase == Phase.HELD_OUT) {
            counts.scoredHeldOut++;
            slices.add(Slice.HELD_OUT);
            if (coldItem) {
                slices.add(Slice.COLD_START);
            }
            if (past.eventsOf(user) < settings.newUserEvents()) {
                slices.add(Slice.NEW_USERS);
            }
        } else {
            slices.add(Slice.TUNING);
            // Cold items of the tuning slice: what settings for cold items are chosen on.
            if (coldItem) {
                slices.add(Slice.TUNING_COLD_START);
            }
        }
        int ask = Math.min(settings.maxCandidates(), settings.depth() + seen.size());
        long time = event.getEventTime().toEpochMilli();
        for (int r = 0; r < recommenders.size(); r++) {
            long t0 = System.nanoTime();
            List<String> raw = recommenders.get(r).recommend(user, time, ask);
            results.get(r).addTime(System.nanoTime() - t0);
            Set<String> sources = recommenders.get(r).candidateSourcesOf(target);
            if (sources != null) {
                results.get(r).recordPool(slices, sources);
            }
            List<String> list = servable(raw, seen, feed);
            int rank = RankMetrics.rankOf(list, target);
            List<String> served = list.subList(0, Math.min(settings.topN(), list.size()));
            results.get(r).record(slices, rank, served, feed.size(), settings.topN());
        }
        return true;
    }

    /**
     * The list as the user would see it, the same rule for every recommender: no item the user already
     * touched, none not (yet) in the catalogue, no repeats; cut to the depth.
     */
    List<String> servable(List<String> ranked, Set<String> seen, CatalogueFeed feed) {
        List<String> kept = new ArrayList<>(settings.depth());
        Set<String> listed = new HashSet<>();
        for (String item : ranked) {
            if (kept.size() == settings.depth()) {
                break;
            }
            if (!seen.contains(item) && feed.contains(item) && listed.add(item)) {
                kept.add(item);
            }
        }
        return kept;
    }
}
