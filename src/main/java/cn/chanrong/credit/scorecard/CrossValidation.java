package cn.chanrong.credit.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Stratified k-fold cross-validation with a fixed seed, repeated {@code repeats} times (repeat r deals
 * the folds with seed + r, so one repeat is exactly the plain k-fold of the seed): goods and bads are
 * shuffled separately and dealt round-robin into the folds, so every fold keeps the file's bad rate. The
 * whole pipeline — binning, selection, regression, points — is retrained on each training part, so
 * nothing of the held-out fold leaks into its own score.
 *
 * <p>The uncertainty of a mean fold AUC is the corrected resampled standard error of Nadeau and Bengio
 * (Machine Learning 52, 2003): {@code sd · sqrt(1/(k·r) + 1/(k−1))}, which allows for the folds'
 * training parts overlapping (the plain {@code sd/√(k·r)} is too small and grows falsely confident with
 * more repeats). Confidence intervals and paired comparisons use it with Student's t on k·r − 1 degrees
 * of freedom.
 */
public final class CrossValidation {

    /**
     * Per-fold figures (repeat by repeat), their means and spread, the figures over the first repeat's
     * out-of-fold predictions pooled, a note per fold (the challenger's tuning), and for a scorecard the
     * largest PSI each characteristic reached between a training part and its held-out fold.
     */
    public record Result(int folds, int repeats, long seed, List<Validation> perFold, Validation pooled, double meanAuc,
                         double sdAuc, double meanKs, double meanGini, List<String> notes, List<Stability.Row> stability) {

        public Result {
            perFold = List.copyOf(perFold);
            notes = List.copyOf(notes);
            stability = List.copyOf(stability);
        }

        static Result of(int folds, int repeats, long seed, List<Validation> perFold, Validation pooled, List<String> notes,
                         List<Stability.Row> stability) {
            for (int f = 0; f < perFold.size(); f++) {
                if (Double.isNaN(perFold.get(f).auc())) {
                    // stratified folds always hold both classes; should one not, say so rather than print NaN
                    throw new DataFormatException("fold " + (f + 1), "holds " + perFold.get(f).bads() + " bads of "
                            + perFold.get(f).rows() + " rows, so its AUC is undefined; use fewer folds");
                }
            }
            double mean = perFold.stream().mapToDouble(Validation::auc).average().orElse(Double.NaN);
            double var = perFold.stream().mapToDouble(v -> (v.auc() - mean) * (v.auc() - mean)).sum() / Math.max(perFold.size() - 1, 1);
            return new Result(folds, repeats, seed, perFold, pooled, mean, Math.sqrt(var),
                    perFold.stream().mapToDouble(Validation::ks).average().orElse(Double.NaN),
                    perFold.stream().mapToDouble(Validation::gini).average().orElse(Double.NaN), notes, stability);
        }

        /** The corrected resampled standard error of the mean AUC. */
        public double standardError() {
            return correctedError(sdAuc, folds, repeats);
        }

        /** The 95 % confidence interval of the mean AUC, {lower, upper}. */
        public double[] confidence95() {
            double half = Stats.tQuantile(0.975, folds * repeats - 1) * standardError();
            return new double[] {meanAuc - half, meanAuc + half};
        }
    }

    /**
     * Two models on the same folds: the mean of the per-fold AUC differences (a − b), its corrected
     * standard error, the two-sided p-value, and the verdict. A difference smaller than one standard error
     * is a tie whatever its sign.
     */
    public record Comparison(String a, String b, double meanDifference, double standardError, double pValue, int aWins,
                             int folds) {

        public static Comparison of(String a, Result ra, String b, Result rb) {
            if (ra.folds() != rb.folds() || ra.repeats() != rb.repeats() || ra.seed() != rb.seed()) {
                throw new IllegalArgumentException("a paired comparison needs the same folds, repeats and seed");
            }
            int n = ra.perFold().size();
            double[] d = new double[n];
            double mean = 0;
            int wins = 0;
            for (int i = 0; i < n; i++) {
                d[i] = ra.perFold().get(i).auc() - rb.perFold().get(i).auc();
                mean += d[i] / n;
                wins += d[i] > 0 ? 1 : 0;
            }
            double var = 0;
            for (double x : d) {
                var += (x - mean) * (x - mean) / Math.max(n - 1, 1);
            }
            double se = correctedError(Math.sqrt(var), ra.folds(), ra.repeats());
            double p = se == 0 ? (mean == 0 ? 1 : 0) : 2 * (1 - Stats.tCdf(Math.abs(mean / se), n - 1));
            return new Comparison(a, b, mean, se, p, wins, n);
        }

        public boolean tie() {
            return Math.abs(meanDifference) < standardError;
        }

        public String verdict() {
            if (tie()) {
                return String.format(Locale.ROOT, "tie: %s − %s = %+.4f AUC, less than one standard error (%.4f)", a, b,
                        meanDifference, standardError);
            }
            return String.format(Locale.ROOT, "%s beats %s by %.4f AUC (standard error %.4f, p %s, %s wins %d of %d folds)",
                    meanDifference > 0 ? a : b, meanDifference > 0 ? b : a, Math.abs(meanDifference), standardError,
                    pValue < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", pValue), a, aWins, folds);
        }
    }

    private CrossValidation() {
    }

    public static Result run(Dataset data, Trainer.Settings settings, int folds, long seed) {
        return run(data, settings, folds, 1, seed);
    }

    public static Result run(Dataset data, Trainer.Settings settings, int folds, int repeats, long seed) {
        check(data, folds, repeats);
        double[] oof = new double[data.size()];
        List<Validation> perFold = new ArrayList<>();
        List<List<Stability.Row>> stability = new ArrayList<>();
        for (int rep = 0; rep < repeats; rep++) {
            int[] fold = assign(data.bad(), folds, seed + rep);
            for (int f = 0; f < folds; f++) {
                int[] train = indices(fold, f, false);
                int[] test = indices(fold, f, true);
                Dataset part = data.rows(train);
                Scorecard card = Trainer.train(part, settings);
                Dataset held = data.rows(test);
                stability.add(Stability.of(card, part, held));
                int[] scores = card.scores(held);
                double[] pd = new double[scores.length];
                for (int i = 0; i < scores.length; i++) {
                    pd[i] = card.probabilityOf(scores[i]);
                    if (rep == 0) {
                        oof[test[i]] = pd[i];
                    }
                }
                perFold.add(Validation.of(pd, held.bad(), 10));
            }
        }
        return Result.of(folds, repeats, seed, perFold, Validation.of(oof, data.bad(), 10),
                java.util.Collections.nCopies(perFold.size(), ""), Stability.worst(stability));
    }

    /** Refuses fold counts the data cannot fill with both classes, so no fold's AUC is undefined. */
    static void check(Dataset data, int folds, int repeats) {
        if (folds < 2) {
            throw new DataFormatException("--folds", "must be at least 2");
        }
        if (repeats < 1) {
            throw new DataFormatException("--repeats", "must be at least 1");
        }
        int bads = data.bads();
        if (bads < folds || data.size() - bads < folds) {
            throw new DataFormatException("--folds", folds + " folds need at least " + folds + " bads and goods; the file has "
                    + bads + " bads and " + (data.size() - bads) + " goods");
        }
    }

    static double correctedError(double sd, int folds, int repeats) {
        return sd * Math.sqrt(1.0 / (folds * repeats) + 1.0 / (folds - 1));
    }

    static int[] assign(int[] bad, int folds, long seed) {
        Random random = new Random(seed);
        List<Integer> goods = new ArrayList<>();
        List<Integer> bads = new ArrayList<>();
        for (int i = 0; i < bad.length; i++) {
            (bad[i] == 1 ? bads : goods).add(i);
        }
        java.util.Collections.shuffle(goods, random);
        java.util.Collections.shuffle(bads, random);
        int[] fold = new int[bad.length];
        for (int k = 0; k < bads.size(); k++) {
            fold[bads.get(k)] = k % folds;
        }
        for (int k = 0; k < goods.size(); k++) {
            fold[goods.get(k)] = k % folds;
        }
        return fold;
    }

    private static int[] indices(int[] fold, int f, boolean in) {
        return java.util.stream.IntStream.range(0, fold.length).filter(i -> (fold[i] == f) == in).toArray();
    }
}
