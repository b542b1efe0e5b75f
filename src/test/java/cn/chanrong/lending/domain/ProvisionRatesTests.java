package cn.chanrong.lending.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Provision rates by tier (FACTS §8: the 2002 guideline's 1 / 2 / 25 / 50 / 100 % as defaults, configurable
 * per institution) and the supervisors' ratios (FACTS §10, 银监发〔2018〕7号: 拨备覆盖率 floor within
 * 120–150 %, 贷款拨备率 floor within 1.5–2.5 %).
 */
class ProvisionRatesTests {

    @ParameterizedTest(name = "{0} on 1,000,000.00 needs {1} by default")
    @CsvSource({"NORMAL, 10000.00", "SPECIAL_MENTION, 20000.00", "SUBSTANDARD, 250000.00", "DOUBTFUL, 500000.00",
            "LOSS, 1000000.00"})
    void the_guideline_rates_are_the_defaults(Tier tier, String provision) {
        assertThat(ProvisionRates.DEFAULTS.provision(tier, new BigDecimal("1000000.00"))).isEqualByComparingTo(provision);
    }

    @ParameterizedTest(name = "an institution at {1} for {0} provisions {2} on 333,333.33")
    @CsvSource({"NORMAL, 0.015, 5000.00", "SPECIAL_MENTION, 0.03, 10000.00", "SUBSTANDARD, 0.30, 100000.00",
            "SUBSTANDARD, 0.2555, 85166.67"})
    void an_institution_may_configure_its_own_rates_the_rest_stay_the_defaults(Tier tier, String rate, String provision) {
        ProvisionRates own = ProvisionRates.over(Map.of(tier, new BigDecimal(rate)));
        assertThat(own.provision(tier, new BigDecimal("333333.33"))).isEqualByComparingTo(provision);
        assertThat(own.rate(Tier.LOSS)).isEqualByComparingTo("1.00");
    }

    @Test
    void a_rate_outside_nothing_to_all_is_refused() {
        assertThatThrownBy(() -> ProvisionRates.over(Map.of(Tier.LOSS, new BigDecimal("1.01"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProvisionRates.over(Map.of(Tier.NORMAL, new BigDecimal("-0.01"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "loans {0}, NPL {1}, provisions {2}, floors {3}/{4} → coverage {5} ({6}), loan ratio {7} ({8})")
    @CsvSource({
            "100000000, 2000000, 3000000, 1.50, 0.025, 1.5000, true,  0.0300, true",
            "100000000, 2000000, 2500000, 1.50, 0.025, 1.2500, false, 0.0250, true",
            "100000000, 2000000, 2500000, 1.20, 0.015, 1.2500, true,  0.0250, true",
            "100000000, 1000000, 1400000, 1.20, 0.015, 1.4000, true,  0.0140, false",
            "100000000, 0,       1000000, 1.50, 0.025,       , true,  0.0100, false",
            "0,         0,       0,       1.50, 0.025,       , true,  0.0000, true"})
    void coverage_and_loan_provision_ratios_against_their_floors(String loans, String npl, String provisions,
                                                                 String coverageFloor, String ratioFloor, String coverage,
                                                                 boolean coverageMet, String ratio, boolean ratioMet) {
        var r = ProvisionRatios.of(new BigDecimal(loans), new BigDecimal(npl), new BigDecimal(provisions),
                new ProvisionRatios.Floors(new BigDecimal(coverageFloor), new BigDecimal(ratioFloor)));
        if (coverage == null) {
            assertThat(r.coverage()).as("no NPL, no coverage ratio").isNull();
        } else {
            assertThat(r.coverage()).isEqualByComparingTo(coverage);
        }
        assertThat(r.coverageMet()).isEqualTo(coverageMet);
        assertThat(r.loanRatio()).isEqualByComparingTo(ratio);
        assertThat(r.loanRatioMet()).isEqualTo(ratioMet);
    }

    @ParameterizedTest(name = "floors {0} / {1} are outside the ranges")
    @CsvSource({"1.19, 0.02", "1.51, 0.02", "1.3, 0.0149", "1.3, 0.0251"})
    void floors_stay_within_the_regulatory_ranges(String coverage, String ratio) {
        assertThatThrownBy(() -> new ProvisionRatios.Floors(new BigDecimal(coverage), new BigDecimal(ratio)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
