package io.streamrec.tools.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Search queries and review texts for the synthetic workload. Queries use only the category's words;
 * reviews mix them with clearly positive or negative wording so a sentiment signal exists.
 */
final class TextTemplates {
    private static final List<String> POSITIVE = List.of(
            "Love this %s, %s and well made, perfect for %s.",
            "Excellent %s: %s, exactly as described and great for %s.",
            "Fantastic %s, %s and worth every penny for %s.",
            "Really happy with this %s; %s and brilliant for %s.");
    private static final List<String> NEGATIVE = List.of(
            "Disappointed with this %s; not %s at all and useless for %s.",
            "Poor quality %s, claims to be %s but broke quickly, bad for %s.",
            "Returned the %s: flimsy, hardly %s, and a waste of money for %s.",
            "Terrible %s, not %s, would not recommend it for %s.");

    private TextTemplates() {}

    static String searchQuery(Category category, SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> category.noun(random);
            case 1 -> category.adjective(random) + " " + category.noun(random);
            case 2 -> category.brand(random) + " " + category.noun(random);
            default -> category.noun(random) + " for " + category.occasion(random);
        };
    }

    static String review(Category category, boolean positive, SplittableRandom random) {
        String template = Category.pick(positive ? POSITIVE : NEGATIVE, random);
        return String.format(template, category.noun(random), category.adjective(random), category.occasion(random));
    }

    /** 4 or 5 stars for a positive review, 1 or 2 for a negative one. */
    static float rating(boolean positive, SplittableRandom random) {
        return positive ? 4 + random.nextInt(2) : 1 + random.nextInt(2);
    }
}
