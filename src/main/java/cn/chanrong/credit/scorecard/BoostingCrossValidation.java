package cn.chanrong.credit.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The boosting challenger cross-validated exactly like the scorecard: the same stratified folds
 * ({@link CrossValidation#assign}, same seed and repeats), the binning and the trees refitted on each
 * training part, the same figures in a {@link CrossValidation.Result}. With a tuning grid, each training
 * part chooses its depth and number of rounds by an inner cross-validation of its own rows
 * ({@link BoostingTuner}); the held-out fold plays no part. Folds train in parallel; each fold's model
 * depends only on its rows and the settings, so the result does not depend on thread timing.
 */
public final class BoostingCrossValidation {

    private BoostingCrossValidation() {
    }

    public static CrossValidation.Result run(Dataset data, Boosting.Settings settings, int folds, long seed) {
        return run(data, settings, null, folds, 1, seed);
    }

    /** {@code grid} null trains every fold with {@code settings} as they are. */
    public static CrossValidation.Result run(Dataset data, Boosting.Settings settings, BoostingTuner.Grid grid, int folds,
                                             int repeats, long seed) {
        CrossValidation.check(data, folds, repeats);
        List<Validation> perFold = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        double[] oof = new double[data.size()];
        for (int rep = 0; rep < repeats; rep++) {
            int[] fold = CrossValidation.assign(data.bad(), folds, seed + rep);
            double[][] pds = new double[folds][];
            String[] chosen = new String[folds];
            IntStream.range(0, folds).parallel().forEach(f -> {
                int[] train = IntStream.range(0, fold.length).filter(i -> fold[i] != f).toArray();
                int[] test = IntStream.range(0, fold.length).filter(i -> fold[i] == f).toArray();
                Dataset part = data.rows(train);
                Boosting.Model model;
                if (grid == null) {
                    model = Boosting.train(part, settings);
                    chosen[f] = "";
                } else {
                    BoostingTuner.Choice c = BoostingTuner.tune(part, settings, grid);
                    model = Boosting.train(part, c.settings(), c.monotone());
                    chosen[f] = c.describe();
                }
                pds[f] = model.probabilities(data.rows(test));
            });
            for (int f = 0; f < folds; f++) {
                int k = f;
                int[] test = IntStream.range(0, fold.length).filter(i -> fold[i] == k).toArray();
                int[] bad = new int[test.length];
                for (int i = 0; i < test.length; i++) {
                    bad[i] = data.bad()[test[i]];
                    if (rep == 0) {
                        oof[test[i]] = pds[f][i];
                    }
                }
                perFold.add(Validation.of(pds[f], bad, 10));
                notes.add(chosen[f]);
            }
        }
        return CrossValidation.Result.of(folds, repeats, seed, perFold, Validation.of(oof, data.bad(), 10), notes, List.of());
    }
}
