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
}
