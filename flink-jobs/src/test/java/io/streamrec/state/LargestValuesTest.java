package io.streamrec.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The heap selection against a stable full sort, with many ties and every k from 0 to beyond n. */
class LargestValuesTest {
    @Test
    void equalsAStableDescendingSortCutToK() {
        Random r = new Random(12);
        for (int round = 0; round < 300; round++) {
            int n = r.nextInt(60);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = r.nextInt(8);
            }
            int k = r.nextInt(n + 3);
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -v[i])) // stable: ties keep position order
                    .limit(k).mapToInt(Integer::intValue).toArray();
            assertThat(LargestValues.indexes(v, k)).as("n=%d k=%d", n, k).containsExactly(expected);
        }
    }
}
