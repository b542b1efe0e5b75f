package cn.chanrong.enterprise.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The rules see numbers only: text that is no amount is refused at the edge (ImportIntegrationTests). */
class StatementRulesTests {

    static StatementRules.Input input(String revenue, String main, String profit, String assets, String liabilities,
                                      String equity) {
        return new StatementRules.Input(2024, amount(revenue), amount(main), amount("50"), 5, amount(profit),
                amount(assets), amount(liabilities), amount(equity), 1, 2, true);
    }

    static BigDecimal amount(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    @Test
    void a_statement_is_typed_at_scale_two_and_equity_is_optional() {
        var out = StatementRules.check(input("1000", "900.5", "-10", "800", "300", null), 2026, 100);
        assertThat(out.rejections()).isEmpty();
        assertThat(out.statement().mainBusinessRevenue()).hasToString("900.50");
        assertThat(out.statement().equity()).isEqualByComparingTo("500");
    }

    @Test
    void every_figure_is_checked_at_once_and_the_balance_sheet_must_hold() {
        var out = StatementRules.check(input(null, "1.234", "-1", "-800", "300", "499"), 2026, 100);
        assertThat(out.rejections()).extracting(Rejection::code, Rejection::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("required", "revenue"),
                org.assertj.core.groups.Tuple.tuple("amount.scale", "mainBusinessRevenue"),
                org.assertj.core.groups.Tuple.tuple("range", "totalAssets"));
        var unbalanced = StatementRules.check(input("1000", "1200", "1", "800", "300", "499"), 2026, 100);
        assertThat(unbalanced.rejections()).extracting(Rejection::code)
                .containsExactly("statement.main-above-revenue", "statement.balance");
    }
}
