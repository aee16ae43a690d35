package io.streamrec.ranking;

/** Where a candidate of the model's pool came from; an item may come from several. */
public enum CandidateSource {
    /** Nearest items to the user's fused vector (text, image, behaviour). */
    TEXT_NEAREST,
    /** Items that co-occur most with the user's recent items. */
    CO_OCCURRING,
    /** Trending items (decayed popularity). */
    TRENDING;

    /** Told every candidate of a pool with its source, for diagnostics (pool recall per source). */
    public interface Recorder {
        void candidate(String itemId, CandidateSource source);
    }
}
