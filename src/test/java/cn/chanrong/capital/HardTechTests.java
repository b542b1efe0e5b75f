package cn.chanrong.capital;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.capital.domain.HardTech;
import cn.chanrong.capital.domain.HardTech.Criterion;
import cn.chanrong.capital.domain.HardTech.Metric;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hard-tech evaluation against the STAR Market's criteria as the 2024 revision states them (the same rows as the
 * migration): one row per enterprise — three years of revenue and R&D (万元), last year's R&D staff and headcount, the
 * invention patents, the industry — with the outcome and the criteria missed.
 */
class HardTechTests {

    private static final List<HardTech.Rule> STAR = List.of(
            new HardTech.Rule(Criterion.RD_INVESTMENT, Metric.RD_SHARE_3Y, new BigDecimal("5"), null, "I65", "s1"),
            new HardTech.Rule(Criterion.RD_INVESTMENT, Metric.RD_SHARE_3Y, new BigDecimal("10"), "I65", null, "s2"),
            new HardTech.Rule(Criterion.RD_INVESTMENT, Metric.RD_AMOUNT_3Y, new BigDecimal("80000000"), null, "I65", "s3"),
            new HardTech.Rule(Criterion.RD_STAFF, Metric.RD_STAFF_SHARE, new BigDecimal("10"), null, null, "s4"),
            new HardTech.Rule(Criterion.INVENTION_PATENTS, Metric.INVENTION_PATENTS, new BigDecimal("7"), null, "I65", "s5"),
            new HardTech.Rule(Criterion.REVENUE, Metric.REVENUE_CAGR_3Y, new BigDecimal("25"), null, null, "s6"),
            new HardTech.Rule(Criterion.REVENUE, Metric.REVENUE_LAST_YEAR, new BigDecimal("300000000"), null, null, "s7"));

    private static final BigDecimal WAN = new BigDecimal(10_000);

    private static HardTech.Figures figures(String revenues, String rds, int rdStaff, int employees, int patents,
                                            String industry) {
        String[] r = revenues.split(" ");
        String[] d = rds.split(" ");
        return new HardTech.Figures(List.of(
                new HardTech.Year(2023, new BigDecimal(r[0]).multiply(WAN), new BigDecimal(d[0]).multiply(WAN)),
                new HardTech.Year(2024, new BigDecimal(r[1]).multiply(WAN), new BigDecimal(d[1]).multiply(WAN)),
                new HardTech.Year(2025, new BigDecimal(r[2]).multiply(WAN), new BigDecimal(d[2]).multiply(WAN))),
                rdStaff, employees, patents, industry);
    }

    @ParameterizedTest(name = "{0}: {8}")
    @CsvSource(delimiter = '|', value = {
            // name                       | revenue 万 (3 years)  | R&D 万           | staff | heads | pat | industry | claim | outcome | missed
            "all four met by the share      | 10000 12000 16000     | 600 700 900      | 30    | 200   | 8   | C3421 | false | MET               | ''",
            "R&D by the amount, not share   | 90000 100000 120000   | 2500 2800 3000   | 80    | 600   | 9   | C3421 | false | MET               | ''",
            "R&D 5 % exactly is met         | 10000 10000 20000     | 500 500 1000     | 20    | 200   | 7   | C3562 | false | MET               | ''",
            "R&D just below 5 %             | 10000 10000 20000     | 500 500 999      | 20    | 200   | 7   | C3562 | false | MISSED            | RD_INVESTMENT",
            "staff 10 % is met, 9.99 not    | 10000 12000 16000     | 600 700 900      | 999   | 10000 | 8   | C3421 | false | MISSED            | RD_STAFF",
            "six patents are too few        | 10000 12000 16000     | 600 700 900      | 30    | 200   | 6   | C3421 | false | MISSED            | INVENTION_PATENTS",
            "growth 25 % exactly            | 6400 8000 10000       | 400 500 600      | 30    | 200   | 8   | C3421 | false | MET               | ''",
            "slow growth, big revenue       | 30000 30500 31000     | 1500 1600 1700   | 30    | 200   | 8   | C3421 | false | MET               | ''",
            "slow growth, small revenue     | 20000 21000 22000     | 1200 1300 1400   | 30    | 200   | 8   | C3421 | false | MISSED            | REVENUE",
            "no revenue in the first year   | 0 5000 9000           | 300 400 500      | 30    | 200   | 8   | C3421 | false | MISSED            | REVENUE",
            "software: 10 % R&D, no patents | 10000 12000 16000     | 1100 1300 1700   | 30    | 200   | 0   | I6513 | false | MET               | ''",
            "software at 6 % misses         | 10000 12000 16000     | 600 700 900      | 30    | 200   | 20  | I6513 | false | MISSED            | RD_INVESTMENT",
            "software: the amount no way out| 150000 160000 170000  | 3000 3000 3000   | 30    | 200   | 0   | I6513 | false | MISSED            | RD_INVESTMENT",
            "missed, an exception claimed   | 20000 21000 22000     | 1200 1300 1400   | 30    | 200   | 8   | C3421 | true  | EXCEPTION_CLAIMED | REVENUE",
            "met, the claim changes nothing | 10000 12000 16000     | 600 700 900      | 30    | 200   | 8   | C3421 | true  | MET               | ''",
            "no headcount: staff missed     | 10000 12000 16000     | 600 700 900      | 0     | 0     | 8   | C3421 | false | MISSED            | RD_STAFF"})
    void an_enterprise_against_the_star_markets_criteria(String name, String revenues, String rds, int staff, int heads,
                                                         int patents, String industry, boolean claim, HardTech.Outcome outcome,
                                                         String missed) {
        var result = HardTech.evaluate(STAR, figures(revenues, rds, staff, heads, patents, industry), claim);
        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.criteria().entrySet().stream().filter(e -> !e.getValue()).map(e -> e.getKey().name()).toList())
                .containsExactlyElementsOf(missed.isEmpty() ? List.of() : List.of(missed.split(" ")));
    }

    @Test
    void each_line_carries_its_value_threshold_and_source_and_a_software_firm_is_not_held_to_patents() {
        var result = HardTech.evaluate(STAR, figures("6400 8000 10000", "400 500 600", 30, 200, 8, "I6513"), false);
        assertThat(result.lines()).extracting(HardTech.Line::metric).containsExactly(Metric.RD_SHARE_3Y,
                Metric.RD_STAFF_SHARE, Metric.REVENUE_CAGR_3Y, Metric.REVENUE_LAST_YEAR);
        assertThat(result.criteria()).doesNotContainKey(Criterion.INVENTION_PATENTS);
        var share = result.lines().getFirst();
        assertThat(share.source()).isEqualTo("s2");
        // 1500 / 24400 = 6.1475…%: cut, not rounded
        assertThat(share.value()).isEqualByComparingTo("6.1475");
        assertThat(share.met()).isFalse();
        assertThat(result.lines().get(2).value()).as("(10000 / 6400)^(1/2) − 1").isEqualByComparingTo("25.0000");
        assertThat(result.lines().get(1).value()).isEqualByComparingTo("15.0000");
    }
}
