package io.streamrec.bench.sentiment;

import java.util.List;

/** Accuracy, balanced accuracy, ROC-AUC and per-class recall of a binary classifier's scores on a subset. */
final class ClassifierMetrics {
    double accuracy;
    double balancedAccuracy;
    double auc;
    double recallPositive;
    double recallNegative;

    /** The metrics over the items {@code idx}, predicting positive where the score is above {@code threshold}. */
    static ClassifierMetrics of(List<Integer> idx, boolean[] labels, double[] score, double threshold) {
        int tp = 0;
        int tn = 0;
        int p = 0;
        int n = 0;
        for (int i : idx) {
            boolean predicted = score[i] > threshold;
            if (labels[i]) {
                p++;
                tp += predicted ? 1 : 0;
            } else {
                n++;
                tn += predicted ? 0 : 1;
            }
        }
        ClassifierMetrics m = new ClassifierMetrics();
        m.accuracy = (tp + tn) / (double) (p + n);
        m.recallPositive = p == 0 ? 0 : tp / (double) p;
        m.recallNegative = n == 0 ? 0 : tn / (double) n;
        m.balancedAccuracy = (m.recallPositive + m.recallNegative) / 2;
        m.auc = auc(idx, labels, score);
        return m;
    }

    /** ROC-AUC: the probability that a random positive scores above a random negative (ties count half). */
    static double auc(List<Integer> idx, boolean[] labels, double[] score) {
        double sum = 0;
        long pairs = 0;
        for (int i : idx) {
            if (!labels[i]) {
                continue;
            }
            for (int j : idx) {
                if (labels[j]) {
                    continue;
                }
                sum += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
                pairs++;
            }
        }
        return pairs == 0 ? Double.NaN : sum / pairs;
    }
}
