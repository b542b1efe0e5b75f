package cn.chanrong.credit.scorecard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Trains a scorecard: bin every characteristic, keep those with information value of at least
 * {@code minIv}, strongest first; leave out any whose WoE correlates above {@code maxCorrelation} with a
 * stronger one already kept (so coefficients stay interpretable); let at most {@code maxCharacteristics}
 * enter the logistic regression; then drop — one at a time, refitting — a characteristic whose
 * coefficient has the wrong sign (more WoE must mean less risk) or whose p-value exceeds
 * {@code maxPValue}. Selection refills: after each drop the screens run again without the dropped
 * characteristic, so the next candidate (or one left out only as its twin) takes the freed place.
 * What remains is scaled into points; every candidate left out keeps the reason in {@code excluded}.
 */
public final class Trainer {

    public record Settings(Binning.Settings binning, double minIv, double maxCorrelation, int maxCharacteristics,
                           double maxPValue, Scorecard.Scaling scaling) {
        public static final Settings DEFAULT = new Settings(Binning.Settings.DEFAULT, 0.02, 0.8, 20, 0.10,
                Scorecard.Scaling.DEFAULT);
    }

    private Trainer() {
    }

    public static Scorecard train(Dataset data, Settings s) {
        int bads = data.bads();
        requireBothClasses(data);
        List<Characteristic> all = new ArrayList<>();
        for (Dataset.Column c : data.columns()) {
            all.add(Binning.bin(c, data.bad(), s.binning()));
        }
        java.util.Map<String, String> excluded = new java.util.LinkedHashMap<>();
        for (Characteristic c : all) {
            if (c.iv() < s.minIv()) {
                excluded.put(c.name(), String.format(java.util.Locale.ROOT, "IV below %.2f", s.minIv()));
            }
        }
        List<Characteristic> ranked = new ArrayList<>(all.stream().filter(c -> c.iv() >= s.minIv()).toList());
        ranked.sort(Comparator.comparingDouble(Characteristic::iv).reversed());
        java.util.Map<String, double[]> woeOf = new java.util.HashMap<>();
        for (Characteristic c : ranked) {
            woeOf.put(c.name(), c.woe(data.column(c.name())));
        }
        // Refilling selection: the strongest candidates that do not duplicate a stronger one enter, up to the
        // cap; the regression drops one at a time, and each drop frees a place (and any twin of the dropped one)
        // for the next candidate, so a drop never shrinks the card for want of candidates.
        java.util.Map<String, String> rejected = new java.util.LinkedHashMap<>();
        List<Characteristic> chosen;
        java.util.Map<String, String> screened;
        LogisticRegression.Fit fit;
        while (true) {
            chosen = new ArrayList<>();
            screened = new java.util.LinkedHashMap<>();
            List<double[]> woes = new ArrayList<>();
            for (Characteristic c : ranked) {
                if (rejected.containsKey(c.name())) {
                    continue;
                }
                if (chosen.size() >= s.maxCharacteristics()) {
                    screened.put(c.name(), "beyond the " + s.maxCharacteristics() + " strongest");
                    continue;
                }
                double[] w = woeOf.get(c.name());
                Characteristic twin = null;
                for (int k = 0; k < woes.size() && twin == null; k++) {
                    if (Math.abs(correlation(woes.get(k), w)) > s.maxCorrelation()) {
                        twin = chosen.get(k);
                    }
                }
                if (twin == null) {
                    chosen.add(c);
                    woes.add(w);
                } else {
                    screened.put(c.name(), "WoE correlates above " + s.maxCorrelation() + " with " + twin.name());
                }
            }
            if (chosen.isEmpty()) {
                fit = null;
                break;
            }
            fit = LogisticRegression.fit(matrix(woes, data.size()), data.bad(), 50, 1e-8);
            int drop = worst(fit, s.maxPValue());
            if (drop < 0) {
                break;
            }
            rejected.put(chosen.get(drop).name(), fit.coefficients()[drop + 1] >= 0
                    ? "wrong sign once the others are in (more WoE must mean less risk)"
                    : String.format(java.util.Locale.ROOT, "p-value %.3f above %.2f", fit.pValue(drop + 1), s.maxPValue()));
        }
        excluded.putAll(rejected);
        excluded.putAll(screened);
        if (chosen.isEmpty() || fit == null) {
            throw new DataFormatException("training", "no characteristic separates goods from bads (information value below "
                    + s.minIv() + " or no significant coefficient)");
        }
        return points(fit, chosen, all, excluded, s.scaling(), data.size(), bads);
    }

    /** The fewest goods and the fewest bads a model is trained on: below it no bin, coefficient or tree means anything. */
    public static final int MIN_PER_CLASS = 10;

    /** Refuses training rows with too few goods or bads, naming the counts. */
    static void requireBothClasses(Dataset data) {
        int bads = data.bads();
        int goods = data.size() - bads;
        if (bads == 0 || goods == 0) {
            throw new DataFormatException("label", "the training rows need both goods and bads");
        }
        if (bads < MIN_PER_CLASS || goods < MIN_PER_CLASS) {
            throw new DataFormatException("label", data.size() + " rows with " + bads + " bads and " + goods + " goods; training needs at least "
                    + MIN_PER_CLASS + " of each");
        }
    }

    /** The characteristic to drop next: wrong sign first (largest z), then the largest p-value above the limit. */
    private static int worst(LogisticRegression.Fit fit, double maxP) {
        int drop = -1;
        double z = 0;
        for (int j = 1; j < fit.coefficients().length; j++) {
            if (fit.coefficients()[j] >= 0 && (drop < 0 || fit.z(j) > z)) {
                drop = j - 1;
                z = fit.z(j);
            }
        }
        if (drop >= 0) {
            return drop;
        }
        double p = maxP;
        for (int j = 1; j < fit.coefficients().length; j++) {
            if (fit.pValue(j) > p) {
                p = fit.pValue(j);
                drop = j - 1;
            }
        }
        return drop;
    }

    private static Scorecard points(LogisticRegression.Fit fit, List<Characteristic> chosen, List<Characteristic> all,
                                    java.util.Map<String, String> excluded, Scorecard.Scaling scaling, int rows, int bads) {
        double factor = scaling.factor();
        int n = chosen.size();
        double shared = (scaling.offset() - factor * fit.coefficients()[0]) / n;
        List<Scorecard.Scored> scored = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            Characteristic c = chosen.get(j);
            double beta = fit.coefficients()[j + 1];
            int[] pts = new int[c.bins().size()];
            for (int b = 0; b < pts.length; b++) {
                pts[b] = (int) Math.round(shared - factor * beta * c.bins().get(b).woe());
            }
            scored.add(new Scorecard.Scored(c, beta, fit.standardErrors()[j + 1], pts));
        }
        return new Scorecard(scaling, fit.coefficients()[0], fit.standardErrors()[0], scored, all, excluded, rows, bads);
    }

    private static double[][] matrix(List<double[]> columns, int rows) {
        double[][] x = new double[rows][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            double[] col = columns.get(j);
            for (int r = 0; r < rows; r++) {
                x[r][j] = col[r];
            }
        }
        return x;
    }

    static double correlation(double[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < n; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        return va == 0 || vb == 0 ? 0 : cov / Math.sqrt(va * vb);
    }
}
