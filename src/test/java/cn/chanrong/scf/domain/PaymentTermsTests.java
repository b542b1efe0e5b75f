package cn.chanrong.scf.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chanrong.scf.domain.PaymentTerms.Breach;
import cn.chanrong.scf.domain.PaymentTerms.Rule;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentTermsTests {

    static final LocalDate DELIVERED = LocalDate.of(2025, 6, 2);

    @ParameterizedTest(name = "term={0} large={1} sme={2} public={3} paid={4} → {5} {6} late")
    @CsvSource({
            // debtor large, creditor SME, contract silent: 60 days → due 2025-08-01
            ",   true,  true,  false, 2025-08-01, ,          ",
            ",   true,  true,  false, 2025-08-02, LARGE_60,  1",
            // a contract term overrides the 60 days for a large debtor, shorter or longer
            "30, true,  true,  false, 2025-07-03, CONTRACT,  1",
            "90, true,  true,  false, 2025-08-31, ,          ",
            "90, true,  true,  false, 2025-09-01, CONTRACT,  1",
            // public body paying an SME: 30 days, a contract up to 60
            ",   false, true,  true,  2025-07-02, ,          ",
            ",   false, true,  true,  2025-07-12, PUBLIC_30, 10",
            "45, false, true,  true,  2025-07-18, CONTRACT,  1",
            "90, false, true,  true,  2025-08-02, PUBLIC_60, 1",
            "60, false, true,  true,  2025-08-01, ,          ",
            // public and large at once: the public-body rule is the stricter one
            ",   true,  true,  true,  2025-07-03, PUBLIC_30, 1",
            // creditor not an SME: only the contract counts
            ",   true,  false, true,  2026-06-01, ,          ",
            "10, true,  false, false, 2025-06-15, CONTRACT,  3",
            // SME paying SME, contract silent: no date to be late against
            ",   false, true,  false, 2026-06-01, ,          ",
    })
    void payment_terms_table(Integer term, boolean large, boolean sme, boolean publicBody, LocalDate paidOn,
                             Rule rule, Long daysLate) {
        Optional<Breach> breach = PaymentTerms.overdue(DELIVERED, term, large, sme, publicBody, paidOn, LocalDate.of(2030, 1, 1));
        if (rule == null) {
            assertThat(breach).isEmpty();
        } else {
            assertThat(breach).hasValueSatisfying(b -> {
                assertThat(b.rule()).isEqualTo(rule);
                assertThat(b.daysLate()).isEqualTo(daysLate);
                assertThat(b.unpaid()).isFalse();
            });
        }
    }

    @Test
    void an_unpaid_debt_is_late_as_of_the_reporting_date() {
        assertThat(PaymentTerms.overdue(DELIVERED, null, true, true, false, null, LocalDate.of(2025, 8, 11)))
                .contains(new Breach(LocalDate.of(2025, 8, 1), 10, Rule.LARGE_60, true));
        assertThat(PaymentTerms.overdue(DELIVERED, null, true, true, false, null, LocalDate.of(2025, 8, 1))).isEmpty();
    }

    @Test
    void the_term_reports_its_due_date_and_rule() {
        assertThat(PaymentTerms.term(DELIVERED, null, false, true, true))
                .contains(new PaymentTerms.Term(LocalDate.of(2025, 7, 2), Rule.PUBLIC_30));
        assertThat(PaymentTerms.term(DELIVERED, null, false, false, false)).isEmpty();
    }

    @Test
    void a_voucher_counts_as_paid_at_its_maturity_not_when_handed_over() {
        // Handed over on day 10, but maturing six months later: 60 days do not stretch to six months.
        Optional<Breach> breach = PaymentTerms.overdueByVoucher(DELIVERED, null, true, true, false, LocalDate.of(2025, 12, 2));
        assertThat(breach).contains(new Breach(LocalDate.of(2025, 8, 1), 123, Rule.LARGE_60, false));
        assertThat(PaymentTerms.overdueByVoucher(DELIVERED, null, true, true, false, LocalDate.of(2025, 7, 31))).isEmpty();
    }

    @Test
    void a_negative_contract_term_is_a_defect() {
        assertThatThrownBy(() -> PaymentTerms.term(DELIVERED, -1, true, true, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
