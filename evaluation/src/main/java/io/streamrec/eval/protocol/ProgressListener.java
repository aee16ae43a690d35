package io.streamrec.eval.protocol;

/** Told how far the replay has come. */
@FunctionalInterface
public interface ProgressListener {
    void eventsDone(long done, long total);

    ProgressListener NONE = (done, total) -> {};
}
