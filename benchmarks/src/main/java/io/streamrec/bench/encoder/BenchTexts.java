package io.streamrec.bench.encoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic product-like texts: short titles (8-20 tokens) and medium reviews (60-120 tokens). */
final class BenchTexts {

    private static final String[] WORDS = (
            "red blue green black white light heavy small large soft warm cold fast quiet loud cheap premium"
            + " running shoes jacket lamp kettle blender headphones speaker cable charger novel guide book tea"
            + " coffee mug chair desk table bottle backpack tent knife pan pot glove scarf watch phone case"
            + " great good poor battery quality price delivery fabric colour size fits broke works easy clean"
            + " after weeks months daily use kitchen office travel garden kids family gift recommend return"
            + " the a and but with for of to in on it is was very really quite too not my our this that")
            .split(" ");

    private BenchTexts() {}

    static List<String> shortTexts(int count, long seed) {
        return generate(count, seed, 6, 16);
    }

    static List<String> mediumTexts(int count, long seed) {
        return generate(count, seed, 58, 112);
    }

    /** Word counts in [minWords, maxWords]; these words are single tokens, plus [CLS]/[SEP] and punctuation. */
    private static List<String> generate(int count, long seed, int minWords, int maxWords) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int words = minWords + random.nextInt(maxWords - minWords + 1);
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < words; w++) {
                text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            texts.add(text.append('.').toString());
        }
        return texts;
    }
}
