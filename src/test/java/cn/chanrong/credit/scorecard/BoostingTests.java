package cn.chanrong.credit.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BoostingTests {

    static final Boosting.Settings QUICK = new Boosting.Settings(120, 0.1, 3, 20, 1.0, 0.8, 64, 11);

    /**
     * Risk is high when exactly one of two features is high (an XOR): neither feature alone separates
     * goods from bads, so a monotone scorecard sees only the weak main effect of {@code size}.
     */
    static Dataset xor(int n, long seed) {
        Random r = new Random(seed);
        double[] a = new double[n];
        double[] b = new double[n];
        double[] size = new double[n];
        int[] bad = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextDouble();
            b[i] = r.nextDouble();
            size[i] = r.nextDouble();
            boolean mixed = (a[i] > 0.5) != (b[i] > 0.5);
            double eta = -2.0 + (mixed ? 3.0 : 0) - 1.0 * size[i];
            bad[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        return new Dataset(List.of(new Dataset.Numeric("a", a), new Dataset.Numeric("b", b), new Dataset.Numeric("size", size)), bad);
    }

    @Test
    void boosting_learns_an_interaction_that_a_monotone_scorecard_cannot() {
        Dataset train = xor(6000, 1);
        Dataset test = xor(4000, 2);
        Scorecard card = Trainer.train(train, Trainer.Settings.DEFAULT);
        int[] scores = card.scores(test);
        double[] cardPd = Arrays.stream(scores).mapToDouble(card::probabilityOf).toArray();
        double cardAuc = Validation.auc(cardPd, test.bad());
        double boostAuc = Validation.auc(Boosting.train(train, QUICK).probabilities(test), test.bad());
        assertThat(cardAuc).isLessThan(0.65);
        assertThat(boostAuc).isGreaterThan(0.75).isGreaterThan(cardAuc + 0.15);
    }

    @Test
    void the_same_seed_gives_the_same_model_and_another_seed_another() {
        Dataset data = Synthetic.portfolio(3000, 3);
        double[] first = Boosting.train(data, QUICK).probabilities(data);
        double[] again = Boosting.train(data, QUICK).probabilities(data);
        double[] other = Boosting.train(data, QUICK.withSeed(12)).probabilities(data);
        assertThat(again).containsExactly(first);
        assertThat(Arrays.equals(first, other)).isFalse();
    }

    @Test
    void probabilities_lie_strictly_between_zero_and_one_and_average_near_the_bad_rate() {
        Dataset data = Synthetic.portfolio(4000, 4);
        double[] pd = Boosting.train(data, Boosting.Settings.DEFAULT).probabilities(data);
        assertThat(Arrays.stream(pd).boxed()).allSatisfy(p -> assertThat(p).isStrictlyBetween(0.0, 1.0));
        double mean = Arrays.stream(pd).average().orElseThrow();
        assertThat(mean).isCloseTo((double) data.bads() / data.size(), within(0.01));
    }

    /** Missing leverage and the category "risky" both mean default; the model must find both. */
    static Dataset missingAndCategories(int n, long seed) {
        Random r = new Random(seed);
        double[] leverage = new double[n];
        String[] sector = new String[n];
        int[] bad = new int[n];
        String[] sectors = {"steel", "textiles", "risky", "software"};
        for (int i = 0; i < n; i++) {
            leverage[i] = r.nextDouble() < 0.15 ? Double.NaN : r.nextDouble();
            sector[i] = r.nextDouble() < 0.05 ? null : r.nextDouble() < 0.01 ? "rare-" + i : sectors[r.nextInt(4)];
            double eta = -2.5 + (Double.isNaN(leverage[i]) ? 2.0 : leverage[i]) + ("risky".equals(sector[i]) ? 1.5 : 0);
            bad[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        return new Dataset(List.of(new Dataset.Numeric("leverage", leverage), new Dataset.Categorical("sector", sector)), bad);
    }

    @Test
    void missing_values_and_categories_carry_their_own_risk_and_unseen_categories_count_as_missing() {
        Dataset data = missingAndCategories(8000, 5);
        Boosting.Model model = Boosting.train(data, QUICK);
        Dataset probe = new Dataset(List.of(
                new Dataset.Numeric("leverage", new double[] {Double.NaN, 0.1, 0.1, 0.1, 0.1}),
                new Dataset.Categorical("sector", new String[] {"steel", "steel", "risky", "never-seen", null})),
                new int[5]);
        double[] p = model.probabilities(probe);
        assertThat(p[0]).as("missing leverage is risky").isGreaterThan(p[1] + 0.1);
        assertThat(p[2]).as("the risky sector").isGreaterThan(p[1] + 0.1);
        assertThat(p[3]).as("an unseen category scores like a missing one").isEqualTo(p[4]);
        assertThat(model.importance()).extracting(Boosting.Importance::feature).containsExactlyInAnyOrder("leverage", "sector");
        assertThat(model.importance().stream().mapToDouble(Boosting.Importance::share).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void scoring_data_must_have_the_training_columns_with_the_same_types() {
        Dataset data = missingAndCategories(2000, 6);
        Boosting.Model model = Boosting.train(data, QUICK);
        Dataset without = new Dataset(List.of(new Dataset.Numeric("leverage", new double[] {0.5})), new int[1]);
        assertThatThrownBy(() -> model.probabilities(without)).isInstanceOf(DataFormatException.class).hasMessageContaining("sector");
        Dataset retyped = new Dataset(List.of(new Dataset.Categorical("leverage", new String[] {"high"}),
                new Dataset.Categorical("sector", new String[] {"steel"})), new int[1]);
        assertThatThrownBy(() -> model.probabilities(retyped)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("leverage").hasMessageContaining("numeric");
    }

    @Test
    void numeric_columns_get_at_most_the_bins_asked_for_and_categories_pool_the_rare_ones() {
        Dataset data = missingAndCategories(5000, 7);
        FeatureBins lev = FeatureBins.of(data.column("leverage"), 64, 20);
        assertThat(lev.count()).isEqualTo(65);
        assertThat(lev.bin(Double.NaN)).isZero();
        assertThat(lev.bin(-1.0)).isEqualTo(1);
        assertThat(lev.bin(2.0)).isEqualTo(64);
        FeatureBins sector = FeatureBins.of(data.column("sector"), 64, 20);
        assertThat(sector.count()).isEqualTo(6);
        List<String> rare = Arrays.stream(((Dataset.Categorical) data.column("sector")).values())
                .filter(v -> v != null && v.startsWith("rare-")).toList();
        assertThat(rare).hasSizeGreaterThan(10).allSatisfy(v -> assertThat(sector.bin(v)).isEqualTo(5));
        assertThat(sector.bin("steel")).isBetween(1, 4);
        assertThat(sector.bin("never-seen")).isZero();
        FeatureBins few = FeatureBins.of(new Dataset.Numeric("grade", new double[] {1, 2, 2, 3, 3, 3}), 64, 1);
        assertThat(few.count()).isEqualTo(4);
        assertThat(new int[] {few.bin(1), few.bin(2), few.bin(3)}).containsExactly(1, 2, 3);
    }

    @Test
    void cross_validation_of_the_challenger_repeats_and_beats_chance() {
        Dataset data = Synthetic.portfolio(3000, 8);
        CrossValidation.Result r = BoostingCrossValidation.run(data, QUICK, 5, 20251);
        CrossValidation.Result again = BoostingCrossValidation.run(data, QUICK, 5, 20251);
        assertThat(r.perFold()).hasSize(5);
        assertThat(r.meanAuc()).isGreaterThan(0.7).isEqualTo(again.meanAuc());
        assertThat(r.pooled().rows()).isEqualTo(3000);
        assertThat(Report.crossValidation("synthetic", data, r)).contains("Stratified 5-fold").endsWith(
                String.format(java.util.Locale.ROOT, "AUC=%.4f KS=%.4f GINI=%.4f%n", r.meanAuc(), r.meanKs(), r.meanGini()));
        assertThatThrownBy(() -> BoostingCrossValidation.run(data, QUICK, 1, 1)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("--folds");
    }

    @Test
    void settings_out_of_range_are_refused() {
        assertThatThrownBy(() -> new Boosting.Settings(0, 0.05, 3, 20, 1, 0.8, 64, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Boosting.Settings(10, 0.05, 3, 20, 1, 1.5, 64, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Boosting.Settings(10, 0.05, 3, 20, 1, 0.8, 200, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_prediction_splits_exactly_into_a_start_and_per_feature_contributions() {
        Dataset data = xor(3000, 5);
        Boosting.Model model = Boosting.train(data, QUICK);
        double[] pd = model.probabilities(data);
        for (int row : new int[] {0, 7, 99}) {
            List<Boosting.Contribution> parts = model.explain(data, row);
            assertThat(parts.getFirst().feature()).isEqualTo("(start)");
            double logOdds = parts.stream().mapToDouble(Boosting.Contribution::logOdds).sum();
            assertThat(1 / (1 + Math.exp(-logOdds))).isCloseTo(pd[row], within(1e-9));
            List<Boosting.Contribution> reasons = model.reasons(data, row, 2);
            assertThat(reasons).hasSizeLessThanOrEqualTo(2).allMatch(c -> c.logOdds() > 0);
        }
    }

    @Test
    void a_monotone_feature_never_lowers_risk_where_its_direction_says_it_rises() {
        Dataset data = xor(4000, 6);
        // risk falls with size (coefficient −1): direction −1
        Boosting.Model model = Boosting.train(data, QUICK, java.util.Map.of("size", -1));
        int n = 101;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] size = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 0.3;
            b[i] = 0.8;
            size[i] = i / 100.0;
        }
        Dataset grid = new Dataset(List.of(new Dataset.Numeric("a", a), new Dataset.Numeric("b", b), new Dataset.Numeric("size", size)),
                new int[n]);
        double[] pd = model.probabilities(grid);
        for (int i = 1; i < n; i++) {
            assertThat(pd[i]).as("size %s", size[i]).isLessThanOrEqualTo(pd[i - 1] + 1e-12);
        }
        assertThat(BoostingTuner.directions(data, Trainer.Settings.DEFAULT)).containsEntry("size", -1);
    }

    @Test
    void tuning_uses_only_the_training_rows_and_picks_from_the_grid() {
        Dataset data = xor(2000, 8);
        BoostingTuner.Grid grid = new BoostingTuner.Grid(List.of(1, 3), 80, 3, false);
        BoostingTuner.Choice c = BoostingTuner.tune(data, QUICK, grid);
        assertThat(c.settings().maxDepth()).isIn(1, 3);
        assertThat(c.settings().rounds()).isBetween(1, 120);
        assertThat(c.innerAuc()).isBetween(0.5, 1.0);
        // depth 1 cannot express the XOR, so the inner cross-validation prefers depth 3
        assertThat(c.settings().maxDepth()).isEqualTo(3);
        assertThat(BoostingTuner.tune(data, QUICK, grid)).isEqualTo(c);
    }

    @Test
    void splitting_off_the_missing_values_of_a_monotone_feature_does_not_flatten_the_rest_of_the_tree() {
        // x is often missing, and missing is risky; its present values carry no risk the constraint allows.
        // Splitting the missing values off is free of the constraint and must not clamp the split on z below it.
        Random r = new Random(21);
        int n = 4000;
        double[] x = new double[n];
        double[] z = new double[n];
        int[] bad = new int[n];
        for (int i = 0; i < n; i++) {
            boolean missing = r.nextDouble() < 0.3;
            x[i] = missing ? Double.NaN : r.nextDouble();
            z[i] = r.nextDouble();
            double eta = -2.5 + (missing ? 1.5 : -1.0 * x[i]) + 2.5 * z[i];
            bad[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        Dataset data = new Dataset(List.of(new Dataset.Numeric("x", x), new Dataset.Numeric("z", z)), bad);
        double free = Validation.auc(Boosting.train(data, QUICK).probabilities(data), bad);
        double constrained = Validation.auc(Boosting.train(data, QUICK, java.util.Map.of("x", 1)).probabilities(data), bad);
        assertThat(constrained).isGreaterThan(0.7).isGreaterThan(free - 0.05);
    }
}
