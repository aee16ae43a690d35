package io.streamrec.tools;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Item;
import io.streamrec.avro.UserEvent;
import io.streamrec.local.CommandLines;
import io.streamrec.local.ProgressLine;
import io.streamrec.schemas.AvroCodec;
import io.streamrec.schemas.Topic;
import io.streamrec.tools.data.Dataset;
import io.streamrec.tools.data.DatasetReader;
import io.streamrec.tools.data.SyntheticWorkload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Replays a dataset (or the synthetic workload) into Kafka: the catalogue to the items topic (key
 * item_id), then the events to their topic by type (key user_id), Avro single-object encoded, at a
 * chosen rate, optionally mixed with malformed records. Idempotent producer with acks=all, so a
 * retried send is never written twice. Its options: {@link ReplayProducerCommand}.
 */
public final class ReplayProducer {
    private static final AvroCodec<UserEvent> EVENTS = AvroCodec.of(UserEvent.class);
    private static final AvroCodec<Item> ITEMS = AvroCodec.of(Item.class);

    private ReplayProducer() {}

    public static void main(String[] args) {
        System.exit(CommandLines.execute(new ReplayProducerCommand(), args));
    }

    /** Replays as {@code settings} say and returns what the broker acknowledged. */
    public static ProducedCounts run(ReplayProducerSettings settings) throws IOException, InterruptedException {
        Dataset dataset = openSource(settings);
        long eventCount = settings.events() == 0 ? dataset.eventCount() : Math.min(settings.events(),
                dataset.eventCount());
        List<String> topics = new ArrayList<>();
        for (Topic topic : ReplayProducerSettings.TOPICS) {
            topics.add(settings.topicName(topic));
        }
        KafkaClients.requireTopics(settings.bootstrap(), topics, settings.connectTimeout());

        long startMillis = System.currentTimeMillis();
        boolean now = settings.eventTime() == ReplayProducerSettings.EventTime.NOW;
        String runId = settings.runId(startMillis);
        println(settings, "replay: " + dataset.description() + ", " + eventCount + " events, " + dataset.items().size()
                + " items, " + settings.badRecords() + " bad records to " + settings.bootstrap() + " (event time "
                + settings.eventTime().name().toLowerCase(java.util.Locale.ROOT)
                + (runId.isEmpty() ? "" : ", run id " + runId) + ")");

        ReplaySender sender = new ReplaySender(producer(settings), settings.bootstrap());
        ProgressLine progress = new ProgressLine(settings.progress() == null ? null : settings.progress()::println,
                "replay:", "events", settings.progressInterval());
        RateLimiter limiter = new RateLimiter(settings.rate());
        ReplayPlan plan = new ReplayPlan(dataset.items(), dataset.events(), eventCount, settings.badRecords());
        long lastEventMillis = Long.MIN_VALUE;
        try (sender) {
            while (plan.hasNext()) {
                ReplayPlan.Step step = plan.next();
                if (step instanceof ReplayPlan.SendItem send) {
                    Item item = now ? Item.newBuilder(send.item()).setUpdatedAt(Instant.now()).build() : send.item();
                    sender.send(ReplaySender.Kind.ITEM, settings.topicName(Topic.ITEMS), utf8(item.getItemId()),
                            ITEMS.encode(item));
                } else if (step instanceof ReplayPlan.SendEvent send) {
                    if (lastEventMillis == Long.MIN_VALUE && settings.catalogueWritten() != null) {
                        sender.flush();
                        settings.catalogueWritten().await(sender.counts().items());
                    } else if (lastEventMillis == Long.MIN_VALUE && !settings.catalogueLead().isZero()) {
                        sender.flush();
                        println(settings, "catalogue written; waiting " + settings.catalogueLead().toSeconds()
                                + " s before the first event");
                        sleep(settings.catalogueLead());
                    }
                    limiter.acquire();
                    UserEvent event = rewrite(send.event(), now, runId, lastEventMillis);
                    lastEventMillis = event.getEventTime().toEpochMilli();
                    sender.send(ReplaySender.Kind.EVENT, settings.topicName(topicOf(event.getType())),
                            utf8(event.getUserId()), EVENTS.encode(event));
                    progress.update(sender.eventsSent(), eventCount);
                } else if (step instanceof ReplayPlan.SendBad send) {
                    Instant time = now || lastEventMillis == Long.MIN_VALUE ? Instant.now()
                            : Instant.ofEpochMilli(lastEventMillis);
                    BadRecords.BadRecord bad = BadRecords.create(send.index(), settings.seed(), time);
                    sender.send(ReplaySender.Kind.BAD, settings.topicName(bad.topic()), bad.key(), bad.value());
                }
            }
            sender.flush();
        }
        ProducedCounts counts = sender.counts();
        println(settings, counts.summary());
        return counts;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting before the first event", e);
        }
    }

    /** The topic an event type belongs on. */
    public static Topic topicOf(EventType type) {
        return switch (type) {
            case VIEW -> Topic.VIEWS;
            case CLICK -> Topic.CLICKS;
            case PURCHASE -> Topic.PURCHASES;
            case SEARCH, REVIEW -> Topic.TEXT_EVENTS;
            case UNKNOWN -> throw new IllegalArgumentException("an UNKNOWN event has no topic");
        };
    }

    private static Dataset openSource(ReplayProducerSettings settings) throws IOException {
        if (settings.source() != null) {
            return settings.source();
        }
        if (settings.dataset() != null) {
            return DatasetReader.open(settings.dataset());
        }
        if (settings.events() == 0) {
            throw new IllegalArgumentException("--events 0 (all) needs --dataset: the synthetic workload is endless");
        }
        return new SyntheticWorkload(settings.seed(), settings.items(), settings.users(),
                SyntheticWorkload.DEFAULT_START).asDataset(settings.events());
    }

    /** Applies the run id and, in NOW mode, the send time (never earlier than the previous event's). */
    private static UserEvent rewrite(UserEvent event, boolean now, String runId, long lastEventMillis) {
        if (!now && runId.isEmpty()) {
            return event;
        }
        UserEvent.Builder copy = UserEvent.newBuilder(event);
        if (now) {
            copy.setEventTime(Instant.ofEpochMilli(Math.max(System.currentTimeMillis(), lastEventMillis)));
        }
        if (!runId.isEmpty()) {
            copy.setEventId(event.getEventId() + "-" + runId);
        }
        return copy.build();
    }

    private static KafkaProducer<byte[], byte[]> producer(ReplayProducerSettings settings) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(settings.connectTimeout().toMillis()));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "streamrec-replay");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void println(ReplayProducerSettings settings, String line) {
        if (settings.progress() != null) {
            settings.progress().println(line);
        }
    }
}
