package io.streamrec.eval.recommenders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Remembers every text's vector, so the model's upstream and the text baseline share one encoding of
 * the catalogue (minutes on CPU for MovieLens) and repeated tags are encoded once.
 */
public final class CachingTextEncoder implements TextEncoder {
    private final TextEncoder encoder;
    private final Map<String, float[]> vectors = new HashMap<>();

    public CachingTextEncoder(TextEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public float[][] encode(List<String> texts) {
        Set<String> missingSet = new LinkedHashSet<>();
        for (String text : texts) {
            if (!vectors.containsKey(text)) {
                missingSet.add(text);
            }
        }
        if (!missingSet.isEmpty()) {
            List<String> missing = new ArrayList<>(missingSet);
            float[][] encoded = encoder.encode(missing);
            for (int i = 0; i < missing.size(); i++) {
                vectors.put(missing.get(i), encoded[i]);
            }
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            out[i] = vectors.get(texts.get(i));
        }
        return out;
    }

    @Override
    public void close() {
        encoder.close();
    }
}
