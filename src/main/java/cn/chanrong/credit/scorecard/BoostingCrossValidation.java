package cn.chanrong.credit.scorecard;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The boosting challenger cross-validated exactly like the scorecard: the same stratified folds
 * ({@link CrossValidation#assign}, same seed), the binning and the trees refitted on each training
 * part, the same figures in a {@link CrossValidation.Result}. Folds train in parallel; each fold's
 * model depends only on its rows and the settings, so the result does not depend on thread timing.
 */
public final class BoostingCrossValidation {

    private BoostingCrossValidation() {
    }

    public static CrossValidation.Result run(Dataset data, Boosting.Settings settings, int folds, long seed) {
        if (folds < 2) {
            throw new DataFormatException("--folds", "must be at least 2");
        }
        int bads = data.bads();
        if (bads < folds || data.size() - bads < folds) {
            throw new DataFormatException("--folds", folds + " folds need at least " + folds + " bads and goods; the file has "
                    + bads + " bads and " + (data.size() - bads) + " goods");
        }
        int[] fold = CrossValidation.assign(data.bad(), folds, seed);
        double[] oof = new double[data.size()];
        Validation[] perFold = new Validation[folds];
        IntStream.range(0, folds).parallel().forEach(f -> {
            int[] train = IntStream.range(0, fold.length).filter(i -> fold[i] != f).toArray();
            int[] test = IntStream.range(0, fold.length).filter(i -> fold[i] == f).toArray();
            Dataset held = data.rows(test);
            double[] pd = Boosting.train(data.rows(train), settings).probabilities(held);
            for (int i = 0; i < test.length; i++) {
                oof[test[i]] = pd[i];
            }
            perFold[f] = Validation.of(pd, held.bad(), 10);
        });
        List<Validation> list = List.of(perFold);
        double mean = list.stream().mapToDouble(Validation::auc).average().orElse(Double.NaN);
        double var = list.stream().mapToDouble(v -> (v.auc() - mean) * (v.auc() - mean)).sum() / Math.max(folds - 1, 1);
        return new CrossValidation.Result(folds, seed, list, Validation.of(oof, data.bad(), 10), mean, Math.sqrt(var),
                Arrays.stream(perFold).mapToDouble(Validation::ks).average().orElse(Double.NaN),
                Arrays.stream(perFold).mapToDouble(Validation::gini).average().orElse(Double.NaN));
    }
}
