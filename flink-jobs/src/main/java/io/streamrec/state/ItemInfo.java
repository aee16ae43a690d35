package io.streamrec.state;

import io.streamrec.avro.Item;

/** What ranking needs to know of a catalogue item: its title and primary category. */
public class ItemInfo {
    public String title;
    public String category;
    public long updatedAt;

    public ItemInfo() {}

    public ItemInfo(String title, String category, long updatedAt) {
        this.title = title;
        this.category = category;
        this.updatedAt = updatedAt;
    }

    public static ItemInfo of(Item item) {
        String category = item.getCategories() == null || item.getCategories().isEmpty()
                ? null
                : item.getCategories().get(0);
        return new ItemInfo(item.getTitle(), category, item.getUpdatedAt().toEpochMilli());
    }
}
