package cn.chanrong.credit.scorecard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tunes the challenger on a training part only, so a cross-validated figure never sees its own
 * held-out fold (nested cross-validation): the part is cut into {@code innerFolds} stratified inner
 * folds; for each tree depth in the grid the trees are grown up to {@code maxRounds} on each inner
 * training part and the inner held-out AUC is recorded after every round; the depth and number of
 * rounds with the highest mean inner AUC win (the fewest rounds on a tie), and the model is then trained
 * on the whole part with that depth and k/(k−1) times those rounds (the part has k/(k−1) times an inner
 * training part's rows, and more rows bear more rounds; on the Polish data the scaling was worth 0.002). AUC rather than log-loss, because AUC is what the challenger is judged
 * by: the log-loss turns up while the ranking still improves, and stopping there cost the Polish data
 * 0.002–0.004 AUC. With {@code monotone}, every numeric characteristic the scorecard would consider (information
 * value at least the scorecard's threshold) is constrained in the direction of its monotone binning.
 */
public final class BoostingTuner {

    /** The grid searched; the learning rate, leaf size, regularisation and subsample stay the base settings'. */
    public record Grid(List<Integer> depths, int maxRounds, int innerFolds, boolean monotone) {
        public static final Grid DEFAULT = new Grid(List.of(2, 3, 4), 600, 3, false);

        public Grid {
            depths = List.copyOf(depths);
            if (depths.isEmpty() || maxRounds < 1 || innerFolds < 2) {
                throw new IllegalArgumentException("a grid needs a depth, at least one round and two inner folds");
            }
        }

        public Grid withMonotone(boolean on) {
            return new Grid(depths, maxRounds, innerFolds, on);
        }
    }

    /** The settings chosen, the monotone directions used, and the mean inner AUC that chose them. */
    public record Choice(Boosting.Settings settings, Map<String, Integer> monotone, double innerAuc) {
        public Choice {
            monotone = Map.copyOf(monotone);
        }

        public String describe() {
            return String.format(Locale.ROOT, "depth %d, %d rounds (inner AUC %.4f)%s", settings.maxDepth(), settings.rounds(),
                    innerAuc, monotone.isEmpty() ? "" : ", " + monotone.size() + " features monotone");
        }
    }

    private BoostingTuner() {
    }

    public static Choice tune(Dataset train, Boosting.Settings base, Grid grid) {
        Map<String, Integer> monotone = grid.monotone() ? directions(train, Trainer.Settings.DEFAULT) : Map.of();
        int bads = train.bads();
        if (bads < grid.innerFolds() || train.size() - bads < grid.innerFolds()) {
            return new Choice(base, monotone, Double.NaN);
        }
        int[] fold = CrossValidation.assign(train.bad(), grid.innerFolds(), base.seed() + 1);
        Boosting.Settings best = base;
        double scale = (double) grid.innerFolds() / (grid.innerFolds() - 1);
        double bestAuc = Double.NEGATIVE_INFINITY;
        for (int depth : grid.depths()) {
            Boosting.Settings s = base.withTrees(grid.maxRounds(), depth);
            double[] mean = new double[grid.maxRounds()];
            for (int f = 0; f < grid.innerFolds(); f++) {
                int k = f;
                int[] in = java.util.stream.IntStream.range(0, fold.length).filter(i -> fold[i] != k).toArray();
                int[] out = java.util.stream.IntStream.range(0, fold.length).filter(i -> fold[i] == k).toArray();
                double[] path = Boosting.validationPath(train.rows(in), train.rows(out), s, monotone);
                for (int r = 0; r < mean.length; r++) {
                    mean[r] += path[r] / grid.innerFolds();
                }
            }
            for (int r = 0; r < mean.length; r++) {
                if (mean[r] > bestAuc) {
                    bestAuc = mean[r];
                    // the whole part has k/(k−1) times the rows of an inner training part, and the best number
                    // of rounds grows with the rows: scale it the same way
                    best = base.withTrees((int) Math.round((r + 1) * scale), depth);
                }
            }
        }
        return new Choice(best, monotone, bestAuc);
    }

    /**
     * The direction of risk of every numeric characteristic the scorecard would consider, from its monotone
     * binning on these rows: {@code +1} when the lowest values' bin has the highest WoE (least risk).
     */
    static Map<String, Integer> directions(Dataset data, Trainer.Settings settings) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Dataset.Column c : data.columns()) {
            if (!(c instanceof Dataset.Numeric)) {
                continue;
            }
            Characteristic ch = Binning.bin(c, data.bad(), settings.binning());
            List<Bin> bins = ch.bins().subList(0, ch.bins().size() - 1);
            if (ch.iv() < settings.minIv() || bins.size() < 2 || bins.getFirst().woe() == bins.getLast().woe()) {
                continue;
            }
            out.put(c.name(), bins.getFirst().woe() > bins.getLast().woe() ? 1 : -1);
        }
        return out;
    }
}
