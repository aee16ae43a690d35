package io.streamrec.text.flink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddingCacheTest {

    @Test
    void hitsOnSameKeyAndTextMissesOnChangedText() {
        EmbeddingCache cache = new EmbeddingCache(10);
        assertThat(cache.get("item-1", "red shoes")).isNull();
        cache.put("item-1", "red shoes", new float[] {1, 2});

        assertThat(cache.get("item-1", "red shoes")).containsExactly(1, 2);
        assertThat(cache.get("item-1", "blue shoes")).isNull();
        cache.put("item-1", "blue shoes", new float[] {3, 4});
        assertThat(cache.get("item-1", "blue shoes")).containsExactly(3, 4);
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.hits()).isEqualTo(2);
        assertThat(cache.misses()).isEqualTo(2);
        assertThat(cache.hitRatio()).isEqualTo(0.5);
    }

    @Test
    void returnsCopiesSoCallersCannotChangeTheCache() {
        EmbeddingCache cache = new EmbeddingCache(10);
        float[] vector = {1, 2};
        cache.put("k", "t", vector);
        vector[0] = 9;
        cache.get("k", "t")[1] = 9;
        assertThat(cache.get("k", "t")).containsExactly(1, 2);
    }

    @Test
    void evictsTheLeastRecentlyUsed() {
        EmbeddingCache cache = new EmbeddingCache(2);
        cache.put("a", "t", new float[] {1});
        cache.put("b", "t", new float[] {2});
        cache.get("a", "t");
        cache.put("c", "t", new float[] {3});

        assertThat(cache.get("b", "t")).isNull();
        assertThat(cache.get("a", "t")).isNotNull();
        assertThat(cache.get("c", "t")).isNotNull();
    }

    @Test
    void zeroEntriesDisablesWithoutCounting() {
        EmbeddingCache cache = new EmbeddingCache(0);
        cache.put("a", "t", new float[] {1});
        assertThat(cache.get("a", "t")).isNull();
        assertThat(cache.hits() + cache.misses()).isZero();
    }

    @Test
    void clipKeepsSurrogatePairsWhole() {
        assertThat(EncodeTextAsyncFunction.clip("ab😀", 3)).isEqualTo("ab");
        assertThat(EncodeTextAsyncFunction.clip("abc", 3)).isEqualTo("abc");
    }
}
