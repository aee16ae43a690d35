package io.streamrec.tools;

import io.streamrec.schemas.Topic;
import io.streamrec.tools.data.Dataset;
import io.streamrec.tools.data.SyntheticWorkload;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link ReplayProducer} replays, where to, and how fast: fluent setters that check their values, defaults as
 * on its command line ({@link ReplayProducerCommand}).
 */
public final class ReplayProducerSettings {
    /** Which time the events carry. */
    public enum EventTime {
        /** The send time: the timeline is shifted so that latency can be measured end to end. */
        NOW,
        /** The time in the source. */
        ORIGINAL
    }

    /**
     * Told once that the initial catalogue (the items in it before the first event) is written and flushed,
     * before the first event is sent; it returns when the events may follow, e.g. once a job has indexed the items.
     */
    @FunctionalInterface
    public interface CatalogueWritten {
        void await(long itemsWritten) throws InterruptedException;
    }

    /** The topics {@link ReplayProducer} writes to. */
    public static final List<Topic> TOPICS = List.of(Topic.VIEWS, Topic.CLICKS, Topic.PURCHASES, Topic.TEXT_EVENTS,
            Topic.ITEMS);

    private String bootstrap = "127.0.0.1:9092";
    private long events = 10_000;
    private double rate = 1000;
    private Path dataset;
    private long seed = 42;
    private int items = SyntheticWorkload.DEFAULT_ITEMS;
    private int users = SyntheticWorkload.DEFAULT_USERS;
    private int badRecords;
    private final Map<Topic, String> topicNames = new EnumMap<>(Topic.class);
    private EventTime eventTime;
    private String runId;
    private Duration connectTimeout = Duration.ofSeconds(15);
    private Duration catalogueLead = Duration.ZERO;
    private CatalogueWritten catalogueWritten;
    private Dataset source;
    private PrintStream progress = System.out;
    private Duration progressInterval = Duration.ofSeconds(2);

    public ReplayProducerSettings bootstrap(String value) {
        bootstrap = value;
        return this;
    }

    /** Events to replay; 0 means all events of the dataset (not allowed for the synthetic workload). */
    public ReplayProducerSettings events(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("--events must not be negative: " + value);
        }
        events = value;
        return this;
    }

    /** Events per second; 0 means as fast as possible. */
    public ReplayProducerSettings rate(double value) {
        if (value < 0 || Double.isNaN(value)) {
            throw new IllegalArgumentException("--rate must be 0 (unlimited) or positive: " + value);
        }
        rate = value;
        return this;
    }

    /** A dataset folder (see {@code DatasetReader}); null for the synthetic workload. */
    public ReplayProducerSettings dataset(Path value) {
        dataset = value;
        return this;
    }

    public ReplayProducerSettings seed(long value) {
        seed = value;
        return this;
    }

    /** Catalogue size of the synthetic workload. */
    public ReplayProducerSettings items(int value) {
        items = value;
        return this;
    }

    /** User count of the synthetic workload. */
    public ReplayProducerSettings users(int value) {
        users = value;
        return this;
    }

    public ReplayProducerSettings badRecords(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("--bad-records must not be negative: " + value);
        }
        badRecords = value;
        return this;
    }

    public ReplayProducerSettings topicName(Topic topic, String name) {
        if (!TOPICS.contains(topic)) {
            throw new IllegalArgumentException("the replay does not write to " + topic);
        }
        topicNames.put(topic, name);
        return this;
    }

    /** Null picks the default: NOW for the synthetic workload, ORIGINAL for datasets. */
    public ReplayProducerSettings eventTime(EventTime value) {
        eventTime = value;
        return this;
    }

    /**
     * Appended to event ids ({@code <id>-<runId>}) so that replaying the same source again is not taken
     * for duplicates. Null picks the default: none with original times, the start time (base 36) with
     * NOW; empty means none.
     */
    public ReplayProducerSettings runId(String value) {
        runId = value;
        return this;
    }

    /** Pause between the initial catalogue and the first event, so the job can encode the catalogue first. */
    public ReplayProducerSettings catalogueLead(Duration value) {
        catalogueLead = value;
        return this;
    }

    public Duration catalogueLead() {
        return catalogueLead;
    }

    /** Waits for something after the initial catalogue instead of {@link #catalogueLead}; null: no such wait. */
    public ReplayProducerSettings catalogueWritten(CatalogueWritten value) {
        catalogueWritten = value;
        return this;
    }

    public CatalogueWritten catalogueWritten() {
        return catalogueWritten;
    }

    /**
     * A dataset already opened (e.g. changed on the way) to replay instead of reading {@link #dataset}; its times
     * count as the source's ({@link EventTime#ORIGINAL} by default).
     */
    public ReplayProducerSettings source(Dataset value) {
        source = value;
        return this;
    }

    public Dataset source() {
        return source;
    }

    public ReplayProducerSettings connectTimeout(Duration value) {
        connectTimeout = value;
        return this;
    }

    /** Where progress and the final line go; null for none. */
    public ReplayProducerSettings progress(PrintStream value) {
        progress = value;
        return this;
    }

    public ReplayProducerSettings progressInterval(Duration value) {
        progressInterval = value;
        return this;
    }

    public String bootstrap() {
        return bootstrap;
    }

    public long events() {
        return events;
    }

    public double rate() {
        return rate;
    }

    public Path dataset() {
        return dataset;
    }

    public long seed() {
        return seed;
    }

    public int items() {
        return items;
    }

    public int users() {
        return users;
    }

    public int badRecords() {
        return badRecords;
    }

    public String topicName(Topic topic) {
        return topicNames.getOrDefault(topic, topic.defaultName());
    }

    /** The effective mode: as set, or the default for the source. */
    public EventTime eventTime() {
        return eventTime != null ? eventTime : dataset == null && source == null ? EventTime.NOW : EventTime.ORIGINAL;
    }

    /** The effective run id ("" for none) for a replay started at {@code startMillis}. */
    public String runId(long startMillis) {
        if (runId != null) {
            return runId;
        }
        return eventTime() == EventTime.NOW ? Long.toString(startMillis, 36) : "";
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public PrintStream progress() {
        return progress;
    }

    public Duration progressInterval() {
        return progressInterval;
    }
}
