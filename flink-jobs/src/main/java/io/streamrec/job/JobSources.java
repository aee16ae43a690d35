package io.streamrec.job;

import io.streamrec.events.KafkaSources;
import io.streamrec.events.RawRecord;
import java.util.Objects;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.ReadableConfig;

/** Where the job reads: events, the catalogue, the model's log and requests to forget users. Tests pass their own. */
public record JobSources(Source<RawRecord, ?, ?> events, Source<RawRecord, ?, ?> items,
        Source<RawRecord, ?, ?> modelUpdates, Source<RawRecord, ?, ?> forgetRequests) {

    public JobSources {
        Objects.requireNonNull(events, "events source");
        Objects.requireNonNull(items, "items source");
        Objects.requireNonNull(modelUpdates, "model-updates source");
        Objects.requireNonNull(forgetRequests, "forget-requests source");
    }

    public static JobSources kafka(ReadableConfig config) {
        return new JobSources(KafkaSources.events(config), KafkaSources.items(config), KafkaSources.modelUpdates(config),
                KafkaSources.forgetRequests(config));
    }
}
