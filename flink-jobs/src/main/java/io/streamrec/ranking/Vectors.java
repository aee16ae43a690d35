package io.streamrec.ranking;

/** Small dense-vector helpers on float arrays (no boxing: these run per candidate). */
public final class Vectors {
    private Vectors() {}

    public static float dot(float[] a, float[] b) {
        if (a == null || b == null) {
            return 0f;
        }
        float s = 0f;
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Cosine similarity; 0 when either vector is missing or zero. */
    public static float cosine(float[] a, float[] b) {
        if (a == null || b == null) {
            return 0f;
        }
        float na = norm(a);
        float nb = norm(b);
        return na == 0f || nb == 0f ? 0f : dot(a, b) / (na * nb);
    }

    public static float norm(float[] a) {
        return (float) Math.sqrt(dot(a, a));
    }

    /** {@code target = decay * target + weight * v}, allocating target when null. */
    public static float[] blend(float[] target, float decay, float[] v, float weight) {
        if (v == null) {
            return target;
        }
        float[] out = target == null ? new float[v.length] : target;
        for (int i = 0; i < out.length && i < v.length; i++) {
            out[i] = decay * out[i] + weight * v[i];
        }
        return out;
    }

    /** A unit-length copy; null for a missing or zero vector. */
    public static float[] normalized(float[] v) {
        if (v == null) {
            return null;
        }
        float n = norm(v);
        if (n == 0f) {
            return null;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / n;
        }
        return out;
    }
}
