package io.streamrec.tools;

import io.streamrec.local.HelpOption;
import io.streamrec.schemas.Topic;
import io.streamrec.tools.data.SyntheticWorkload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The command line of {@link ReplayProducer}: its options become {@link ReplayProducerSettings}. */
@Command(name = "ReplayProducer", showDefaultValues = true, sortOptions = false,
        description = "Replays a dataset, or the synthetic workload, into Kafka: the catalogue to the items topic, "
                + "then the events to their topics by type, Avro single-object encoded, at a chosen rate.")
public final class ReplayProducerCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9092",
            description = "Kafka to write to.")
    String bootstrap;

    @Option(names = "--events", paramLabel = "N", defaultValue = "10000",
            description = "Events to replay; 0 = all of a dataset.")
    long events;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "1000",
            description = "Events per second; 0 = as fast as possible.")
    double rate;

    @Option(names = "--dataset", paramLabel = "DIR",
            description = "MovieLens latest, MovieLens 100K or an events.csv + items.csv folder "
                    + "(default: the synthetic workload).")
    Path dataset;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the synthetic workload and of the bad records.")
    long seed;

    @Option(names = "--items", paramLabel = "N", defaultValue = "" + SyntheticWorkload.DEFAULT_ITEMS,
            description = "Catalogue size of the synthetic workload.")
    int items;

    @Option(names = "--users", paramLabel = "N", defaultValue = "" + SyntheticWorkload.DEFAULT_USERS,
            description = "User count of the synthetic workload.")
    int users;

    @Option(names = "--bad-records", paramLabel = "K", defaultValue = "0",
            description = "Malformed records also written to the event topics.")
    int badRecords;

    @Option(names = "--event-time", paramLabel = "now|original",
            description = "Event times: the send time, or as in the source (default: now for the synthetic "
                    + "workload, original for a dataset).")
    ReplayProducerSettings.EventTime eventTime;

    @Option(names = "--run-id", paramLabel = "ID",
            description = "Suffix of the event ids, so that a repeated replay is new data (default: the start time "
                    + "with --event-time now, none otherwise).")
    String runId;

    @Option(names = "--topic-views", paramLabel = "NAME", defaultValue = "views", description = "Views topic.")
    String viewsTopic;

    @Option(names = "--topic-clicks", paramLabel = "NAME", defaultValue = "clicks", description = "Clicks topic.")
    String clicksTopic;

    @Option(names = "--topic-purchases", paramLabel = "NAME", defaultValue = "purchases",
            description = "Purchases topic.")
    String purchasesTopic;

    @Option(names = "--topic-text-events", paramLabel = "NAME", defaultValue = "text-events",
            description = "Searches and reviews topic.")
    String textEventsTopic;

    @Option(names = "--topic-items", paramLabel = "NAME", defaultValue = "items", description = "Catalogue topic.")
    String itemsTopic;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "15",
            description = "How long to wait for the broker.")
    long connectTimeoutSeconds;

    @Option(names = "--catalogue-lead", paramLabel = "SECONDS", defaultValue = "0",
            description = "Pause after the initial catalogue, before the first event.")
    long catalogueLeadSeconds;

    /** The settings these options describe; a value out of range is an {@link IllegalArgumentException}. */
    ReplayProducerSettings settings() {
        return new ReplayProducerSettings().bootstrap(bootstrap).events(events).rate(rate).dataset(dataset)
                .seed(seed).items(items).users(users).badRecords(badRecords).eventTime(eventTime).runId(runId)
                .topicName(Topic.VIEWS, viewsTopic).topicName(Topic.CLICKS, clicksTopic)
                .topicName(Topic.PURCHASES, purchasesTopic).topicName(Topic.TEXT_EVENTS, textEventsTopic)
                .topicName(Topic.ITEMS, itemsTopic)
                .connectTimeout(Duration.ofSeconds(connectTimeoutSeconds))
                .catalogueLead(Duration.ofSeconds(catalogueLeadSeconds));
    }

    @Override
    public Integer call() throws Exception {
        ReplayProducer.run(settings());
        return 0;
    }
}
