package cn.chanrong.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chanrong.reference.BusinessDate;
import cn.chanrong.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Supply-chain financings go through the one disbursement: the installment comes from the schedule
 * core, interest at maturity on the principal or, for a discount, in advance on the face value.
 */
@IntegrationTest
class TradeFinanceIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TradeFinance tradeFinance;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    BusinessDate businessDate;

    long bank;
    long seller;
    long obligor;
    long facility;
    LocalDate today;

    @BeforeEach
    void setUp() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        seller = steps.borrower();
        obligor = steps.borrower();
        facility = steps.facility(obligor, "5000000.00");
        bank = jdbc.sql("SELECT institution_id FROM facility WHERE id = :f").param("f", facility).query(Long.class).single();
        today = businessDate.today();
    }

    TradeFinance.Financing financing(String amount, TradeFinance.Interest interest, String rate, int days) {
        return new TradeFinance.Financing(bank, seller, obligor, null, new BigDecimal(amount), interest, new BigDecimal(rate),
                today, today.plusDays(days), "贴现 / test financing", "test:" + UUID.randomUUID(), "the seller", "test",
                GuaranteeMethod.DISCOUNTING, null);
    }

    String installment(long loan) {
        return jdbc.sql("""
                        SELECT string_agg(period || ':' || start_date || ':' || due_date || ':' || principal_due || ':'
                                          || interest_due, ' ') FROM loan_installment WHERE loan_id = :l""")
                .param("l", loan).query(String.class).single();
    }

    BigDecimal used() {
        return jdbc.sql("SELECT used FROM facility WHERE id = :f").param("f", facility).query(BigDecimal.class).single();
    }

    @Test
    void a_discount_lends_the_payout_and_repays_the_face_value() {
        var f = financing("120000.00", TradeFinance.Interest.IN_ADVANCE, "3.35", 150);
        var priced = tradeFinance.price(f);
        assertThat(priced.principal()).isEqualByComparingTo("118325.00");
        assertThat(priced.interest()).isEqualByComparingTo("1675.00");
        BigDecimal before = used();

        Loan loan = tx.execute(s -> tradeFinance.finance(f));

        assertThat(loan.status().name()).isEqualTo("ACTIVE");
        assertThat(loan.principal()).isEqualByComparingTo("118325.00");
        assertThat(loan.principalOutstanding()).isEqualByComparingTo("118325.00");
        assertThat(loan.method()).isEqualTo("BULLET");
        assertThat(loan.dayCount()).isEqualTo("ACT_360");
        assertThat(loan.maturityDate()).isEqualTo(today.plusDays(150));
        assertThat(loan.termMonths()).isEqualTo(5);
        assertThat(installment(loan.id())).isEqualTo("1:" + today + ":" + today.plusDays(150) + ":118325.00:1675.00");
        assertThat(used().subtract(before)).isEqualByComparingTo("118325.00");
        assertThat(tradeFinance.byReference(f.reference()).orElseThrow().id()).isEqualTo(loan.id());
        assertThat(jdbc.sql("SELECT risk_obligor_id FROM loan WHERE id = :l").param("l", loan.id()).query(Long.class).single())
                .isEqualTo(obligor);
        assertThat(jdbc.sql("SELECT type || ':' || amount || ':' || payee FROM loan_transaction WHERE loan_id = :l")
                .param("l", loan.id()).query(String.class).list()).containsExactly("DISBURSEMENT:118325.00:the seller");
    }

    @Test
    void an_advance_earns_its_interest_at_maturity() {
        var f = financing("900000.00", TradeFinance.Interest.AT_MATURITY, "3.00", 120);
        Loan loan = tx.execute(s -> tradeFinance.finance(f));
        assertThat(loan.principal()).isEqualByComparingTo("900000.00");
        assertThat(installment(loan.id())).isEqualTo("1:" + today + ":" + today.plusDays(120) + ":900000.00:9000.00");
    }

    @Test
    void a_booking_priced_by_the_caller_is_read_as_an_advance_or_a_discount_and_must_match_the_core() {
        var advance = new TradeFinance.Booking(bank, seller, obligor, null, new BigDecimal("900000.00"),
                new BigDecimal("9000.00"), new BigDecimal("3.00"), today, today.plusDays(120), "advance",
                "test:" + UUID.randomUUID(), "the seller", "test", GuaranteeMethod.FACTORING, null);
        Loan a = tx.execute(s -> tradeFinance.book(advance));
        assertThat(installment(a.id())).endsWith(":900000.00:9000.00");

        // 100,000.00 face discounted for 59 days at 3.20 %: interest 524.44 on the face, payout 99,475.56
        var discount = new TradeFinance.Booking(bank, seller, obligor, null, new BigDecimal("99475.56"),
                new BigDecimal("524.44"), new BigDecimal("3.20"), today, today.plusDays(59), "discount",
                "test:" + UUID.randomUUID(), "the holder", "test", GuaranteeMethod.DISCOUNTING, null);
        Loan d = tx.execute(s -> tradeFinance.book(discount));
        assertThat(installment(d.id())).endsWith(":99475.56:524.44");

        BigDecimal before = used();
        var inconsistent = new TradeFinance.Booking(bank, seller, obligor, null, new BigDecimal("900000.00"),
                new BigDecimal("1.00"), new BigDecimal("3.00"), today, today.plusDays(120), "neither",
                "test:" + UUID.randomUUID(), "the seller", "test", GuaranteeMethod.FACTORING, null);
        assertThatThrownBy(() -> tx.execute(s -> tradeFinance.book(inconsistent)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither");
        assertThat(tradeFinance.byReference(inconsistent.reference())).isEmpty();
        assertThat(used()).isEqualByComparingTo(before);
    }

    /** FACTS §10: discounting and factoring buy the claim; a pledge is secured and records its pledge; neither is a credit loan. */
    @Test
    void a_financing_carries_its_guarantee_method_and_a_pledge_is_recorded_as_the_loan_s_security() {
        Loan discount = tx.execute(s -> tradeFinance.finance(financing("120000.00", TradeFinance.Interest.IN_ADVANCE, "3.35", 150)));
        assertThat(discount.guaranteeMethod()).isEqualTo(GuaranteeMethod.DISCOUNTING);

        var pledged = new TradeFinance.Booking(bank, seller, obligor, null, new BigDecimal("900000.00"),
                new BigDecimal("9000.00"), new BigDecimal("3.00"), today, today.plusDays(120), "receivable pledge",
                "test:" + UUID.randomUUID(), "the seller", "test", GuaranteeMethod.PLEDGE,
                new TradeFinance.Pledge("应收账款 AR-T-1 债务人 某某 金额 1000000.00", null, new BigDecimal("1000000.00")))
                .filed("20260101000000000042", 2);
        Loan p = tx.execute(s -> tradeFinance.book(pledged));
        assertThat(p.guaranteeMethod()).isEqualTo(GuaranteeMethod.PLEDGE);
        assertThat(jdbc.sql("SELECT kind || ':' || value || ':' || filing_number || ':' || priority_position FROM loan_security WHERE loan_id = :l")
                .param("l", p.id()).query(String.class).list()).containsExactly("PLEDGE:1000000.00:20260101000000000042:2");

        assertThat(jdbc.sql("SELECT unsecured FROM loan_tag WHERE loan_id = :l").param("l", discount.id())
                .query(Boolean.class).single()).as("a discount is not a credit loan").isFalse();
        assertThat(jdbc.sql("SELECT unsecured FROM loan_tag WHERE loan_id = :l").param("l", p.id())
                .query(Boolean.class).single()).as("a pledge is secured").isFalse();
        assertThat(jdbc.sql("SELECT guarantee_method FROM loan_tag WHERE loan_id = :l").param("l", discount.id())
                .query(String.class).single()).isEqualTo("DISCOUNTING");

        var wrong = new TradeFinance.Booking(bank, seller, obligor, null, new BigDecimal("900000.00"),
                new BigDecimal("9000.00"), new BigDecimal("3.00"), today, today.plusDays(120), "factoring with a pledge",
                "test:" + UUID.randomUUID(), "the seller", "test", GuaranteeMethod.FACTORING,
                new TradeFinance.Pledge("应收账款", null, BigDecimal.TEN));
        assertThatThrownBy(() -> tx.execute(s -> tradeFinance.book(wrong))).isInstanceOf(IllegalArgumentException.class);
    }
}
