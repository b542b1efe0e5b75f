package cn.chanrong.lending;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.ledger.Ledger;
import cn.chanrong.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Restructuring and renewal without repaying principal, on the test business date 2026-06-30. */
@IntegrationTest
class LoanWorkoutIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    LendingSteps steps;

    @BeforeEach
    void steps() {
        steps = new LendingSteps(port, jdbc);
    }

    static Map<String, Object> restructuring(Boolean difficulty, Boolean forgive) {
        Map<String, Object> m = new HashMap<>();
        m.put("termMonths", 24);
        m.put("annualRate", "3.00");
        m.put("financialDifficulty", difficulty);
        m.put("forgiveArrears", forgive);
        m.put("reason", "受行业周期影响经营困难，展期并减免欠息");
        return m;
    }

    @Test
    void a_restructured_npl_keeps_its_tier_during_observation_and_can_then_be_written_off_and_recovered() {
        long loanId = steps.disbursedLoan(steps.borrower(), null, "2000000.00", 12, "EQUAL_PRINCIPAL", "2025-06-30");
        steps.endOfDay("2025-11-15");
        assertThat(steps.loan(loanId).get("tier").asString()).isEqualTo("SUBSTANDARD");

        var notDifficult = steps.as("bank-approver").post("/api/v1/loans/" + loanId + "/restructuring",
                restructuring(false, true));
        assertThat(notDifficult.status()).isEqualTo(422);
        assertThat(notDifficult.json().get("errors").get(0).get("code").asString())
                .isEqualTo("lending.restructure.not-in-difficulty");
        var arrears = steps.as("bank-approver").post("/api/v1/loans/" + loanId + "/restructuring",
                restructuring(true, false));
        assertThat(arrears.status()).isEqualTo(422);
        assertThat(arrears.json().get("errors").get(0).get("code").asString()).isEqualTo("lending.restructure.arrears");
        assertThat(steps.loan(loanId).get("accruedThrough").asString()).as("nothing half-done").isEqualTo("2025-11-15");

        var r = steps.as("bank-approver").post("/api/v1/loans/" + loanId + "/restructuring", restructuring(true, true));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var loan = r.json();
        // by 29 June 2026 the first unpaid installment was 334 days past due: doubtful, and no upgrade in observation
        assertThat(loan.get("tier").asString()).isEqualTo("DOUBTFUL");
        assertThat(loan.get("daysPastDue").asInt()).isZero();
        assertThat(loan.get("memoReceivable").decimalValue()).as("arrears forgiven").isEqualByComparingTo("0");
        assertThat(loan.get("annualRate").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(loan.get("maturityDate").asString()).isEqualTo("2028-06-30");
        var schedule = steps.as("bank").get("/api/v1/loans/" + loanId + "/schedule").json();
        assertThat(schedule.get(schedule.size() - 1).get("due").asString()).isEqualTo("2028-06-30");
        var history = steps.as("bank").get("/api/v1/loans/" + loanId + "/classifications").json();
        assertThat(history.toString()).contains("restructured");
        assertThat(ledger.check().problems()).isEmpty();

        var off = steps.as("bank-approver").post("/api/v1/loans/" + loanId + "/write-off",
                Map.of("reason", "重组后仍无法履约，诉讼终结"));
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        var rec = steps.as("bank").post("/api/v1/loans/" + loanId + "/recoveries", Map.of("amount", "50000.00"));
        assertThat(rec.status()).as(rec.body()).isEqualTo(201);
        assertThat(ledger.check().problems()).isEmpty();
    }

    @Test
    void a_borrower_over_20_percent_overdue_across_banks_is_non_performing_at_every_bank() {
        long borrower = steps.borrower();
        long loanId = steps.disbursedLoan(borrower, null, "1200000.00", 12, "EQUAL_PRINCIPAL", "2025-03-20");
        steps.endOfDay("2025-04-10");
        assertThat(steps.loan(loanId).get("tier").asString()).as("performing on its own").isEqualTo("NORMAL");
        var bureau = steps.as("admin").post("/api/v1/enterprises/" + borrower + "/credit-bureau-summaries", Map.of(
                "asOf", "2025-04-30", "loansOutstanding", 5000000, "lenders", 3, "guaranteesGiven", 0, "overdue90Share", 0.25,
                "maxDaysOverdue24m", 120, "everBorrowed", true));
        assertThat(bureau.status()).as(bureau.body()).isEqualTo(201);
        steps.endOfDay("2025-05-05");
        assertThat(steps.loan(loanId).get("tier").asString()).isEqualTo("SUBSTANDARD");
        var history = steps.as("bank").get("/api/v1/loans/" + loanId + "/classifications").body();
        assertThat(history).contains("contagion-market-20pct");
    }

    @Test
    void a_performing_sme_working_capital_loan_is_renewed_without_repaying_principal_and_not_downgraded() {
        long borrower = steps.borrower();
        long facility = steps.facility(borrower, "2000000.00");
        long loanId = steps.disbursedLoan(borrower, facility, "1500000.00", 12, "BULLET", "2025-07-15");
        var dues = steps.as("bank").get("/api/v1/loans/" + loanId + "/dues?valueDate=2026-06-30").json();
        BigDecimal interest = dues.get("payoff").decimalValue().subtract(new BigDecimal("1500000.00"));
        assertThat(interest).isPositive();

        var wrong = steps.as("bank-approver").post("/api/v1/loans/" + loanId + "/renewal",
                Map.of("termMonths", 12, "interestPayment", "1.00"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("errors").get(0).get("message").asString()).contains(interest.toPlainString());
        assertThat(steps.as("bank").post("/api/v1/loans/" + loanId + "/renewal",
                Map.of("termMonths", 12, "interestPayment", interest.toPlainString())).status())
                .as("operators may not renew").isEqualTo(403);

        var renewed = steps.as("bank-approver").post("/api/v1/loans/" + loanId + "/renewal",
                Map.of("termMonths", 12, "interestPayment", interest.toPlainString()));
        assertThat(renewed.status()).as(renewed.body()).isEqualTo(201);
        long newId = renewed.json().get("id").asLong();
        assertThat(renewed.json().get("principalOutstanding").decimalValue()).isEqualByComparingTo("1500000.00");
        assertThat(renewed.json().get("tier").asString()).isEqualTo("NORMAL");
        assertThat(renewed.json().get("disbursedOn").asString()).isEqualTo("2026-06-30");
        var old = steps.loan(loanId);
        assertThat(old.get("status").asString()).isEqualTo("RENEWED");
        assertThat(old.get("principalOutstanding").decimalValue()).isEqualByComparingTo("0");
        assertThat(old.get("interestPaid").decimalValue()).isEqualByComparingTo(interest);
        assertThat(steps.as("bank").get("/api/v1/loans/" + newId + "/classifications").json().size())
                .as("no classification change for a renewal").isZero();
        assertThat(steps.as("bank").get("/api/v1/facilities/" + facility).json().get("used").decimalValue())
                .isEqualByComparingTo("1500000.00");
        assertThat(jdbc.sql("SELECT renewal_of FROM loan WHERE id = :id").param("id", newId).query(Long.class).single())
                .isEqualTo(loanId);
        assertThat(ledger.check().problems()).isEmpty();
    }

    @Test
    void a_quarterly_loan_settles_interest_on_the_20th_of_each_quarter_end_month() {
        long borrower = steps.borrower();
        Map<String, Object> body = LendingSteps.application(steps.product("MJ-ZJTX-01"), borrower, null, "2000000.00", 12,
                "INTEREST_ONLY");
        body.put("paymentDay", 20);
        body.put("frequency", "QUARTERLY");
        var bad = new HashMap<>(body);
        bad.put("termMonths", 13);
        assertThat(steps.as("bank").post("/api/v1/loan-applications", bad).status()).isEqualTo(422);
        var app = steps.as("bank").post("/api/v1/loan-applications", body).json();
        long id = app.get("id").asLong();
        steps.act("bank", id, "PASS", 200);
        steps.act("bank-approver", id, "PASS", 200);
        long loanId = steps.as("bank").post("/api/v1/loan-applications/" + id + "/contract", null).json().get("id").asLong();
        assertThat(steps.as("bank").post("/api/v1/loans/" + loanId + "/disbursements", Map.of("valueDate", "2026-02-05"))
                .status()).isEqualTo(201);
        var schedule = steps.as("bank").get("/api/v1/loans/" + loanId + "/schedule").json();
        assertThat(schedule.size()).isEqualTo(4);
        assertThat(schedule.get(0).get("due").asString()).isEqualTo("2026-03-20");
        assertThat(schedule.get(1).get("due").asString()).isEqualTo("2026-06-20");
        // the broken first period: 43 days of interest at 3.5 % / 360 on 2 M
        assertThat(schedule.get(0).get("interestDue").decimalValue()).isEqualByComparingTo("8361.11");
        assertThat(schedule.get(3).get("principalDue").decimalValue()).isEqualByComparingTo("2000000.00");
    }

    @Test
    void a_floating_loan_starts_at_the_lpr_of_its_drawdown_and_reprices_on_the_anniversary() {
        // drawn on 15 November 2024: 1-year LPR 3.10 % + 50 bp; on 15 November 2025 the LPR was 3.00 %
        long loanId = steps.disbursedLoan(steps.borrower(), null, "1000000.00", 24, "EQUAL_PRINCIPAL", "2024-11-15");
        assertThat(steps.loan(loanId).get("annualRate").decimalValue()).isEqualByComparingTo("3.60");
        var before = steps.as("bank").get("/api/v1/loans/" + loanId + "/schedule").json();
        assertThat(before.get(0).get("interestDue").decimalValue()).isEqualByComparingTo("3000.00");
        assertThat(before.get(12).get("interestDue").decimalValue()).isEqualByComparingTo("1500.00");
        steps.endOfDay("2025-11-16");
        assertThat(steps.loan(loanId).get("annualRate").decimalValue()).isEqualByComparingTo("3.50");
        var after = steps.as("bank").get("/api/v1/loans/" + loanId + "/schedule").json();
        assertThat(after.get(11).get("interestDue").decimalValue()).as("periods already started keep their rate")
                .isEqualByComparingTo("1625.00");
        assertThat(after.get(12).get("start").asString()).isEqualTo("2025-11-15");
        assertThat(after.get(12).get("interestDue").decimalValue()).isEqualByComparingTo("1458.33");
        assertThat(after.size()).isEqualTo(24);
        assertThat(ledger.check().problems()).isEmpty();
    }

    /** A 1.2 M, 12-month equal-principal loan from 20 January with its first installment paid; prepays on 2 March. */
    long prepaid(String mode) {
        long loanId = steps.disbursedLoan(steps.borrower(), null, "1200000.00", 12, "EQUAL_PRINCIPAL", "2026-01-20");
        var due = steps.as("bank").post("/api/v1/loans/" + loanId + "/repayments",
                Map.of("amount", "103500.00", "valueDate", "2026-03-02", "type", "PREPAYMENT"));
        assertThat(due.status()).as("the February installment is still due").isEqualTo(422);
        assertThat(due.json().get("errors").get(0).get("code").asString()).isEqualTo("lending.prepay.due-first");
        assertThat(steps.as("bank").post("/api/v1/loans/" + loanId + "/repayments",
                Map.of("amount", "103500.00", "valueDate", "2026-02-20")).status()).isEqualTo(201);
        var dues = steps.as("bank").get("/api/v1/loans/" + loanId + "/dues?valueDate=2026-03-02").json();
        BigDecimal earned = dues.get("payoff").decimalValue().subtract(new BigDecimal("1100000.00"));
        assertThat(earned).isEqualByComparingTo("1145.83"); // 3,208.33 × 10 / 28 days
        var r = steps.as("bank").post("/api/v1/loans/" + loanId + "/repayments", Map.of("amount",
                new BigDecimal("200000.00").add(earned).toPlainString(), "valueDate", "2026-03-02", "type", "PREPAYMENT",
                "mode", mode));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("principal").decimalValue()).isEqualByComparingTo("200000.00");
        assertThat(steps.loan(loanId).get("principalOutstanding").decimalValue()).isEqualByComparingTo("900000.00");
        assertThat(ledger.check().problems()).isEmpty();
        return loanId;
    }

    @Test
    void a_partial_prepayment_that_reduces_the_installment_keeps_the_maturity() {
        long loanId = prepaid("REDUCE_INSTALLMENT");
        var schedule = steps.as("bank").get("/api/v1/loans/" + loanId + "/schedule").json();
        var next = schedule.get(2);
        assertThat(next.get("start").asString()).isEqualTo("2026-03-02");
        assertThat(next.get("due").asString()).isEqualTo("2026-03-20");
        assertThat(next.get("principalDue").decimalValue()).isEqualByComparingTo("81818.18"); // 900,000 / 11
        assertThat(next.get("interestDue").decimalValue()).isEqualByComparingTo("1575.00"); // 18 days at 3.5 % / 360
        assertThat(steps.loan(loanId).get("maturityDate").asString()).isEqualTo("2027-01-20");
    }

    @Test
    void a_partial_prepayment_that_reduces_the_term_keeps_the_principal_per_period() {
        long loanId = prepaid("REDUCE_TERM");
        var schedule = steps.as("bank").get("/api/v1/loans/" + loanId + "/schedule").json();
        assertThat(schedule.get(2).get("principalDue").decimalValue()).isEqualByComparingTo("100000.00");
        assertThat(steps.loan(loanId).get("maturityDate").asString()).isEqualTo("2026-11-20");
    }

    @Test
    void a_non_performing_loan_is_transferred_at_a_price_and_leaves_the_books() {
        long loanId = steps.disbursedLoan(steps.borrower(), null, "1000000.00", 12, "EQUAL_PRINCIPAL", "2025-06-30");
        steps.endOfDay("2025-11-15");
        assertThat(steps.as("bank-approver").post("/api/v1/loans/" + loanId + "/transfer",
                Map.of("price", "0", "buyer", "AMC", "reason", "批量转让")).status()).isEqualTo(422);
        var t = steps.as("bank-approver").post("/api/v1/loans/" + loanId + "/transfer",
                Map.of("price", "420000.00", "buyer", "福建省资产管理有限公司", "reason", "不良资产批量转让"));
        assertThat(t.status()).as(t.body()).isEqualTo(201);
        assertThat(t.json().get("principal").decimalValue()).isEqualByComparingTo("1000000.00");
        var loan = steps.loan(loanId);
        assertThat(loan.get("status").asString()).isEqualTo("TRANSFERRED");
        assertThat(loan.get("provision").decimalValue()).isEqualByComparingTo("0");
        assertThat(ledger.check().problems()).isEmpty();
    }

    @Test
    void a_custom_principal_plan_is_checked_at_application_and_followed_by_the_schedule() {
        long borrower = steps.borrower();
        Map<String, Object> body = LendingSteps.application(steps.product("MJ-ZJTX-01"), borrower, null, "1000000.00", 6,
                "CUSTOM");
        body.put("principalPlan", java.util.List.of("100000", "100000", "200000", "200000", "200000", "100000"));
        var wrong = steps.as("bank").post("/api/v1/loan-applications", body);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("errors").get(0).get("code").asString()).isEqualTo("lending.plan.total");
        body.put("principalPlan", java.util.List.of("100000", "100000", "200000", "200000", "200000", "200000"));
        long id = steps.as("bank").post("/api/v1/loan-applications", body).json().get("id").asLong();
        steps.act("bank", id, "PASS", 200);
        steps.act("bank-approver", id, "PASS", 200);
        long loanId = steps.as("bank").post("/api/v1/loan-applications/" + id + "/contract", null).json().get("id").asLong();
        assertThat(steps.as("bank").post("/api/v1/loans/" + loanId + "/disbursements", Map.of("valueDate", "2026-01-20"))
                .status()).isEqualTo(201);
        var schedule = steps.as("bank").get("/api/v1/loans/" + loanId + "/schedule").json();
        assertThat(schedule.get(0).get("principalDue").decimalValue()).isEqualByComparingTo("100000.00");
        assertThat(schedule.get(2).get("principalDue").decimalValue()).isEqualByComparingTo("200000.00");
        // a custom plan counts days (ACT/360): 31 days on 1 M, then 28 days on 900,000
        assertThat(schedule.get(0).get("interestDue").decimalValue()).isEqualByComparingTo("3013.89");
        assertThat(schedule.get(1).get("interestDue").decimalValue()).isEqualByComparingTo("2450.00");
        var prepay = steps.as("bank").post("/api/v1/loans/" + loanId + "/repayments",
                Map.of("amount", "50000", "valueDate", "2026-02-05", "type", "PREPAYMENT"));
        assertThat(prepay.status()).isEqualTo(422);
        assertThat(prepay.json().get("errors").get(0).get("code").asString()).isEqualTo("lending.prepay.custom");
        assertThat(ledger.check().problems()).isEmpty();
    }
}
