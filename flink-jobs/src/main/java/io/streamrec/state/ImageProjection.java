package io.streamrec.state;

import io.streamrec.vectors.Vectors;
import java.util.List;
import java.util.Random;

/**
 * Projects image vectors of any dimension into one small shared space with a fixed random Gaussian
 * matrix (Johnson-Lindenstrauss): cosines are preserved approximately, every replica and every restart
 * computes the same projection, and no training is needed.
 */
public final class ImageProjection {
    public static final int DIMENSION = 64;
    private static final long SEED = 0x5eedL;

    private ImageProjection() {}

    /** The unit-length projection of {@code vector}, or null when there is none. */
    public static float[] project(List<Float> vector) {
        if (vector == null || vector.isEmpty()) {
            return null;
        }
        int d = vector.size();
        // One generator per input dimension, so vectors of the same dimension share a projection.
        Random random = new Random(SEED * 31 + d);
        float[] out = new float[DIMENSION];
        for (int i = 0; i < d; i++) {
            float x = vector.get(i);
            for (int j = 0; j < DIMENSION; j++) {
                out[j] += x * (float) random.nextGaussian();
            }
        }
        return Vectors.normalized(out);
    }
}
