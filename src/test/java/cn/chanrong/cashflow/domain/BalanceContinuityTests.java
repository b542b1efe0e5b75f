package cn.chanrong.cashflow.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BalanceContinuityTests {

    static StatementDraft month(String id, int month, String opening, String closing, String... amounts) {
        LocalDate from = LocalDate.of(2024, month, 1);
        List<EntryDraft> entries = new java.util.ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            entries.add(new EntryDraft(id + "-" + i, from.plusDays(i), null, new BigDecimal(amounts[i]), "CNY",
                    null, null, null));
        }
        return new StatementDraft("camt.053.001.08", id, "ACC", "CNY", from, from.withDayOfMonth(from.lengthOfMonth()),
                opening == null ? null : new BigDecimal(opening), closing == null ? null : new BigDecimal(closing), entries);
    }

    @Test
    void continuous_run_has_no_breaks() {
        assertThat(BalanceContinuity.check(List.of(
                month("JAN", 1, "100.00", "150.00", "80", "-30"),
                month("FEB", 2, "150.00", "150.00"),
                month("MAR", 3, "150.00", "140.00", "-10.00")))).isEmpty();
    }

    @Test
    void entries_that_do_not_add_up_break_within() {
        assertThat(BalanceContinuity.check(List.of(month("JAN", 1, "100.00", "200.00", "80"))))
                .containsExactly(new ContinuityBreak("JAN", "within", new BigDecimal("180.00"), new BigDecimal("200.00")));
    }

    @Test
    void closing_that_differs_from_next_opening_breaks_between() {
        List<ContinuityBreak> breaks = BalanceContinuity.check(List.of(
                month("JAN", 1, "100.00", "180.00", "80"),
                month("FEB", 2, "500.00", "500.00")));
        assertThat(breaks).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo("between");
            assertThat(b.statementId()).isEqualTo("FEB");
            assertThat(b.difference()).isEqualByComparingTo("320.00");
        });
    }

    @Test
    void missing_month_is_a_gap_in_days() {
        assertThat(BalanceContinuity.check(List.of(month("JAN", 1, "1", "1"), month("MAR", 3, "1", "1"))))
                .singleElement().satisfies(b -> {
                    assertThat(b.kind()).isEqualTo("gap");
                    assertThat(b.actual()).isEqualByComparingTo("29");
                });
    }

    @Test
    void same_period_twice_is_an_overlap() {
        assertThat(BalanceContinuity.check(List.of(month("JAN", 1, "1", "1"), month("JAN-BIS", 1, "1", "1"))))
                .extracting(ContinuityBreak::kind).containsExactly("overlap");
    }

    @Test
    void missing_balances_are_skipped_not_guessed() {
        assertThat(BalanceContinuity.check(List.of(month("JAN", 1, null, "9", "5"), month("FEB", 2, null, null, "7"))))
                .isEmpty();
    }

    @Test
    void statements_of_two_accounts_are_refused() {
        StatementDraft other = new StatementDraft("csv", "X", "OTHER", "CNY", null, null, null, null, List.of());
        assertThatThrownBy(() -> BalanceContinuity.check(List.of(month("JAN", 1, "1", "1"), other)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
