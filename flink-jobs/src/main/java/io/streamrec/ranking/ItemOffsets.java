package io.streamrec.ranking;

/** A learned offset added to an item's score beside the shared weights (learning.ItemBiases); 0 for none. */
@FunctionalInterface
public interface ItemOffsets {
    ItemOffsets NONE = itemId -> 0f;

    float of(String itemId);
}
