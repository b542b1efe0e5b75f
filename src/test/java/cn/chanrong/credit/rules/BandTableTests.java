package cn.chanrong.credit.rules;

import static cn.chanrong.credit.rules.Samples.bd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BandTableTests {

    static final BandTable DEFAULTS = BandTable.defaults();

    @Test
    void the_default_table_covers_every_indicator_the_facts_leave_open() {
        assertThat(DEFAULTS.indicators()).containsExactlyInAnyOrderElementsOf(
                SpecialisedSmeEvaluation.TABLE_MAX.keySet());
    }

    @ParameterizedTest(name = "{0} at {1} scores {2}")
    @CsvSource({
            // anchors stated by the facts
            "main_revenue_cagr, 10, 10", "main_revenue_cagr, 0, 2", "main_revenue_cagr, 3.99, 2",
            "net_margin, 10, 10", "net_margin, 2, 2", "net_margin, 3.99, 2",
            "rd_amount, 5, 10", "rd_amount, 1, 2", "rd_amount, 1.99, 2",
            "rd_ratio, 10, 10", "rd_ratio, 3, 2", "rd_ratio, 3.99, 2",
            // documented defaults
            "rd_staff_share, 20, 5", "rd_staff_share, 19.99, 3", "digitalisation, 3, 5", "quality_management, 1, 3",
            "ip, 4, 10", "ip, 1, 2", "rd_institution, 3, 10", "rd_institution, 0, 0"})
    void the_default_bands_keep_the_facts_anchors(String indicator, String value, int expected) {
        assertThat(DEFAULTS.find(indicator, bd(value)).orElseThrow().points()).isEqualTo(expected);
    }

    @Test
    void an_empty_bound_is_unbounded_and_lower_bounds_are_inclusive() {
        BandTable t = BandTable.parse(List.of(BandTable.HEADER, "x,,10,1", "x,10,,2"));
        assertThat(t.find("x", bd("-1000")).orElseThrow().points()).isEqualTo(1);
        assertThat(t.find("x", bd("10")).orElseThrow().points()).isEqualTo(2);
        assertThat(t.maxPoints("x")).isEqualTo(2);
    }

    @Test
    void overlapping_bands_are_rejected() {
        assertThatThrownBy(() -> BandTable.parse(List.of(BandTable.HEADER, "x,0,10,1", "x,5,,2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlapping");
    }

    @Test
    void a_wrong_header_or_cell_count_is_rejected() {
        assertThatThrownBy(() -> BandTable.parse(List.of("indicator,lower,points", "x,0,1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header");
        assertThatThrownBy(() -> BandTable.parse(List.of(BandTable.HEADER, "x,0,1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cells");
    }

    @Test
    void an_unknown_indicator_fails_instead_of_scoring_zero() {
        assertThatThrownBy(() -> DEFAULTS.bands("typo")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_table_exceeding_an_indicator_s_maximum_is_refused_by_the_evaluation() {
        List<String> lines = new ArrayList<>(List.of(BandTable.HEADER));
        SpecialisedSmeEvaluation.TABLE_MAX.forEach((k, max) -> lines.add(k + ",,," + max));
        lines.set(lines.indexOf("net_margin,,,10"), "net_margin,,,11");
        BandTable generous = BandTable.parse(lines);
        assertThatThrownBy(() -> SpecialisedSmeEvaluation.evaluate(Samples.strong(), generous))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("net_margin");
    }

    @Test
    void bands_read_as_the_rules_write_them() {
        assertThat(Band.of(bd("5"), null, 20).label("%")).isEqualTo("≥5%");
        assertThat(Band.of(bd("3"), bd("5"), 15).label("%")).isEqualTo("3–5%");
        assertThat(Band.of(null, bd("1"), 0).label("%")).isEqualTo("<1%");
        assertThat(new Band(bd("75"), false, null, false, 0).label("%")).isEqualTo(">75%");
        assertThat(new Band(bd("55"), true, bd("75"), true, 5).contains(new BigDecimal("75.00"))).isTrue();
    }
}
