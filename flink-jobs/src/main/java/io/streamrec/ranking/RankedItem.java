package io.streamrec.ranking;

/** A ranked candidate: probability of a positive interaction, and what drove it. */
public record RankedItem(ItemVector item, float score, Feature driver) {}
