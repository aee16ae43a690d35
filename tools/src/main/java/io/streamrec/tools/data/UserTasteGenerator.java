package io.streamrec.tools.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Plants tastes: each user likes 1 to 3 distinct categories (40 % one, 40 % two, 20 % three). */
public final class UserTasteGenerator {
    private static final List<String> DEVICES = List.of("mobile", "mobile", "mobile", "desktop", "tablet", "tv");
    private static final List<String> LOCALES = List.of("en-US", "en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "ja-JP");

    private final long seed;
    private final List<Category> categories;

    public UserTasteGenerator(long seed) {
        this(seed, Categories.ALL);
    }

    public UserTasteGenerator(long seed, List<Category> categories) {
        this.seed = seed;
        this.categories = List.copyOf(categories);
    }

    /** {@code count} users with ids user-0000, user-0001, ... */
    public List<UserTaste> generate(int count) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x7573_6572_73L);
        List<UserTaste> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double r = random.nextDouble();
            int liked = Math.min(categories.size(), r < 0.4 ? 1 : r < 0.8 ? 2 : 3);
            List<String> names = new ArrayList<>();
            while (names.size() < liked) {
                String name = Category.pick(categories, random).name();
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
            users.add(new UserTaste(String.format(Locale.ROOT, "user-%04d", i), names,
                    Category.pick(DEVICES, random), Category.pick(LOCALES, random)));
        }
        return users;
    }
}
