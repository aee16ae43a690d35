package io.streamrec.config;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Limits on input; a record that breaks one goes to the dead-letter topic with the reason. */
public final class ValidationOptions {
    private ValidationOptions() {}

    public static final ConfigOption<Integer> MAX_TEXT_CHARS = ConfigOptions.key("validation.max-text-chars")
            .intType()
            .defaultValue(5000)
            .withDescription("Longest search or review text accepted, in characters.");

    public static final ConfigOption<Integer> MAX_ID_CHARS = ConfigOptions.key("validation.max-id-chars")
            .intType()
            .defaultValue(200)
            .withDescription("Longest event, user or item id accepted.");

    public static final ConfigOption<Integer> MAX_IMAGE_DIMENSION = ConfigOptions.key("validation.max-image-dimension")
            .intType()
            .defaultValue(4096)
            .withDescription("Largest image vector dimension accepted on items.");

    public static final ConfigOption<Integer> IMAGE_DIMENSION = ConfigOptions.key("validation.image-dimension")
            .intType()
            .defaultValue(0)
            .withDescription("When > 0, every item image vector must have exactly this dimension.");

    public static final ConfigOption<Long> MIN_EVENT_TIME = ConfigOptions.key("validation.min-event-time")
            .longType()
            .defaultValue(788918400000L)
            .withDescription("Earliest event time accepted, epoch millis (default 1995-01-01T00:00:00Z).");

    public static final ConfigOption<Duration> MAX_CLOCK_SKEW = ConfigOptions.key("validation.max-clock-skew")
            .durationType()
            .defaultValue(Duration.ofDays(1))
            .withDescription("How far in the future (against the processing clock) an event time may lie.");

    public static final ConfigOption<Integer> DEDUP_WINDOW = ConfigOptions.key("validation.dedup-window")
            .intType()
            .defaultValue(64)
            .withDescription("Recent event ids remembered per user (as 64-bit hashes, 8 bytes each in the user's state); "
                    + "a repeated id is a dead letter (DUPLICATE_EVENT).");
}
