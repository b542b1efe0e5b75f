package cn.chanrong.enterprise.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizeAndStageTests {

    @ParameterizedTest(name = "{0}: {1} staff, {2} yuan -> {3}")
    @CsvSource({
            // industry (工业): large needs >= 1000 staff and >= 400 M
            "C3421, 1000, 400000000, LARGE",
            "C3421, 999, 900000000, MEDIUM",
            "C3421, 5000, 399999999.99, MEDIUM",
            "C3421, 300, 20000000, MEDIUM",
            "C3421, 299, 20000000, SMALL",
            "C3421, 300, 19999999, SMALL",
            "C3421, 20, 3000000, SMALL",
            "C3421, 19, 3000000, MICRO",
            "C3421, 500, 2999999, MICRO",
            "B0610, 1200, 500000000, LARGE",
            "D4411, 10, 1000000000, MICRO",
            // software and IT services (I65) have their own thresholds
            "I6513, 300, 100000000, LARGE",
            "I6513, 299, 500000000, MEDIUM",
            "I6513, 100, 10000000, MEDIUM",
            "I6513, 10, 500000, SMALL",
            "I6513, 9, 500000, MICRO",
            "I6513, 10, 499999, MICRO",
            // the same company counted as industry would be small, as software it is large
            "C3911, 350, 150000000, MEDIUM",
            "I6520, 350, 150000000, LARGE",
            // retail and other sectors
            "F5211, 300, 200000000, LARGE",
            "F5211, 50, 5000000, MEDIUM",
            "M7320, 100, 0, MEDIUM",
            "M7320, 9, 0, MICRO"})
    void size_class_follows_the_thresholds_of_the_enterprise_own_industry(String industry, int staff, String revenue,
                                                                            SizeClass expected) {
        assertThat(SizeStandard.forIndustry(industry).classify(staff, new BigDecimal(revenue))).isEqualTo(expected);
    }

    @Test
    void software_is_not_classified_as_industry() {
        assertThat(SizeStandard.forIndustry("I6513").sector()).isEqualTo("SOFTWARE_IT_SERVICES");
        assertThat(SizeStandard.forIndustry("I6410").sector()).isEqualTo("TELECOM_INTERNET");
        assertThat(SizeStandard.forIndustry("C3973").sector()).isEqualTo("INDUSTRY");
        assertThat(SizeStandard.forIndustry("K7020").sector()).isEqualTo("PROPERTY_MANAGEMENT");
    }

    @ParameterizedTest(name = "founded {0}, {1} -> {2}")
    @CsvSource({
            "2024-07-01, SMALL, STARTUP",
            "2023-07-01, LARGE, STARTUP",
            "2023-06-30, SMALL, GROWTH",
            "2016-07-01, MEDIUM, GROWTH",
            "2016-06-30, MEDIUM, MATURE",
            "2020-01-01, LARGE, MATURE"})
    void growth_stage_follows_age_and_size(LocalDate founded, SizeClass size, GrowthStage expected) {
        assertThat(GrowthStage.of(founded, size, LocalDate.of(2026, 6, 30))).isEqualTo(expected);
    }
}
