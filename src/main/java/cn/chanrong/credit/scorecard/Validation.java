package cn.chanrong.credit.scorecard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well predicted probabilities of default rank and fit observed defaults: AUC (the chance that a
 * random bad is ranked riskier than a random good, ties counting half), KS (the largest gap between the
 * cumulative shares of bads and goods), Gini = 2·AUC − 1, the Brier score, and a calibration table of
 * predicted against observed default rates by group of predicted risk.
 */
public record Validation(int rows, int bads, double auc, double ks, double gini, double brier, List<CalibrationRow> calibration) {

    public Validation {
        calibration = List.copyOf(calibration);
    }

    /**
     * One group (grade) of rows with similar predicted risk, and the Jeffreys test of its predicted
     * default rate: under the Jeffreys prior the group's true default rate has the posterior
     * Beta(bads + ½, rows − bads + ½); the group is under-predicted when its mean PD lies below the
     * posterior's 2.5 % quantile and over-predicted when above its 97.5 % quantile (a two-sided test at
     * 5 %, as the ECB's validation instructions use it one-sided for under-prediction).
     */
    public record CalibrationRow(int rows, int bads, double meanPredicted, double observed) {

        /** The probability, under the Jeffreys posterior, that the true default rate is at most the mean PD. */
        public double jeffreysP() {
            return Stats.betaCdf(meanPredicted, bads + 0.5, rows - bads + 0.5);
        }

        /** The 95 % Jeffreys interval of the observed default rate, {lower, upper}. */
        public double[] jeffreysInterval() {
            return new double[] {Stats.betaQuantile(0.025, bads + 0.5, rows - bads + 0.5),
                    Stats.betaQuantile(0.975, bads + 0.5, rows - bads + 0.5)};
        }

        /** {@code ok}, {@code under} (PD too low for what was observed) or {@code over}. */
        public String verdict() {
            double p = jeffreysP();
            return p < 0.025 ? "under" : p > 0.975 ? "over" : "ok";
        }
    }

    public static Validation of(double[] pd, int[] bad, int groups) {
        int bads = Arrays.stream(bad).sum();
        double auc = auc(pd, bad);
        return new Validation(pd.length, bads, auc, ks(pd, bad), 2 * auc - 1, brier(pd, bad), calibration(pd, bad, groups));
    }

    /** Rank-based AUC (Mann–Whitney) of a risk measure where higher means more likely bad. */
    public static double auc(double[] risk, int[] bad) {
        Integer[] order = order(risk);
        double rankSumBad = 0;
        long nBad = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && risk[order[j + 1]] == risk[order[i]]) {
                j++;
            }
            double avgRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (bad[order[k]] == 1) {
                    rankSumBad += avgRank;
                    nBad++;
                }
            }
            i = j + 1;
        }
        long nGood = risk.length - nBad;
        if (nBad == 0 || nGood == 0) {
            return Double.NaN;
        }
        return (rankSumBad - nBad * (nBad + 1) / 2.0) / ((double) nBad * nGood);
    }

    /** Kolmogorov–Smirnov statistic, stepping through tied risks together. */
    public static double ks(double[] risk, int[] bad) {
        Integer[] order = order(risk);
        long nBad = Arrays.stream(bad).sum();
        long nGood = risk.length - nBad;
        if (nBad == 0 || nGood == 0) {
            return Double.NaN;
        }
        double cb = 0;
        double cg = 0;
        double best = 0;
        int i = order.length - 1;
        while (i >= 0) {
            int j = i;
            while (j - 1 >= 0 && risk[order[j - 1]] == risk[order[i]]) {
                j--;
            }
            for (int k = j; k <= i; k++) {
                if (bad[order[k]] == 1) {
                    cb++;
                } else {
                    cg++;
                }
            }
            best = Math.max(best, Math.abs(cb / nBad - cg / nGood));
            i = j - 1;
        }
        return best;
    }

    public static double brier(double[] pd, int[] bad) {
        double s = 0;
        for (int i = 0; i < pd.length; i++) {
            double d = pd[i] - bad[i];
            s += d * d;
        }
        return s / pd.length;
    }

    /** Rows sorted by predicted probability and cut into {@code groups} groups of (nearly) equal size. */
    public static List<CalibrationRow> calibration(double[] pd, int[] bad, int groups) {
        Integer[] order = order(pd);
        List<CalibrationRow> out = new ArrayList<>();
        int n = pd.length;
        for (int g = 0; g < groups; g++) {
            int from = (int) ((long) g * n / groups);
            int to = (int) ((long) (g + 1) * n / groups);
            if (to <= from) {
                continue;
            }
            double sum = 0;
            int b = 0;
            for (int k = from; k < to; k++) {
                sum += pd[order[k]];
                b += bad[order[k]];
            }
            out.add(new CalibrationRow(to - from, b, sum / (to - from), (double) b / (to - from)));
        }
        return out;
    }

    /**
     * Population stability index of {@code actual} against {@code expected}, over score bands cut at
     * the expected population's deciles: Σ (a − e)·ln(a / e), shares floored at 0.01 % so that an
     * empty band does not make it infinite. Below 0.1 stable, 0.1–0.25 watch, above 0.25 shifted.
     */
    public static double psi(double[] expected, double[] actual, int bands) {
        double[] sorted = expected.clone();
        Arrays.sort(sorted);
        double[] cuts = new double[bands - 1];
        for (int k = 1; k < bands; k++) {
            cuts[k - 1] = sorted[Math.min(sorted.length - 1, (int) ((long) k * sorted.length / bands))];
        }
        double[] e = shares(expected, cuts);
        double[] a = shares(actual, cuts);
        double psi = 0;
        for (int i = 0; i < e.length; i++) {
            psi += (a[i] - e[i]) * Math.log(a[i] / e[i]);
        }
        return psi;
    }

    private static double[] shares(double[] values, double[] cuts) {
        double[] s = new double[cuts.length + 1];
        for (double v : values) {
            int i = 0;
            while (i < cuts.length && v >= cuts[i]) {
                i++;
            }
            s[i]++;
        }
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.max(s[i] / Math.max(values.length, 1), 1e-4);
        }
        return s;
    }

    private static Integer[] order(double[] v) {
        Integer[] o = new Integer[v.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = i;
        }
        Arrays.sort(o, (a, b) -> Double.compare(v[a], v[b]));
        return o;
    }
}
