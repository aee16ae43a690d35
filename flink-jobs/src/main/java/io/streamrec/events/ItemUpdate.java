package io.streamrec.events;

import io.streamrec.avro.Item;

/** A catalogue change: a new or changed item, or (item == null) the removal of {@code itemId}. */
public class ItemUpdate {
    public String itemId;
    public Item item;

    public ItemUpdate() {}

    public ItemUpdate(String itemId, Item item) {
        this.itemId = itemId;
        this.item = item;
    }

    public boolean isRemoval() {
        return item == null;
    }
}
