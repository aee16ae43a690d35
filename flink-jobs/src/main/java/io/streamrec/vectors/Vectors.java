package io.streamrec.vectors;

/**
 * Small dense-vector helpers on float arrays (no boxing: these run per candidate).
 *
 * <p>Dot products use SIMD instructions ({@link SimdDot}, the JDK's vector API) when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, as the project's scripts, deployments and tests do, unless
 * {@code -Dstreamrec.simd=false}; otherwise a scalar loop. A 384-d product is ~3.7x faster; an exact top-100 over
 * 10k items 2.5x, a graph search 1.6x (docs/ranking.md).
 */
public final class Vectors {
    /** JVM system property; {@code -Dstreamrec.simd=false} keeps dot products scalar even with the module. */
    public static final String SIMD_PROPERTY = "streamrec.simd";

    /** Floats per SIMD dot-product step; 0 when dot products run scalar. */
    public static final int SIMD_LANES = simdLanes();

    private static final boolean SIMD = SIMD_LANES > 1;

    private Vectors() {}

    /** A line for the log: how this JVM computes dot products, and how to change it. */
    public static String dotProductMode() {
        return SIMD
                ? "SIMD (" + SIMD_LANES + " floats per step, jdk.incubator.vector)"
                : "scalar (start the JVM with --add-modules jdk.incubator.vector for SIMD)";
    }

    private static int simdLanes() {
        if (!Boolean.parseBoolean(System.getProperty(SIMD_PROPERTY, "true"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return 0;
        }
        try {
            return SimdDot.lanes();
        } catch (LinkageError e) {
            return 0;
        }
    }

    public static float dot(float[] a, float[] b) {
        if (a == null || b == null) {
            return 0f;
        }
        return dot(a, 0, b, 0, Math.min(a.length, b.length));
    }

    /**
     * The dot product of {@code n} floats of {@code a} from {@code aFrom} and of {@code b} from {@code bFrom}.
     * Without SIMD: eight independent sums: the JIT does not vectorise a single float reduction (the order of additions is
     * fixed), so one accumulator waits for each add's latency; eight keep the FP units busy (3-5x on 384-d).
     */
    public static float dot(float[] a, int aFrom, float[] b, int bFrom, int n) {
        return SIMD ? SimdDot.dot(a, aFrom, b, bFrom, n) : scalarDot(a, aFrom, b, bFrom, n);
    }

    /** {@link #dot(float[], int, float[], int, int)} without SIMD. */
    static float scalarDot(float[] a, int aFrom, float[] b, int bFrom, int n) {
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            int x = aFrom + i;
            int y = bFrom + i;
            s0 += a[x] * b[y];
            s1 += a[x + 1] * b[y + 1];
            s2 += a[x + 2] * b[y + 2];
            s3 += a[x + 3] * b[y + 3];
            s4 += a[x + 4] * b[y + 4];
            s5 += a[x + 5] * b[y + 5];
            s6 += a[x + 6] * b[y + 6];
            s7 += a[x + 7] * b[y + 7];
        }
        for (; i < n; i++) {
            s0 += a[aFrom + i] * b[bFrom + i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
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
