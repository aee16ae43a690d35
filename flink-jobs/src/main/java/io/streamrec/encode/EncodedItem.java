package io.streamrec.encode;

import io.streamrec.events.ItemUpdate;

/** The outcome of encoding an item's text: the vector, or why it could not be encoded. */
public class EncodedItem {
    public ItemUpdate update;
    public float[] vector;
    public String failure;

    public EncodedItem() {}

    public static EncodedItem encoded(ItemUpdate update, float[] vector) {
        EncodedItem e = new EncodedItem();
        e.update = update;
        e.vector = vector;
        return e;
    }

    public static EncodedItem failed(ItemUpdate update, String reason) {
        EncodedItem e = new EncodedItem();
        e.update = update;
        e.failure = reason;
        return e;
    }
}
