package cn.chanrong.lending.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a drawdown may be, as a table. */
class DrawdownRulesTests {

    @ParameterizedTest(name = "{0} of {1} under {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            // amount | contracted | method | problems
            "1200000.00 | 2000000.00 | EQUAL_PRINCIPAL | ''",
            "2000000.00 | 2000000.00 | EQUAL_INSTALLMENT | ''",
            "2000000.01 | 2000000.00 | EQUAL_PRINCIPAL | lending.drawdown.amount",
            "0 | 2000000.00 | EQUAL_PRINCIPAL | lending.drawdown.amount",
            "100.001 | 2000000.00 | EQUAL_PRINCIPAL | lending.drawdown.amount",
            "1000000.00 | 2000000.00 | CUSTOM | lending.drawdown.custom",
            "3000000.00 | 2000000.00 | CUSTOM | lending.drawdown.amount lending.drawdown.custom"})
    void a_first_disbursement_of_part_of_the_contract(String amount, String contracted, String method, String problems) {
        assertThat(DrawdownRules.firstPart(new BigDecimal(amount), new BigDecimal(contracted), method))
                .extracting(Rejection::code).containsExactlyElementsOf(codes(problems));
    }

    @ParameterizedTest(name = "{0} on {2} with {1} left: {3}")
    @CsvSource(delimiter = '|', value = {
            // amount | available | date | problems (first disbursed 2025-06-20, maturity 2026-06-20)
            "300000.00 | 800000.00 | 2025-07-20 | ''",
            "800000.00 | 800000.00 | 2026-05-20 | ''",
            "900000.00 | 800000.00 | 2025-08-20 | lending.drawdown.available",
            "-1 | 800000.00 | 2025-08-20 | lending.drawdown.available",
            "300000.00 | 800000.00 | 2025-06-19 | lending.drawdown.date",
            "300000.00 | 800000.00 | 2026-05-21 | lending.drawdown.date",
            "900000.00 | 800000.00 | 2026-06-20 | lending.drawdown.available lending.drawdown.date"})
    void a_later_drawdown(String amount, String available, String date, String problems) {
        assertThat(DrawdownRules.later(new BigDecimal(amount), new BigDecimal(available), LocalDate.parse(date),
                LocalDate.of(2025, 6, 20), LocalDate.of(2026, 6, 20)))
                .extracting(Rejection::code).containsExactlyElementsOf(codes(problems));
    }

    private static java.util.List<String> codes(String problems) {
        return problems.isBlank() ? java.util.List.of() : java.util.List.of(problems.strip().split(" "));
    }
}
