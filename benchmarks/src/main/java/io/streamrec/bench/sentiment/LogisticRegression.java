package io.streamrec.bench.sentiment;

import java.util.List;

/** The sentiment benchmark's comparison classifier on the review vectors; the job does not ship it. */
final class LogisticRegression {
    private LogisticRegression() {}

    /** Class-weighted logistic regression with L2, full-batch gradient descent; returns P(positive) for all. */
    static double[] fitAndScore(float[][] x, boolean[] y, List<Integer> train) {
        int dim = x[0].length;
        double[] w = new double[dim + 1];
        long pos = train.stream().filter(i -> y[i]).count();
        double wPos = train.size() / (2.0 * pos);
        double wNeg = train.size() / (2.0 * (train.size() - pos));
        double l2 = 1e-3;
        double rate = 2.0;
        for (int iter = 0; iter < 400; iter++) {
            double[] g = new double[dim + 1];
            for (int i : train) {
                double p = sigmoid(dot(w, x[i]));
                double err = (p - (y[i] ? 1 : 0)) * (y[i] ? wPos : wNeg);
                for (int d = 0; d < dim; d++) {
                    g[d] += err * x[i][d];
                }
                g[dim] += err;
            }
            for (int d = 0; d <= dim; d++) {
                w[d] -= rate * (g[d] / train.size() + (d < dim ? l2 * w[d] : 0));
            }
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = sigmoid(dot(w, x[i]));
        }
        return out;
    }

    private static double dot(double[] w, float[] v) {
        double s = w[v.length];
        for (int d = 0; d < v.length; d++) {
            s += w[d] * v[d];
        }
        return s;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
