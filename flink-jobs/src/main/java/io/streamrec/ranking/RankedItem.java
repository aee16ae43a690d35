package io.streamrec.ranking;

import io.streamrec.state.ItemVector;

/**
 * A ranked candidate: probability of a positive interaction, its logit (the sort key: it keeps the
 * order where the probability saturates at 0 or 1 in float), and what drove it.
 */
public record RankedItem(ItemVector item, float score, float logit, Feature driver) {}
