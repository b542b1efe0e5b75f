package cn.chanrong.credit.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScorecardTrainingTests {

    static final Dataset DATA = Synthetic.portfolio(6000, 7);

    @Test
    void informative_characteristics_enter_the_model_and_noise_stays_out() {
        Scorecard card = Trainer.train(DATA, Trainer.Settings.DEFAULT);
        assertThat(card.characteristics()).extracting(s -> s.characteristic().name())
                .contains("leverage", "region", "tenure").doesNotContain("noise");
        assertThat(card.excluded()).containsKey("noise");
        assertThat(card.excluded().get("noise")).startsWith("IV below");
    }

    @Test
    void woe_of_every_characteristic_is_monotone_in_its_bins() {
        Scorecard card = Trainer.train(DATA, Trainer.Settings.DEFAULT);
        for (Scorecard.Scored s : card.characteristics()) {
            List<Bin> bins = s.characteristic().bins().stream().filter(b -> !b.missing()).toList();
            assertThat(bins).hasSizeGreaterThan(1);
            boolean up = true;
            boolean down = true;
            for (int i = 1; i < bins.size(); i++) {
                up &= bins.get(i).woe() >= bins.get(i - 1).woe();
                down &= bins.get(i).woe() <= bins.get(i - 1).woe();
            }
            assertThat(up || down).as(s.characteristic().name()).isTrue();
            assertThat(bins).allMatch(b -> b.count() >= Binning.Settings.DEFAULT.minShare() * DATA.size() && b.goods() > 0 && b.bads() > 0);
        }
    }

    @Test
    void higher_leverage_earns_fewer_points_and_scores_order_risk() {
        Scorecard card = Trainer.train(DATA, Trainer.Settings.DEFAULT);
        Scorecard.Scored lev = card.characteristics().stream().filter(s -> s.characteristic().name().equals("leverage")).findFirst().orElseThrow();
        int[] pts = lev.points();
        assertThat(pts[0]).isGreaterThan(pts[pts.length - 2]);
        assertThat(lev.coefficient()).isNegative();
        int[] scores = card.scores(DATA);
        double[] risk = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            risk[i] = card.probabilityOf(scores[i]);
        }
        assertThat(Validation.auc(risk, DATA.bad())).isGreaterThan(0.72);
    }

    @Test
    void points_follow_the_scaling_base_score_at_base_odds_and_pdo_doubles_them() {
        Scorecard card = Trainer.train(DATA, Trainer.Settings.DEFAULT);
        assertThat(card.probabilityOf(600)).isCloseTo(1.0 / 51, within(1e-12));
        double oddsAt620 = (1 - card.probabilityOf(620)) / card.probabilityOf(620);
        assertThat(oddsAt620).isCloseTo(100, within(1e-9));
    }

    @Test
    void reasons_name_the_characteristics_that_cost_the_most_points() {
        Scorecard card = Trainer.train(DATA, Trainer.Settings.DEFAULT);
        Scorecard.Result risky = card.score(Map.of("leverage", 0.99, "tenure", 0.0, "region", "south"), 3);
        Scorecard.Result safe = card.score(Map.of("leverage", 0.01, "tenure", 19.0, "region", "east"), 3);
        assertThat(risky.score()).isLessThan(safe.score());
        assertThat(risky.reasons()).isNotEmpty();
        assertThat(risky.reasons().getFirst().pointsLost()).isGreaterThanOrEqualTo(risky.reasons().getLast().pointsLost());
        assertThat(risky.reasons()).extracting(Scorecard.Reason::characteristic).contains("leverage");
        assertThat(safe.reasons().stream().mapToInt(Scorecard.Reason::pointsLost).sum())
                .isLessThan(risky.reasons().stream().mapToInt(Scorecard.Reason::pointsLost).sum());
    }

    @Test
    void unseen_categories_and_missing_values_fall_in_the_missing_bin() {
        Scorecard card = Trainer.train(DATA, Trainer.Settings.DEFAULT);
        Scorecard.Result r = card.score(Map.of("leverage", 0.5, "region", "mars"), 5);
        assertThat(r.bins()).containsEntry("region", "missing").containsEntry("tenure", "missing");
    }

    @Test
    void irls_recovers_the_coefficients_that_generated_the_data() {
        Random random = new Random(11);
        int n = 20_000;
        double[][] x = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextGaussian();
            x[i][1] = random.nextGaussian();
            double eta = -1.0 + 1.5 * x[i][0] - 0.5 * x[i][1];
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        LogisticRegression.Fit fit = LogisticRegression.fit(x, y, 50, 1e-10);
        assertThat(fit.converged()).isTrue();
        double[] truth = {-1.0, 1.5, -0.5};
        for (int j = 0; j < 3; j++) {
            assertThat(Math.abs(fit.coefficients()[j] - truth[j])).isLessThan(4 * fit.standardErrors()[j]);
            assertThat(fit.standardErrors()[j]).isBetween(0.005, 0.05);
        }
        assertThat(fit.pValue(1)).isLessThan(1e-6);
    }

    @Test
    void cross_validation_keeps_the_bad_rate_in_every_fold_and_repeats_with_its_seed() {
        int[] folds = CrossValidation.assign(DATA.bad(), 5, 42);
        int[] badsPerFold = new int[5];
        for (int i = 0; i < folds.length; i++) {
            badsPerFold[folds[i]] += DATA.bad()[i];
        }
        int total = DATA.bads();
        for (int b : badsPerFold) {
            assertThat(b).isBetween(total / 5, total / 5 + 1);
        }
        CrossValidation.Result a = CrossValidation.run(DATA, Trainer.Settings.DEFAULT, 5, 42);
        CrossValidation.Result b = CrossValidation.run(DATA, Trainer.Settings.DEFAULT, 5, 42);
        CrossValidation.Result c = CrossValidation.run(DATA, Trainer.Settings.DEFAULT, 5, 43);
        assertThat(a.meanAuc()).isEqualTo(b.meanAuc());
        assertThat(a.meanAuc()).isNotEqualTo(c.meanAuc());
        assertThat(a.meanAuc()).isBetween(0.68, 0.80);
    }

    @Test
    void a_scorecard_survives_its_document_and_scores_the_same() {
        Scorecard card = Trainer.train(DATA, Trainer.Settings.DEFAULT);
        Scorecard back = ScorecardDocument.of(card).toScorecard();
        assertThat(back.scores(DATA)).containsExactly(card.scores(DATA));
        Map<String, Object> applicant = new java.util.HashMap<>(Map.of("leverage", 0.8, "region", "west"));
        assertThat(back.score(applicant, 3)).isEqualTo(card.score(applicant, 3));
        assertThat(ScorecardDocument.of(card).characteristics().getFirst().attributes().getFirst().lower()).isNull();
    }

    @Test
    void a_characteristic_dropped_by_the_regression_frees_its_place_for_the_next_candidate() {
        // Two copies of leverage with a little noise: the weaker is left out as a twin of the stronger. With room for two characteristics, a noise column let in by a zero IV threshold is
        // dropped for its p-value and the place is refilled rather than left empty.
        Random random = new Random(3);
        double[] lev = ((Dataset.Numeric) DATA.column("leverage")).values();
        double[] twin = new double[lev.length];
        for (int i = 0; i < lev.length; i++) {
            twin[i] = lev[i] + 0.01 * random.nextGaussian();
        }
        Dataset data = new Dataset(List.of(DATA.column("leverage"), new Dataset.Numeric("leverage2", twin), DATA.column("noise"),
                DATA.column("region"), DATA.column("tenure")), DATA.bad());
        Trainer.Settings d = Trainer.Settings.DEFAULT;
        Trainer.Settings s = new Trainer.Settings(d.binning(), 0.0, d.maxCorrelation(), 3, 0.01, d.scaling());
        Scorecard card = Trainer.train(data, s);
        assertThat(card.characteristics()).hasSize(3);
        List<String> in = card.characteristics().stream().map(c -> c.characteristic().name()).toList();
        assertThat(in).contains("region", "tenure").doesNotContain("noise");
        String kept = in.contains("leverage") ? "leverage" : "leverage2";
        String other = kept.equals("leverage") ? "leverage2" : "leverage";
        assertThat(in).doesNotContain(other);
        assertThat(card.excluded().get(other)).isEqualTo("WoE correlates above 0.8 with " + kept);
        assertThat(card.excluded().get("noise")).satisfiesAnyOf(r -> assertThat(r).startsWith("p-value"),
                r -> assertThat(r).startsWith("wrong sign"), r -> assertThat(r).startsWith("beyond the 3"));
    }
}
