package io.streamrec.text.model;

/** A model folder that cannot be used: a file missing, unreadable, or not the one its manifest names. */
public class ModelFileException extends IllegalStateException {

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
