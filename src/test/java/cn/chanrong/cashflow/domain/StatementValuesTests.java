package cn.chanrong.cashflow.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementValuesTests {

    static final LocalDate DAY = LocalDate.of(2024, 3, 1);

    @Test
    void amounts_are_held_at_scale_2_half_up() {
        EntryDraft e = new EntryDraft(" R1 ", DAY, null, new BigDecimal("10.005"), "CNY", " ", null, "");
        assertThat(e.amount()).isEqualTo(new BigDecimal("10.01"));
        assertThat(e.reference()).isEqualTo("R1");
        assertThat(e.counterpartyName()).isNull();
        assertThat(e.remittance()).isNull();
    }

    @Test
    void entry_without_reference_or_with_a_bad_currency_is_refused() {
        assertThatThrownBy(() -> new EntryDraft(" ", DAY, null, BigDecimal.ONE, "CNY", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EntryDraft("R", DAY, null, BigDecimal.ONE, "rmb", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statement_period_must_not_end_before_it_starts() {
        assertThatThrownBy(() -> new StatementDraft("csv", "S", "A", "CNY", DAY, DAY.minusDays(1), null, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statement_copies_its_entries_and_keeps_missing_balances_null() {
        List<EntryDraft> entries = new java.util.ArrayList<>();
        StatementDraft s = new StatementDraft("camt.054.001.08", "N", "A", "CNY", null, null, null, null, entries);
        entries.add(new EntryDraft("R", DAY, null, BigDecimal.ONE, "CNY", null, null, null));
        assertThat(s.entries()).isEmpty();
        assertThat(s.openingBalance()).isNull();
        assertThat(s.movement()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void format_exception_names_place_and_field_in_both_languages() {
        StatementFormatException e = new StatementFormatException("entry.amount", "entry 3 (ref ABC)",
                "第3条分录（参考号 ABC）", "Amt", "amount is not a decimal number", "金额不是数字");
        assertThat(e.getMessage()).isEqualTo("entry 3 (ref ABC), field Amt: amount is not a decimal number");
        assertThat(e.messageZh()).isEqualTo("第3条分录（参考号 ABC）的字段 Amt：金额不是数字");
        assertThat(e.code()).isEqualTo("entry.amount");
    }
}
