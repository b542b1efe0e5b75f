package cn.chanrong.credit.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.credit.scorecard.Trainer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelDevelopmentTests {

    static final List<LocalDate> YEARS = List.of(LocalDate.of(2021, 12, 31), LocalDate.of(2022, 12, 31),
            LocalDate.of(2023, 12, 31), LocalDate.of(2024, 12, 31));

    @Test
    void the_same_seed_gives_the_same_population_and_defaults_follow_fragility() {
        Population a = Population.generate(300, YEARS.subList(0, 1), 7);
        Population b = Population.generate(300, YEARS.subList(0, 1), 7);
        assertThat(a.data().bad()).containsExactly(b.data().bad());
        double fragileBad = 0;
        double fragileN = 0;
        double sturdyBad = 0;
        double sturdyN = 0;
        Population big = Population.generate(3000, YEARS.subList(0, 1), 11);
        for (int i = 0; i < big.firms().length; i++) {
            if (big.firms()[i].fragility() > 0.6) {
                fragileBad += big.data().bad()[i];
                fragileN++;
            } else if (big.firms()[i].fragility() < 0.3) {
                sturdyBad += big.data().bad()[i];
                sturdyN++;
            }
        }
        assertThat(fragileBad / fragileN).isGreaterThan(3 * sturdyBad / sturdyN);
    }

    @Test
    void a_model_trained_on_earlier_years_ranks_the_latest_year_and_reports_by_ownership() {
        Population p = Population.generate(8000, YEARS, 2025);
        ModelDevelopment.Result r = ModelDevelopment.develop(p, 2024, Trainer.Settings.DEFAULT);
        System.out.printf("bad rate %.3f; in-time AUC %.4f; out-of-time AUC %.4f KS %.4f; PSI %.4f; models %d%n",
                (double) p.data().bads() / p.data().size(), r.inTime().auc(), r.outOfTime().auc(), r.outOfTime().ks(), r.psi(),
                r.models().size());
        r.models().forEach(m -> System.out.printf("  %s rows %d bads %d oot %s%n", m.segment(), m.trainRows(), m.trainBads(),
                m.outOfTime() == null ? "-" : String.format("%.4f", m.outOfTime().auc())));
        r.ownership().stream().filter(o -> o.band().equals("all")).forEach(o -> System.out.println("  " + o));
        System.out.println(r.models().getFirst().card().characteristics().stream().map(s -> s.characteristic().name()).toList());
        assertThat(r.outOfTime().auc()).isGreaterThan(0.7);
        assertThat(r.psi()).isGreaterThanOrEqualTo(0);
        assertThat(r.ownership()).extracting(ModelDevelopment.OwnershipRow::ownership).contains("PRIVATE", "STATE_OWNED");
        assertThat(r.models().getFirst().card().characteristics()).noneMatch(s -> s.characteristic().name().contains("owner"));
    }
}
