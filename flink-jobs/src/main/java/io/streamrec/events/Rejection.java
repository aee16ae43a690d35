package io.streamrec.events;

/** Why a record is unusable: a stable code for machines and a message for people. */
public record Rejection(String code, String message) {
    public static final String UNDECODABLE = "UNDECODABLE";
    public static final String UNKNOWN_SCHEMA = "UNKNOWN_SCHEMA";
    public static final String MISSING_FIELD = "MISSING_FIELD";
    public static final String INVALID_FIELD = "INVALID_FIELD";
    public static final String UNKNOWN_EVENT_TYPE = "UNKNOWN_EVENT_TYPE";
    public static final String WRONG_TOPIC = "WRONG_TOPIC";
    public static final String TEXT_TOO_LONG = "TEXT_TOO_LONG";
    public static final String EVENT_TIME_OUT_OF_RANGE = "EVENT_TIME_OUT_OF_RANGE";
    public static final String BAD_VECTOR = "BAD_VECTOR";
    public static final String DUPLICATE_EVENT = "DUPLICATE_EVENT";

    public static Rejection of(String code, String message) {
        return new Rejection(code, message);
    }
}
