package cn.chanrong.credit.scorecard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The challenger: gradient-boosted decision trees for the probability of default, minimising the
 * log-loss. Every column is pre-binned once ({@link FeatureBins}: quantile bins for numbers, a bin per
 * category with rare ones pooled, missing as its own bin); each round fits a depth-limited tree to the
 * gradients by histogram split search with L2 regularisation {@code lambda} and at least
 * {@code minLeaf} rows per leaf, on a row subsample drawn from a {@link Random} seeded with
 * {@code seed}, and adds {@code learningRate} times its leaf values to the log-odds. Training is
 * deterministic: the same data and settings give the same model bit for bit.
 *
 * <p>It ranks better than the scorecard where risk comes from interactions and non-monotone shapes,
 * but it gives no points, no reason codes and no monotone attributes a credit officer could defend;
 * the platform keeps it to challenge and monitor the scorecard, not to decide.
 */
public final class Boosting {

    /** Boosting settings; {@code maxBins} is the number of value bins per column (missing has one more). */
    public record Settings(int rounds, double learningRate, int maxDepth, int minLeaf, double lambda, double subsample,
                           int maxBins, long seed) {
        public static final Settings DEFAULT = new Settings(300, 0.05, 3, 20, 1.0, 0.8, 64, 20251);

        public Settings {
            if (rounds < 1 || learningRate <= 0 || learningRate > 1 || maxDepth < 1 || maxDepth > 12 || minLeaf < 1
                    || lambda < 0 || subsample <= 0 || subsample > 1 || maxBins < 2 || maxBins > 126) {
                throw new IllegalArgumentException("boosting settings: rounds >= 1, 0 < learning rate <= 1, depth 1..12, "
                        + "min leaf >= 1, lambda >= 0, 0 < subsample <= 1, bins 2..126");
            }
        }

        public Settings withSeed(long newSeed) {
            return new Settings(rounds, learningRate, maxDepth, minLeaf, lambda, subsample, maxBins, newSeed);
        }

        public Settings withTrees(int newRounds, int newDepth) {
            return new Settings(newRounds, learningRate, newDepth, minLeaf, lambda, subsample, maxBins, seed);
        }

        /** The settings a tuning grid leaves as they are, for a report where depth and rounds are chosen per fold. */
        public String describeUntuned() {
            return String.format(Locale.ROOT, "gradient-boosted trees: learning rate %s, min %d rows per leaf, lambda %s, subsample %s, "
                    + "%d bins per column, seed %d", learningRate, minLeaf, lambda, subsample, maxBins, seed);
        }

        public String describe() {
            return String.format(Locale.ROOT, "gradient-boosted trees: %d rounds, depth %d, learning rate %s, min %d rows per leaf, "
                    + "lambda %s, subsample %s, %d bins per column, seed %d", rounds, maxDepth, learningRate, minLeaf, lambda,
                    subsample, maxBins, seed);
        }
    }

    /** A feature and the total log-loss gain of the splits made on it over all trees. */
    public record Importance(String feature, double gain, double share) {
    }

    /** What one feature added to a row's log-odds of default (positive = riskier), summed over the trees. */
    public record Contribution(String feature, double logOdds) {
    }

    /** A trained ensemble; scores any dataset that has the training columns by name. */
    public static final class Model {
        private final Settings settings;
        private final List<FeatureBins> features;
        private final double base;
        private final List<RegressionTree> trees;
        private final double[] gains;

        private Model(Settings settings, List<FeatureBins> features, double base, List<RegressionTree> trees, double[] gains) {
            this.settings = settings;
            this.features = List.copyOf(features);
            this.base = base;
            this.trees = List.copyOf(trees);
            this.gains = gains.clone();
        }

        public Settings settings() {
            return settings;
        }

        public int trees() {
            return trees.size();
        }

        /** The probability of default of every row; unseen categories count as missing. */
        public double[] probabilities(Dataset data) {
            byte[][] x = new byte[features.size()][];
            for (int f = 0; f < x.length; f++) {
                x[f] = features.get(f).codes(data);
            }
            double[] p = new double[data.size()];
            for (int r = 0; r < p.length; r++) {
                double f = base;
                for (RegressionTree t : trees) {
                    f += t.predict(x, r);
                }
                p[r] = sigmoid(f);
            }
            return p;
        }

        /**
         * Why a row's probability of default is what it is: the log-odds the model starts from (the training
         * bad rate plus every tree's root), and each feature's contribution along the row's paths (each split
         * changes the value from the parent node's to the child's; the change goes to the split's feature).
         * Start plus contributions is the row's log-odds exactly. Returned riskiest first, zeros left out.
         */
        public List<Contribution> explain(Dataset data, int row) {
            byte[][] x = new byte[features.size()][];
            for (int f = 0; f < x.length; f++) {
                x[f] = features.get(f).codes(data);
            }
            double[] c = new double[features.size()];
            double start = base;
            for (RegressionTree t : trees) {
                start += t.explain(x, row, c);
            }
            List<Contribution> out = new ArrayList<>();
            out.add(new Contribution("(start)", start));
            List<Contribution> byFeature = new ArrayList<>();
            for (int f = 0; f < c.length; f++) {
                if (c[f] != 0) {
                    byFeature.add(new Contribution(features.get(f).name(), c[f]));
                }
            }
            byFeature.sort(Comparator.comparingDouble(Contribution::logOdds).reversed().thenComparing(Contribution::feature));
            out.addAll(byFeature);
            return out;
        }

        /** The {@code top} features that raised a row's risk the most: the challenger's reason codes. */
        public List<Contribution> reasons(Dataset data, int row, int top) {
            return explain(data, row).stream().skip(1).filter(c -> c.logOdds() > 0).limit(top).toList();
        }

        /** Features by total split gain, largest first; features never split on are left out. */
        public List<Importance> importance() {
            double total = 0;
            for (double g : gains) {
                total += g;
            }
            List<Importance> out = new ArrayList<>();
            for (int f = 0; f < gains.length; f++) {
                if (gains[f] > 0) {
                    out.add(new Importance(features.get(f).name(), gains[f], gains[f] / total));
                }
            }
            out.sort(Comparator.comparingDouble(Importance::gain).reversed().thenComparing(Importance::feature));
            return out;
        }
    }

    private Boosting() {
    }

    public static Model train(Dataset data, Settings s) {
        return train(data, s, java.util.Map.of());
    }

    /**
     * Trains with monotone directions for some numeric features by name ({@code +1}: risk rises with the
     * value, {@code −1}: falls); the others are free.
     */
    public static Model train(Dataset data, Settings s, java.util.Map<String, Integer> monotone) {
        return fit(data, s, monotone, null, null);
    }

    /**
     * The AUC on {@code valid} after each round of a model trained on {@code train}: element {@code k} is
     * the AUC with the first {@code k + 1} trees. For choosing the number of rounds.
     */
    static double[] validationPath(Dataset train, Dataset valid, Settings s, java.util.Map<String, Integer> monotone) {
        double[] auc = new double[s.rounds()];
        fit(train, s, monotone, valid, auc);
        return auc;
    }

    private static Model fit(Dataset data, Settings s, java.util.Map<String, Integer> monotone, Dataset valid, double[] validAuc) {
        int n = data.size();
        int bads = data.bads();
        Trainer.requireBothClasses(data);
        if (data.columns().isEmpty()) {
            throw new DataFormatException("training", "no characteristic columns");
        }
        List<FeatureBins> features = new ArrayList<>();
        for (Dataset.Column c : data.columns()) {
            features.add(FeatureBins.of(c, s.maxBins(), s.minLeaf()));
        }
        int k = features.size();
        byte[][] x = new byte[k][];
        boolean[] numeric = new boolean[k];
        int[] bins = new int[k];
        int[] direction = new int[k];
        for (int f = 0; f < k; f++) {
            x[f] = features.get(f).codes(data);
            numeric[f] = features.get(f).numeric();
            bins[f] = features.get(f).count();
            direction[f] = numeric[f] ? Integer.signum(monotone.getOrDefault(features.get(f).name(), 0)) : 0;
        }
        byte[][] vx = null;
        double[] vscore = null;
        if (valid != null) {
            vx = new byte[k][];
            for (int f = 0; f < k; f++) {
                vx[f] = features.get(f).codes(valid);
            }
            vscore = new double[valid.size()];
        }
        double base = Math.log((double) bads / (n - bads));
        double[] score = new double[n];
        java.util.Arrays.fill(score, base);
        double[] g = new double[n];
        double[] h = new double[n];
        RegressionTree.Inputs in = new RegressionTree.Inputs(x, numeric, bins, g, h, direction);
        int[] y = data.bad();
        Random random = new Random(s.seed());
        int[] sample = new int[n];
        double[] gains = new double[k];
        List<RegressionTree> trees = new ArrayList<>(s.rounds());
        for (int round = 0; round < s.rounds(); round++) {
            for (int r = 0; r < n; r++) {
                double p = sigmoid(score[r]);
                g[r] = p - y[r];
                h[r] = Math.max(p * (1 - p), 1e-12);
            }
            int m = 0;
            for (int r = 0; r < n; r++) {
                if (s.subsample() >= 1 || random.nextDouble() < s.subsample()) {
                    sample[m++] = r;
                }
            }
            RegressionTree tree = RegressionTree.grow(in, java.util.Arrays.copyOf(sample, m), s, gains);
            trees.add(tree);
            for (int r = 0; r < n; r++) {
                score[r] += tree.predict(x, r);
            }
            if (valid != null) {
                for (int r = 0; r < vscore.length; r++) {
                    vscore[r] += tree.predict(vx, r);
                }
                validAuc[round] = Validation.auc(vscore, valid.bad());
            }
        }
        return new Model(s, features, base, trees, gains);
    }

    /** The logistic function, kept strictly inside (0, 1). */
    static double sigmoid(double f) {
        double c = Math.max(-30, Math.min(30, f));
        return 1 / (1 + Math.exp(-c));
    }
}
