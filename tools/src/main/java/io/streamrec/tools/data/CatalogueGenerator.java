package io.streamrec.tools.data;

import io.streamrec.avro.Item;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A synthetic catalogue: items spread evenly over {@link Categories#ALL}, each with a title and a
 * description made of its category's words, the category as its only category, a price in the
 * category's range, and an {@code updated_at} in the 30 days before the catalogue time.
 * Deterministic for a seed.
 */
public final class CatalogueGenerator {
    private static final Duration MAX_AGE = Duration.ofDays(30);

    private final long seed;
    private final List<Category> categories;

    public CatalogueGenerator(long seed) {
        this(seed, Categories.ALL);
    }

    public CatalogueGenerator(long seed, List<Category> categories) {
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("at least one category is needed");
        }
        this.seed = seed;
        this.categories = List.copyOf(categories);
    }

    /** {@code count} items with ids item-00000, item-00001, ...; all updated before {@code catalogueTime}. */
    public List<Item> generate(int count, Instant catalogueTime) {
        if (count < categories.size()) {
            throw new IllegalArgumentException("a catalogue needs at least one item per category ("
                    + categories.size() + "), asked for " + count);
        }
        // Own stream: the catalogue does not change when the user or event settings do.
        SplittableRandom random = new SplittableRandom(seed ^ 0x6361_7461_6c6fL);
        List<Item> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Category category = categories.get(i % categories.size());
            items.add(item(String.format(Locale.ROOT, "item-%05d", i), category, random, catalogueTime));
        }
        return items;
    }

    public static String categoryOf(Item item) {
        return item.getCategories().isEmpty() ? "" : item.getCategories().get(0);
    }

    private static Item item(String id, Category category, SplittableRandom random, Instant catalogueTime) {
        String noun = category.noun(random);
        String adjective = category.adjective(random);
        String brand = category.brand(random);
        String title = brand + " " + adjective + " " + noun;
        String description = "A " + adjective + " " + noun + " by " + brand + ", made for "
                + category.occasion(random) + ". " + capitalise(category.adjective(random)) + " and "
                + category.adjective(random) + "; pairs well with a " + category.noun(random) + ".";
        long ageMillis = random.nextLong(MAX_AGE.toMillis());
        return Item.newBuilder()
                .setItemId(id)
                .setTitle(title)
                .setDescription(description)
                .setCategories(List.of(category.name()))
                .setPrice(price(category, random))
                .setImageVector(null)
                .setUpdatedAt(catalogueTime.minusMillis(ageMillis))
                .build();
    }

    /** Log-uniform in the category's range, ending in .99 like shop prices do. */
    private static double price(Category category, SplittableRandom random) {
        double ratio = category.maxPrice() / category.minPrice();
        double raw = category.minPrice() * Math.pow(ratio, random.nextDouble());
        return Math.max(1, Math.floor(raw)) - 0.01;
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
