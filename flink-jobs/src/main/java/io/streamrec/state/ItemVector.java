package io.streamrec.state;

import io.streamrec.avro.Item;
import java.util.List;

/**
 * An item as ranking sees it: its text vector (encoded once per item version, then only copied), its
 * image vector projected into a fixed small space, and what reasons need (title, category).
 */
public class ItemVector {
    public String itemId;
    public String title;
    public String category;
    public long updatedAt;
    public float[] text;
    /** Projected image vector, or null when the item has none. */
    public float[] image;

    public ItemVector() {}

    public static ItemVector of(Item item, float[] textVector) {
        ItemVector v = new ItemVector();
        v.itemId = item.getItemId();
        v.title = item.getTitle();
        List<String> categories = item.getCategories();
        v.category = categories == null || categories.isEmpty() ? null : categories.get(0);
        v.updatedAt = item.getUpdatedAt().toEpochMilli();
        v.text = textVector;
        v.image = ImageProjection.project(item.getImageVector());
        return v;
    }

    /** The text the encoder reads for an item: title, description and categories. */
    public static String textOf(Item item) {
        StringBuilder text = new StringBuilder(item.getTitle());
        if (item.getDescription() != null && !item.getDescription().isBlank()) {
            text.append(". ").append(item.getDescription());
        }
        if (item.getCategories() != null && !item.getCategories().isEmpty()) {
            text.append(". ").append(String.join(", ", item.getCategories()));
        }
        return text.toString();
    }
}
