package io.streamrec.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.vectors.Vectors;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CandidateCacheTest {
    private static final int DIM = 8;

    private static float[] unit(float... v) {
        float[] out = new float[DIM];
        System.arraycopy(v, 0, out, 0, v.length);
        return Vectors.normalized(out);
    }

    private static ExactIndex index() {
        ExactIndex index = new ExactIndex(DIM);
        for (int i = 0; i < 20; i++) {
            index.put("i" + i, unit(1f, i / 10f, (i % 3) / 5f));
        }
        return index;
    }

    @Test
    void reusesTheLastRetrievalWhileTheVectorBarelyMoves() {
        ExactIndex index = index();
        CandidateCache cache = new CandidateCache(10, 0.98f);
        Set<String> none = Set.of();
        float[] q = unit(1f, 0.5f, 0f);
        List<String> first = cache.nearest("u1", q, 5, none, index, 0);
        assertThat(first).isEqualTo(index.topK(q, 5, id -> false));
        assertThat(cache.misses()).isEqualTo(1);

        float[] near = unit(1f, 0.52f, 0.01f); // cosine > 0.98
        assertThat(Vectors.dot(near, q)).isGreaterThan(0.98f);
        assertThat(cache.nearest("u1", near, 5, none, index, 0)).isEqualTo(first);
        assertThat(cache.hits()).isEqualTo(1);

        float[] far = unit(0f, 0f, 1f);
        assertThat(cache.nearest("u1", far, 5, none, index, 0)).isEqualTo(index.topK(far, 5, id -> false));
        assertThat(cache.misses()).isEqualTo(2);
    }

    @Test
    void newExclusionsAreDroppedAndAnyIndexChangeRetrieves() {
        ExactIndex index = index();
        CandidateCache cache = new CandidateCache(10, 0.98f);
        float[] q = unit(1f, 0.5f, 0f);
        List<String> first = cache.nearest("u1", q, 5, Set.of(), index, 0);
        Set<String> bought = Set.of(first.get(0));
        List<String> reused = cache.nearest("u1", q, 5, bought, index, 0);
        assertThat(reused).isEqualTo(first.subList(1, 5));
        assertThat(cache.hits()).isEqualTo(1);

        index.put("new", q);
        List<String> after = cache.nearest("u1", q, 5, bought, index, 1);
        assertThat(after).contains("new").doesNotContainAnyElementsOf(bought);
        assertThat(cache.misses()).isEqualTo(2);
    }

    @Test
    void boundedToTheMostRecentUsersAndOffAtCosineOne() {
        ExactIndex index = index();
        CandidateCache cache = new CandidateCache(2, 0.98f);
        float[] q = unit(1f, 0.5f, 0f);
        for (String user : List.of("a", "b", "c")) {
            cache.nearest(user, q, 5, Set.of(), index, 0);
        }
        assertThat(cache.size()).isEqualTo(2);
        cache.nearest("a", q, 5, Set.of(), index, 0); // evicted: retrieved again
        assertThat(cache.hits()).isZero();
        cache.nearest("c", q, 5, Set.of(), index, 0);
        assertThat(cache.hits()).isEqualTo(1);

        CandidateCache off = new CandidateCache(10, 1f);
        off.nearest("a", q, 5, Set.of(), index, 0);
        off.nearest("a", q, 5, Set.of(), index, 0);
        assertThat(off.hits()).isZero();
        assertThat(off.size()).isZero();
        assertThatThrownBy(() -> new CandidateCache(-1, 0.9f)).isInstanceOf(IllegalArgumentException.class);
    }
}
