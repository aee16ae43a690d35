package io.streamrec.eval.protocol;

import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import io.streamrec.eval.recommenders.Recommender;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A test double: logs every call ("items:a,b@t", "probe:user@t", "observe:eventId") and answers probes
 * with a function of what it was told so far.
 */
class ScriptedRecommender implements Recommender {
    record Probe(String userId, long time, int howMany) {}

    final List<String> log = new ArrayList<>();
    final List<UserEvent> observed = new ArrayList<>();
    final List<Item> catalogue = new ArrayList<>();
    private final String name;
    private final Function<ScriptedRecommender, List<String>> answer;
    private Probe lastProbe;

    ScriptedRecommender(String name, Function<ScriptedRecommender, List<String>> answer) {
        this.name = name;
        this.answer = answer;
    }

    /** Recommends the items of the most recent events it has observed, newest first: it can only know the past. */
    static ScriptedRecommender pastOnly() {
        return new ScriptedRecommender("past-only", r -> {
            List<String> items = new ArrayList<>();
            for (int i = r.observed.size() - 1; i >= 0; i--) {
                String item = r.observed.get(i).getItemId();
                if (item != null && !items.contains(item)) {
                    items.add(item);
                }
            }
            return items;
        });
    }

    Probe lastProbe() {
        return lastProbe;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void addItems(List<Item> items) {
        log.add("items:" + String.join(",", items.stream().map(Item::getItemId).toList()));
        catalogue.addAll(items);
    }

    @Override
    public List<String> recommend(String userId, long eventTimeMillis, int howMany) {
        lastProbe = new Probe(userId, eventTimeMillis, howMany);
        log.add("probe:" + userId + "@" + eventTimeMillis);
        return answer.apply(this);
    }

    @Override
    public void observe(UserEvent event) {
        log.add("observe:" + event.getEventId());
        observed.add(event);
    }
}
