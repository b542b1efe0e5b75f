package cn.chanrong.credit.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Stratified k-fold cross-validation with a fixed seed: goods and bads are shuffled separately and
 * dealt round-robin into the folds, so every fold keeps the file's bad rate. The whole pipeline —
 * binning, selection, regression, points — is retrained on each training part, so nothing of the
 * held-out fold leaks into its own score.
 */
public final class CrossValidation {

    /** Per-fold figures, their means and spread, and the figures over all out-of-fold predictions pooled. */
    public record Result(int folds, long seed, List<Validation> perFold, Validation pooled, double meanAuc, double sdAuc,
                         double meanKs, double meanGini) {
    }

    private CrossValidation() {
    }

    public static Result run(Dataset data, Trainer.Settings settings, int folds, long seed) {
        if (folds < 2) {
            throw new DataFormatException("--folds", "must be at least 2");
        }
        int bads = data.bads();
        if (bads < folds || data.size() - bads < folds) {
            throw new DataFormatException("--folds", folds + " folds need at least " + folds + " bads and goods; the file has "
                    + bads + " bads and " + (data.size() - bads) + " goods");
        }
        int[] fold = assign(data.bad(), folds, seed);
        double[] oof = new double[data.size()];
        List<Validation> perFold = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            int[] train = indices(fold, f, false);
            int[] test = indices(fold, f, true);
            Scorecard card = Trainer.train(data.rows(train), settings);
            Dataset held = data.rows(test);
            int[] scores = card.scores(held);
            double[] pd = new double[scores.length];
            for (int i = 0; i < scores.length; i++) {
                pd[i] = card.probabilityOf(scores[i]);
                oof[test[i]] = pd[i];
            }
            perFold.add(Validation.of(pd, held.bad(), 10));
        }
        double mean = perFold.stream().mapToDouble(Validation::auc).average().orElse(Double.NaN);
        double var = perFold.stream().mapToDouble(v -> (v.auc() - mean) * (v.auc() - mean)).sum() / Math.max(folds - 1, 1);
        return new Result(folds, seed, perFold, Validation.of(oof, data.bad(), 10), mean, Math.sqrt(var),
                perFold.stream().mapToDouble(Validation::ks).average().orElse(Double.NaN),
                perFold.stream().mapToDouble(Validation::gini).average().orElse(Double.NaN));
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
