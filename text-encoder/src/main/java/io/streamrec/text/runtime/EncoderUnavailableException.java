package io.streamrec.text.runtime;

/** The encoder cannot run as configured (e.g. CUDA asked for and not usable); the message says why. */
public class EncoderUnavailableException extends IllegalStateException {

    public EncoderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
