package io.streamrec.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorsTest {

    @Test
    void testsRunWithSimdDotProducts() {
        // The build's test JVMs add jdk.incubator.vector, as the scripts and deployments do; without it the
        // SIMD path below would go untested.
        assertThat(Vectors.SIMD_LANES).as(Vectors.dotProductMode()).isGreaterThanOrEqualTo(4);
        assertThat(Vectors.dotProductMode()).startsWith("SIMD");
    }

    @Test
    void simdAndScalarDotProductsAgreeForEveryLengthAndOffset() {
        Random r = new Random(7);
        float[] a = random(r, 500);
        float[] b = random(r, 500);
        for (int n = 0; n <= 130; n++) {
            for (int[] offsets : new int[][] {{0, 0}, {3, 0}, {0, 17}, {5, 9}}) {
                double exact = 0;
                for (int i = 0; i < n; i++) {
                    exact += (double) a[offsets[0] + i] * b[offsets[1] + i];
                }
                float simd = Vectors.dot(a, offsets[0], b, offsets[1], n);
                float scalar = Vectors.scalarDot(a, offsets[0], b, offsets[1], n);
                assertThat((double) simd).as("n=%d offsets %d/%d", n, offsets[0], offsets[1]).isCloseTo(exact, within(1e-4));
                assertThat((double) scalar).as("scalar n=%d", n).isCloseTo(exact, within(1e-4));
            }
        }
        assertThat(Vectors.dot(a, 0, b, 0, 384)).isCloseTo(Vectors.scalarDot(a, 0, b, 0, 384), within(1e-4f));
    }

    @Test
    void helpersBuiltOnTheDotProduct() {
        float[] v = {3f, 4f};
        assertThat(Vectors.norm(v)).isEqualTo(5f);
        assertThat(Vectors.normalized(v)).containsExactly(0.6f, 0.8f);
        assertThat(Vectors.cosine(v, new float[] {6f, 8f})).isCloseTo(1f, within(1e-6f));
        assertThat(Vectors.cosine(v, new float[] {0f, 0f})).isZero();
        assertThat(Vectors.dot(null, v)).isZero();
    }

    private static float[] random(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextFloat() - 0.5f;
        }
        return v;
    }
}
