package io.streamrec.text.runtime;

/** A text was still queued when its encoder shut down (task cancelled or failing over). */
public class EncoderClosedException extends IllegalStateException {

    public EncoderClosedException() {
        super("The text encoder was closed before this text was encoded");
    }
}
