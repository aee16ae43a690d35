package io.streamrec.tools.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One catalogue category and the words that belong to it. Titles, descriptions, search queries and
 * reviews are drawn from these words only (plus a few neutral connectors), so a text model can tell
 * the categories apart.
 */
public record Category(
        String name,
        List<String> nouns,
        List<String> adjectives,
        List<String> brands,
        List<String> occasions,
        double minPrice,
        double maxPrice) {

    public String noun(SplittableRandom random) {
        return pick(nouns, random);
    }

    public String adjective(SplittableRandom random) {
        return pick(adjectives, random);
    }

    public String brand(SplittableRandom random) {
        return pick(brands, random);
    }

    public String occasion(SplittableRandom random) {
        return pick(occasions, random);
    }

    static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }
}
