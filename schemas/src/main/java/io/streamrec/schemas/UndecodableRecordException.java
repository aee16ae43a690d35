package io.streamrec.schemas;

/** A record that could not be turned into its schema's class, with a stable code saying why. */
public class UndecodableRecordException extends Exception {

    /** Machine-readable reasons; they appear as {@code error_code} on the dead-letter topic. */
    public enum Reason {
        /** Null or empty value. */
        EMPTY,
        /** Not Avro single-object encoding (wrong magic bytes). */
        BAD_HEADER,
        /** A schema fingerprint that no known schema version has. */
        UNKNOWN_SCHEMA,
        /** Header fine, body truncated or corrupt. */
        MALFORMED
    }

    private final Reason reason;

    public UndecodableRecordException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
