package cn.chanrong.credit.scorecard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A trained points scorecard: each characteristic's bins carry integer points, the score is their
 * sum, and higher scores mean lower risk. Scaling: {@code baseScore} points at good:bad odds of
 * {@code baseOdds}, and {@code pdo} more points double the odds. Reason codes are the characteristics
 * that cost the most points against their best bin. {@code excluded} says why each candidate not in
 * the model was left out.
 */
public record Scorecard(Scaling scaling, double intercept, double interceptStandardError, List<Scored> characteristics,
                        List<Characteristic> candidates, Map<String, String> excluded, int trainingRows, int trainingBads) {

    public Scorecard {
        characteristics = List.copyOf(characteristics);
        candidates = List.copyOf(candidates);
        excluded = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(excluded));
    }

    /** Points scaling of the log-odds. */
    public record Scaling(double baseScore, double baseOdds, double pdo) {
        public static final Scaling DEFAULT = new Scaling(600, 50, 20);

        public Scaling {
            if (pdo <= 0 || baseOdds <= 0) {
                throw new IllegalArgumentException("pdo and baseOdds must be positive");
            }
        }

        public double factor() {
            return pdo / Math.log(2);
        }

        public double offset() {
            return baseScore - factor() * Math.log(baseOdds);
        }
    }

    /** A characteristic in the model with its coefficient (on WoE, for the probability of default) and points per bin. */
    public record Scored(Characteristic characteristic, double coefficient, double standardError, int[] points) {
        public int best() {
            int m = Integer.MIN_VALUE;
            for (int p : points) {
                m = Math.max(m, p);
            }
            return m;
        }

        public double pValue() {
            return 2 * (1 - LogisticRegression.Normal.cdf(Math.abs(coefficient / standardError)));
        }
    }

    /** Why a score is not higher: a characteristic, the applicant's bin, and the points it cost. */
    public record Reason(String characteristic, String bin, int pointsLost) {
    }

    /** A scored applicant: the score, the probability of default it implies, the bins and the reasons. */
    public record Result(int score, double probabilityOfDefault, Map<String, String> bins, Map<String, Integer> points,
                         List<Reason> reasons) {
    }

    /** The probability of default a score implies under the scaling. */
    public double probabilityOf(double score) {
        double lnOddsGood = (score - scaling.offset()) / scaling.factor();
        return 1 / (1 + Math.exp(lnOddsGood));
    }

    /** Scores every row of a dataset that has (at least) the model's columns. */
    public int[] scores(Dataset data) {
        int[] out = new int[data.size()];
        for (Scored s : characteristics) {
            Dataset.Column col = data.column(s.characteristic().name());
            for (int r = 0; r < out.length; r++) {
                out[r] += s.points()[s.characteristic().binOf(col, r)];
            }
        }
        return out;
    }

    /**
     * Scores one applicant given by name → value ({@link Number} for numeric characteristics, text for
     * categories; absent or null = missing), with the {@code top} reasons.
     */
    public Result score(Map<String, ?> values, int top) {
        int[] bins = new int[characteristics.size()];
        for (int i = 0; i < bins.length; i++) {
            Characteristic c = characteristics.get(i).characteristic();
            Object v = values.get(c.name());
            bins[i] = c.numeric()
                    ? c.binOf(v instanceof Number n ? n.doubleValue() : Double.NaN)
                    : c.binOf(v == null ? null : v.toString());
        }
        return result(bins, top);
    }

    public Result result(int[] bins, int top) {
        int score = 0;
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        Map<String, Integer> pts = new java.util.LinkedHashMap<>();
        List<Reason> reasons = new ArrayList<>();
        for (int i = 0; i < bins.length; i++) {
            Scored s = characteristics.get(i);
            int p = s.points()[bins[i]];
            score += p;
            String name = s.characteristic().name();
            labels.put(name, s.characteristic().bins().get(bins[i]).label());
            pts.put(name, p);
            if (s.best() > p) {
                reasons.add(new Reason(name, labels.get(name), s.best() - p));
            }
        }
        reasons.sort(Comparator.comparingInt(Reason::pointsLost).reversed().thenComparing(Reason::characteristic));
        return new Result(score, probabilityOf(score), labels, pts, List.copyOf(reasons.subList(0, Math.min(top, reasons.size()))));
    }

    /** The lowest and highest score the card can give. */
    public int[] range() {
        int lo = 0;
        int hi = 0;
        for (Scored s : characteristics) {
            int min = Integer.MAX_VALUE;
            for (int p : s.points()) {
                min = Math.min(min, p);
            }
            lo += min;
            hi += s.best();
        }
        return new int[] {lo, hi};
    }
}
