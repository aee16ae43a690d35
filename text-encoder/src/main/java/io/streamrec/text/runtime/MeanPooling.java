package io.streamrec.text.runtime;

import java.nio.FloatBuffer;

/** Sentence vectors from token vectors: mean over the real (unpadded) tokens, then optionally L2-normalised. */
final class MeanPooling {

    private MeanPooling() {}

    /**
     * @param hidden [rows, seqLen, dim] token vectors, row-major
     * @param lengths number of real tokens of each row; later positions are padding
     */
    static float[][] pool(FloatBuffer hidden, int[] lengths, int seqLen, int dim, boolean normalize) {
        float[][] out = new float[lengths.length][dim];
        for (int row = 0; row < lengths.length; row++) {
            float[] sum = out[row];
            int base = row * seqLen * dim;
            for (int t = 0; t < lengths[row]; t++) {
                int offset = base + t * dim;
                for (int d = 0; d < dim; d++) {
                    sum[d] += hidden.get(offset + d);
                }
            }
            float count = Math.max(lengths[row], 1);
            double squares = 0;
            for (int d = 0; d < dim; d++) {
                sum[d] /= count;
                squares += (double) sum[d] * sum[d];
            }
            if (normalize) {
                float norm = (float) Math.max(Math.sqrt(squares), 1e-12);
                for (int d = 0; d < dim; d++) {
                    sum[d] /= norm;
                }
            }
        }
        return out;
    }
}
