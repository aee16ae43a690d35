package io.streamrec.recommend;

/** A candidate with its score and the reason that drove it. */
public record ScoredItem(String itemId, float score, String reason) {}
