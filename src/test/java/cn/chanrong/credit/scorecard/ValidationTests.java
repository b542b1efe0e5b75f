package cn.chanrong.credit.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ValidationTests {

    @Test
    void auc_is_one_for_a_perfect_ranking_zero_reversed_and_a_half_for_ties() {
        int[] bad = {0, 0, 1, 1};
        assertThat(Validation.auc(new double[] {0.1, 0.2, 0.8, 0.9}, bad)).isEqualTo(1.0);
        assertThat(Validation.auc(new double[] {0.9, 0.8, 0.2, 0.1}, bad)).isEqualTo(0.0);
        assertThat(Validation.auc(new double[] {0.5, 0.5, 0.5, 0.5}, bad)).isEqualTo(0.5);
        assertThat(Validation.auc(new double[] {0.1, 0.6, 0.5, 0.9}, bad)).isEqualTo(0.75);
    }

    @Test
    void ks_is_the_largest_gap_between_cumulative_bads_and_goods() {
        int[] bad = {0, 0, 1, 1};
        assertThat(Validation.ks(new double[] {0.1, 0.2, 0.8, 0.9}, bad)).isEqualTo(1.0);
        assertThat(Validation.ks(new double[] {0.1, 0.6, 0.5, 0.9}, bad)).isEqualTo(0.5);
        assertThat(Validation.ks(new double[] {0.5, 0.5, 0.5, 0.5}, bad)).isEqualTo(0.0);
    }

    @Test
    void brier_and_calibration_compare_predicted_with_observed() {
        double[] pd = {0.1, 0.1, 0.9, 0.9};
        int[] bad = {0, 0, 1, 0};
        assertThat(Validation.brier(pd, bad)).isCloseTo((0.01 + 0.01 + 0.01 + 0.81) / 4, within(1e-12));
        var cal = Validation.calibration(pd, bad, 2);
        assertThat(cal).hasSize(2);
        assertThat(cal.get(0).observed()).isEqualTo(0.0);
        assertThat(cal.get(1).observed()).isEqualTo(0.5);
        assertThat(cal.get(1).meanPredicted()).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void psi_is_near_zero_for_the_same_population_and_large_for_a_shifted_one() {
        Random r = new Random(3);
        double[] a = new double[5000];
        double[] b = new double[5000];
        double[] shifted = new double[5000];
        for (int i = 0; i < a.length; i++) {
            a[i] = 600 + 40 * r.nextGaussian();
            b[i] = 600 + 40 * r.nextGaussian();
            shifted[i] = 640 + 40 * r.nextGaussian();
        }
        assertThat(Validation.psi(a, b, 10)).isLessThan(0.02);
        assertThat(Validation.psi(a, shifted, 10)).isGreaterThan(0.25);
    }

    @Test
    void bin_bounds_read_as_plain_grouped_numbers_not_exponents() {
        assertThat(Bin.interval(Double.NEGATIVE_INFINITY, -21_600_000.5)).isEqualTo("<= -21,600,001");
        assertThat(Bin.interval(0.25, 0.693)).isEqualTo("(0.2500, 0.6930]");
    }

    @Test
    void beta_and_t_distributions_match_known_values() {
        assertThat(Stats.betaCdf(0.3, 1, 1)).isCloseTo(0.3, within(1e-10));
        assertThat(Stats.betaCdf(0.5, 2, 3)).isCloseTo(0.6875, within(1e-10));
        assertThat(Stats.betaQuantile(0.6875, 2, 3)).isCloseTo(0.5, within(1e-9));
        assertThat(Stats.tQuantile(0.975, 9)).isCloseTo(2.2622, within(1e-4));
        assertThat(Stats.tCdf(0, 5)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void the_jeffreys_test_flags_a_grade_whose_predicted_rate_lies_outside_what_was_observed() {
        // 1,000 rows and 50 defaults: the Jeffreys 95 % interval is about 3.8 %–6.5 %
        assertThat(new Validation.CalibrationRow(1000, 50, 0.05, 0.05).verdict()).isEqualTo("ok");
        assertThat(new Validation.CalibrationRow(1000, 50, 0.02, 0.05).verdict()).isEqualTo("under");
        assertThat(new Validation.CalibrationRow(1000, 50, 0.09, 0.05).verdict()).isEqualTo("over");
        double[] j = new Validation.CalibrationRow(1000, 50, 0.05, 0.05).jeffreysInterval();
        assertThat(j[0]).isBetween(0.036, 0.040);
        assertThat(j[1]).isBetween(0.063, 0.067);
    }

    @Test
    void a_gain_smaller_than_one_standard_error_is_a_tie_and_a_steady_one_is_not() {
        CrossValidation.Result base = result(0.78, 0.80, 0.76, 0.79, 0.77);
        CrossValidation.Result noisy = result(0.79, 0.79, 0.77, 0.78, 0.78);
        CrossValidation.Result better = result(0.80, 0.82, 0.78, 0.81, 0.79);
        CrossValidation.Comparison tie = CrossValidation.Comparison.of("a", noisy, "b", base);
        assertThat(tie.tie()).isTrue();
        assertThat(tie.verdict()).startsWith("tie");
        CrossValidation.Comparison win = CrossValidation.Comparison.of("a", better, "b", base);
        assertThat(win.tie()).isFalse();
        assertThat(win.meanDifference()).isCloseTo(0.02, within(1e-12));
        assertThat(win.aWins()).isEqualTo(5);
        assertThat(win.verdict()).startsWith("a beats b");
        double[] ci = base.confidence95();
        assertThat(ci[0]).isLessThan(0.78).isGreaterThan(0.74);
        assertThat(ci[1]).isGreaterThan(0.78).isLessThan(0.82);
    }

    private static CrossValidation.Result result(double... aucs) {
        java.util.List<Validation> folds = java.util.Arrays.stream(aucs)
                .mapToObj(a -> new Validation(100, 30, a, 0.4, 2 * a - 1, 0.17, java.util.List.of())).toList();
        return CrossValidation.Result.of(aucs.length, 1, 1, folds, folds.getFirst(), java.util.Collections.nCopies(aucs.length, ""),
                java.util.List.of());
    }

    @Test
    void stability_per_characteristic_is_near_zero_in_one_population_and_large_when_it_shifts() {
        Dataset dev = Synthetic.portfolio(4000, 1);
        Dataset same = Synthetic.portfolio(4000, 2);
        Scorecard card = Trainer.train(dev, Trainer.Settings.DEFAULT);
        double[] lev = ((Dataset.Numeric) same.column("leverage")).values().clone();
        for (int i = 0; i < lev.length; i++) {
            lev[i] = Math.min(1, lev[i] + 0.3);
        }
        java.util.List<Dataset.Column> cols = new java.util.ArrayList<>(same.columns());
        cols.replaceAll(c -> c.name().equals("leverage") ? new Dataset.Numeric("leverage", lev) : c);
        Dataset shifted = new Dataset(cols, same.bad());
        assertThat(Stability.of(card, dev, same)).allMatch(r -> r.psi() < 0.02 && r.band().equals("stable"));
        Stability.Row leverage = Stability.of(card, dev, shifted).stream().filter(r -> r.characteristic().equals("leverage"))
                .findFirst().orElseThrow();
        assertThat(leverage.psi()).isGreaterThan(0.25);
        assertThat(leverage.band()).isEqualTo("shifted");
    }
}
