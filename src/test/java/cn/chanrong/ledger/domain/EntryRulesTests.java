package cn.chanrong.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntryRulesTests {

    static final Map<String, String> CHART = Map.of("1003", "", "1303", "LOAN", "2002", "", "6011", "");

    @Test
    void a_balanced_entry_with_subledger_keys_passes() {
        assertThat(EntryRules.check("放款", "loan:1:disbursement", List.of(
                EntryLine.debit("1303", new BigDecimal("1000000.00"), "loan:1"),
                EntryLine.credit("2002", new BigDecimal("1000000"), null)), CHART)).isEmpty();
    }

    @Test
    void one_fen_out_is_unbalanced() {
        assertThat(EntryRules.check("x", "s", List.of(
                EntryLine.debit("1003", new BigDecimal("100.01"), null),
                EntryLine.credit("6011", new BigDecimal("100.00"), null)), CHART))
                .extracting(Rejection::code).containsExactly("ledger.unbalanced");
    }

    @Test
    void every_bad_line_is_named() {
        assertThat(EntryRules.check("", "", List.of(
                EntryLine.debit("1303", new BigDecimal("5"), null),
                EntryLine.credit("9999", new BigDecimal("5"), null),
                EntryLine.credit("2002", new BigDecimal("0.001"), null)), CHART))
                .extracting(Rejection::field)
                .containsExactly("description", "source", "lines[0]", "lines[1]", "lines[2]");
        assertThat(EntryRules.check("x", "s", List.of(EntryLine.debit("1003", BigDecimal.ONE, null)), CHART))
                .extracting(Rejection::code).containsExactly("ledger.too-few-lines");
    }
}
