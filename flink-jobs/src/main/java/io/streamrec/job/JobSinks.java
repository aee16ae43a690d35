package io.streamrec.job;

import io.streamrec.avro.DeadLetter;
import io.streamrec.avro.ForgetAcknowledgement;
import io.streamrec.avro.ModelUpdate;
import io.streamrec.avro.Recommendation;
import io.streamrec.sinks.KafkaSinks;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Where the job writes: recommendations, dead letters, model updates and the acknowledgements of forget
 * requests. Tests pass their own.
 */
public record JobSinks(Sink<Recommendation> recommendations, Sink<DeadLetter> deadLetters,
        Sink<ModelUpdate> modelUpdates, Sink<ForgetAcknowledgement> forgetAcknowledgements) {

    public JobSinks {
        Objects.requireNonNull(recommendations, "recommendations sink");
        Objects.requireNonNull(deadLetters, "dead-letters sink");
        Objects.requireNonNull(modelUpdates, "model-updates sink");
        Objects.requireNonNull(forgetAcknowledgements, "forget-acknowledgements sink");
    }

    public static JobSinks kafka(ReadableConfig config) {
        return new JobSinks(KafkaSinks.recommendations(config), KafkaSinks.deadLetters(config),
                KafkaSinks.modelUpdates(config), KafkaSinks.forgetAcknowledgements(config));
    }
}
