package io.streamrec.schemas;

import io.streamrec.avro.DeadLetter;
import io.streamrec.avro.ForgetAcknowledgement;
import io.streamrec.avro.ForgetRequest;
import io.streamrec.avro.Item;
import io.streamrec.avro.ModelUpdate;
import io.streamrec.avro.Recommendation;
import io.streamrec.avro.UserEvent;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The product's topics: default name, record class, partitions and cleanup policy. The job's
 * topic options take their defaults from here, and the topic tools create topics from here.
 */
public enum Topic {
    VIEWS("views", UserEvent.class, 4, false, "View events (type VIEW)."),
    CLICKS("clicks", UserEvent.class, 4, false, "Click events (type CLICK)."),
    PURCHASES("purchases", UserEvent.class, 4, false, "Purchase events (type PURCHASE)."),
    TEXT_EVENTS("text-events", UserEvent.class, 4, false, "Search queries and reviews (types SEARCH, REVIEW)."),
    ITEMS("items", Item.class, 2, true, "The item catalogue, keyed by item id; compacted."),
    RECOMMENDATIONS("recommendations", Recommendation.class, 4, false, "Top-N recommendations, keyed by user id."),
    MODEL_UPDATES("model-updates", ModelUpdate.class, 1, false,
            "The model's log: gradient updates, applied by every ranker in order (one partition keeps the order)."),
    DEAD_LETTERS("dead-letters", DeadLetter.class, 1, false, "Records the job could not use, with the reason."),
    FORGET_REQUESTS("forget-requests", ForgetRequest.class, 4, false,
            "Requests to forget a user (remove the job's per-user state), keyed by user id."),
    FORGET_ACKNOWLEDGEMENTS("forget-acknowledgements", ForgetAcknowledgement.class, 1, false,
            "One acknowledgement per forget request, with the time the user's state was removed.");

    private final String defaultName;
    private final Class<? extends SpecificRecordBase> recordClass;
    private final int partitions;
    private final boolean compacted;
    private final String description;

    Topic(String defaultName, Class<? extends SpecificRecordBase> recordClass, int partitions,
            boolean compacted, String description) {
        this.defaultName = defaultName;
        this.recordClass = recordClass;
        this.partitions = partitions;
        this.compacted = compacted;
        this.description = description;
    }

    public String defaultName() {
        return defaultName;
    }

    public Class<? extends SpecificRecordBase> recordClass() {
        return recordClass;
    }

    public int partitions() {
        return partitions;
    }

    public boolean compacted() {
        return compacted;
    }

    public String description() {
        return description;
    }
}
