package cn.chanrong.lending;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.ledger.Ledger;
import cn.chanrong.reference.DemoClock;
import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Risk as the regulations place it (issue 17 §1, §6): classification and contagion follow the risk
 * obligor of a financing (FACTS §10), the 关注 signals besides days past due, a restructured NPL's
 * observation period (商业银行金融资产风险分类办法 2023), and dues that quote what a payment settles. End of
 * day runs on 2025-11-15, a date the other lending tests already close.
 */
@IntegrationTest
class LoanRiskIntegrationTests {

    static final String EOD = "2025-11-15";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TradeFinance tradeFinance;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    DemoClock clock;

    @Autowired
    Ledger ledger;

    LendingSteps steps;

    @BeforeEach
    void steps() {
        steps = new LendingSteps(port, jdbc);
    }

    long bank() {
        return jdbc.sql("SELECT institution_id FROM app_user WHERE username = 'bank'").query(Long.class).single();
    }

    /** A discounted voucher of {@code obligor}'s held by {@code holder}, value 3 June 2025, due 1 August 2025, never paid. */
    Loan discount(long holder, long obligor) {
        var f = new TradeFinance.Financing(bank(), holder, obligor, null, new BigDecimal("1000000.00"),
                TradeFinance.Interest.IN_ADVANCE, new BigDecimal("3.00"), LocalDate.parse("2025-06-03"),
                LocalDate.parse("2025-08-01"), "贴现 / discounted voucher", "test:" + UUID.randomUUID(), "the holder", "test",
                cn.chanrong.lending.GuaranteeMethod.DISCOUNTING, null);
        return tx.execute(s -> tradeFinance.finance(f));
    }

    String tier(long loan) {
        return steps.loan(loan).get("tier").asString();
    }

    String lastRule(long loan) {
        var history = steps.as("bank").get("/api/v1/loans/" + loan + "/classifications").json();
        return history.size() == 0 ? "" : history.get(history.size() - 1).get("rule").asString();
    }

    @Test
    void a_core_enterprise_defaulting_on_a_discounted_voucher_pulls_its_own_loans_and_leaves_the_suppliers_alone() {
        long core = steps.borrower();
        long sme = steps.borrower();
        steps.facility(core, "5000000.00");
        long coreLoan = steps.disbursedLoan(core, null, "1000000.00", 12, "EQUAL_PRINCIPAL", "2025-10-20");
        long smeLoan = steps.disbursedLoan(sme, null, "1000000.00", 12, "EQUAL_PRINCIPAL", "2025-10-20");
        Loan voucher = discount(sme, core);
        assertThat(voucher.borrowerId()).as("the SME is the financed firm").isEqualTo(sme);

        steps.endOfDay(EOD);

        assertThat(steps.loan(voucher.id()).get("daysPastDue").asInt()).as("the financing's own days past due")
                .isEqualTo(106);
        assertThat(tier(voucher.id())).isEqualTo("SUBSTANDARD");
        assertThat(lastRule(voucher.id())).isEqualTo("dpd-106");
        assertThat(tier(coreLoan)).as("over 10 % of the core enterprise's claims at the bank are NPL")
                .isEqualTo("SUBSTANDARD");
        assertThat(lastRule(coreLoan)).isEqualTo("contagion-bank-10pct");
        assertThat(tier(smeLoan)).as("the SME's own working-capital loan is untouched").isEqualTo("NORMAL");
        assertThat(steps.loan(smeLoan).get("daysPastDue").asInt()).isZero();
        assertThat(ledger.check().problems()).isEmpty();

        // statistics: the exposure and the NPL sit in the core enterprise's province, the financing still counts in
        // the SME's balance (lending direction); two provinces few tests lend in, and what they hold before the two
        // firms move there is taken off (synthetic firms of other tests may sit anywhere)
        assertThat(steps.as("admin").post("/api/v1/statistics/refresh", null).status()).isEqualTo(200);
        var before = steps.as("admin").get("/api/v1/statistics/dashboard").json().get("breakdowns").get("PROVINCE");
        jdbc.sql("UPDATE enterprise SET region_code = '650100' WHERE id = :id").param("id", core).update();
        jdbc.sql("UPDATE enterprise SET region_code = '540100' WHERE id = :id").param("id", sme).update();
        var refreshed = steps.as("admin").post("/api/v1/statistics/refresh", null);
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        var provinces = steps.as("admin").get("/api/v1/statistics/dashboard").json().get("breakdowns").get("PROVINCE");
        BigDecimal coreOutstanding = steps.loan(coreLoan).get("principalOutstanding").decimalValue();
        BigDecimal smeOutstanding = steps.loan(smeLoan).get("principalOutstanding").decimalValue();
        BigDecimal voucherOutstanding = steps.loan(voucher.id()).get("principalOutstanding").decimalValue();
        assertThat(moved(provinces, before, "650000", "exposureBalance")).isEqualByComparingTo(coreOutstanding.add(voucherOutstanding));
        assertThat(moved(provinces, before, "650000", "nplBalance")).as("the voucher and the loan it pulled are the core's NPL")
                .isEqualByComparingTo(coreOutstanding.add(voucherOutstanding));
        assertThat(moved(provinces, before, "650000", "balance")).as("the core enterprise's own lending only")
                .isEqualByComparingTo(coreOutstanding);
        assertThat(moved(provinces, before, "540000", "balance")).as("the SME figures still count the financing")
                .isEqualByComparingTo(smeOutstanding.add(voucherOutstanding));
        assertThat(moved(provinces, before, "540000", "nplBalance")).as("no NPL on the SME").isEqualByComparingTo("0");
        assertThat(moved(provinces, before, "540000", "exposureBalance")).isEqualByComparingTo(smeOutstanding);
    }

    /** What a province's figure gained between two dashboards (a province without a cell holds zero). */
    static BigDecimal moved(tools.jackson.databind.JsonNode after, tools.jackson.databind.JsonNode before, String key,
                            String figure) {
        return value(after, key, figure).subtract(value(before, key, figure));
    }

    private static BigDecimal value(tools.jackson.databind.JsonNode cells, String key, String figure) {
        for (var c : cells) {
            if (c.get("key").asString().equals(key)) {
                var v = c.get("figures").get(figure);
                return v == null || v.isNull() ? BigDecimal.ZERO : v.decimalValue();
            }
        }
        return BigDecimal.ZERO;
    }

    @Test
    void with_recourse_the_seller_is_the_obligor_and_its_own_loans_follow() {
        long buyer = steps.borrower();
        long seller = steps.borrower();
        steps.facility(seller, "5000000.00");
        long buyerLoan = steps.disbursedLoan(buyer, null, "1000000.00", 12, "EQUAL_PRINCIPAL", "2025-10-20");
        long sellerLoan = steps.disbursedLoan(seller, null, "1000000.00", 12, "EQUAL_PRINCIPAL", "2025-10-20");
        Loan recourse = discount(seller, seller);

        steps.endOfDay(EOD);

        assertThat(tier(recourse.id())).isEqualTo("SUBSTANDARD");
        assertThat(tier(sellerLoan)).isEqualTo("SUBSTANDARD");
        assertThat(lastRule(sellerLoan)).isEqualTo("contagion-bank-10pct");
        assertThat(tier(buyerLoan)).isEqualTo("NORMAL");
    }

    @Test
    void quoted_dues_include_penalty_to_the_value_date_and_paying_them_settles_the_loan_as_quoted() {
        long loanId = steps.disbursedLoan(steps.borrower(), null, "1200000.00", 6, "EQUAL_PRINCIPAL", "2025-09-20");
        // nothing paid and no end of day since: the penalty of the overdue months is not yet posted
        assertThat(steps.loan(loanId).get("penaltyAccrued").decimalValue()).isEqualByComparingTo("0");
        var dues = steps.as("bank").get("/api/v1/loans/" + loanId + "/dues").json();
        BigDecimal penalty = dues.get("penalty").decimalValue();
        assertThat(penalty).as("penalty accrued to the value date").isPositive();
        BigDecimal payoff = dues.get("payoff").decimalValue();

        var paid = steps.as("bank").post("/api/v1/loans/" + loanId + "/repayments",
                Map.of("amount", payoff.toPlainString(), "type", "PAYOFF"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.json().get("penalty").decimalValue()).isEqualByComparingTo(penalty);
        assertThat(paid.json().get("amount").decimalValue()).isEqualByComparingTo(payoff);
        var loan = steps.loan(loanId);
        assertThat(loan.get("status").asString()).isEqualTo("REPAID");
        assertThat(loan.get("principalOutstanding").decimalValue()).isEqualByComparingTo("0");
        assertThat(loan.get("receivable").decimalValue().add(loan.get("memoReceivable").decimalValue()))
                .isEqualByComparingTo("0");
        assertThat(ledger.check().problems()).isEmpty();
    }

    @Test
    void paying_exactly_the_quoted_amount_due_is_accepted() {
        long loanId = steps.disbursedLoan(steps.borrower(), null, "1200000.00", 12, "EQUAL_PRINCIPAL", "2025-09-20");
        var dues = steps.as("bank").get("/api/v1/loans/" + loanId + "/dues").json();
        BigDecimal dueNow = dues.get("dueNow").decimalValue();
        var paid = steps.as("bank").post("/api/v1/loans/" + loanId + "/repayments", Map.of("amount", dueNow.toPlainString()));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.json().get("penalty").decimalValue()).isEqualByComparingTo(dues.get("penalty").decimalValue());
        assertThat(steps.loan(loanId).get("daysPastDue").asInt()).as("all arrears paid").isZero();
    }

    @Test
    void a_recorded_change_of_purpose_makes_the_loan_special_mention() {
        long loanId = steps.disbursedLoan(steps.borrower(), null, "1000000.00", 12, "EQUAL_PRINCIPAL", "2026-06-20");
        String path = "/api/v1/loans/" + loanId + "/purpose-breaches";
        assertThat(steps.as("bank").post(path, Map.of("reason", "x")).status()).isEqualTo(422);
        assertThat(steps.as("enterprise").post(path, Map.of("reason", "资金流入股市 / proceeds went to stocks")).status())
                .isIn(403, 404);
        var r = steps.as("bank").post(path, Map.of("reason", "贷款资金转入关联方用于购房 / proceeds paid to a related party"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("tier").asString()).isEqualTo("SPECIAL_MENTION");
        assertThat(lastRule(loanId)).isEqualTo("purpose-breach");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'loan.purpose-breach' AND target_id = :n")
                .param("n", steps.loan(loanId).get("number").asString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void non_performing_debt_at_other_banks_makes_the_loan_special_mention() {
        long borrower = steps.borrower();
        long loanId = steps.disbursedLoan(borrower, null, "1200000.00", 12, "EQUAL_PRINCIPAL", "2025-10-20");
        var bureau = steps.as("admin").post("/api/v1/enterprises/" + borrower + "/credit-bureau-summaries", Map.of(
                "asOf", "2025-11-01", "loansOutstanding", 5000000, "lenders", 3, "guaranteesGiven", 0, "overdue90Share", 0.05,
                "maxDaysOverdue24m", 120, "everBorrowed", true));
        assertThat(bureau.status()).as(bureau.body()).isEqualTo(201);
        steps.endOfDay(EOD);
        assertThat(tier(loanId)).isEqualTo("SPECIAL_MENTION");
        assertThat(lastRule(loanId)).isEqualTo("npl-at-other-banks");
    }

    @Test
    void a_renewal_while_the_debtors_finances_are_abnormal_is_special_mention() {
        long borrower = steps.borrower();
        long loanId = steps.disbursedLoan(borrower, steps.facility(borrower, "2000000.00"), "1500000.00", 12, "BULLET",
                "2025-07-15");
        var dues = steps.as("bank").get("/api/v1/loans/" + loanId + "/dues").json();
        BigDecimal interest = dues.get("payoff").decimalValue().subtract(new BigDecimal("1500000.00"));
        var renewed = steps.as("bank-approver").post("/api/v1/loans/" + loanId + "/renewal",
                Map.of("termMonths", 12, "interestPayment", interest.toPlainString(), "debtorFinancesAbnormal", true));
        assertThat(renewed.status()).as(renewed.body()).isEqualTo(201);
        long newId = renewed.json().get("id").asLong();
        assertThat(renewed.json().get("tier").asString()).isEqualTo("SPECIAL_MENTION");
        assertThat(lastRule(newId)).isEqualTo("renewal-while-abnormal");
    }

    @Test
    void a_restructured_doubtful_loan_stays_doubtful_through_its_observation_period_however_well_it_pays() {
        long loanId = steps.disbursedLoan(steps.borrower(), null, "1200000.00", 12, "EQUAL_PRINCIPAL", "2024-01-20");
        // restructured on 1 December 2024, 285 days after the first missed payment: 可疑
        Api.Response r = clock.during(LocalDate.parse("2024-12-01"),
                () -> steps.as("bank-approver").post("/api/v1/loans/" + loanId + "/restructuring", LoanWorkoutIntegrationTests.restructuring(true, true)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("tier").asString()).isEqualTo("DOUBTFUL");
        // every installment of the new schedule paid on its day, January to November 2025
        var schedule = steps.as("bank").get("/api/v1/loans/" + loanId + "/schedule").json();
        for (var i : schedule) {
            String due = i.get("due").asString();
            if (due.compareTo("2024-12-01") <= 0 || due.compareTo("2025-11-15") > 0) {
                continue;
            }
            var d = steps.as("bank").get("/api/v1/loans/" + loanId + "/dues?valueDate=" + due).json();
            var paid = steps.as("bank").post("/api/v1/loans/" + loanId + "/repayments",
                    Map.of("amount", d.get("dueNow").decimalValue().toPlainString(), "valueDate", due));
            assertThat(paid.status()).as(due + " " + paid.body()).isEqualTo(201);
        }
        steps.endOfDay(EOD);
        // arrears repaid and eleven months paid: before, the loan rose to 次级; in observation it may not move up
        assertThat(steps.loan(loanId).get("daysPastDue").asInt()).isZero();
        assertThat(tier(loanId)).isEqualTo("DOUBTFUL");
        Api.Response up = clock.during(LocalDate.parse("2025-11-20"), () -> steps.as("bank-approver").post(
                "/api/v1/loans/" + loanId + "/classification", Map.of("tier", "SUBSTANDARD", "reason", "还款正常，申请上调")));
        assertThat(up.status()).as("no upgrade by hand either, within the period").isEqualTo(409);
        assertThat(up.body()).contains("restructured-npl-observation");
        assertThat(ledger.check().problems()).isEmpty();
    }

    @Test
    void an_institution_sets_its_provision_rates_and_floors_and_the_credit_plan_shows_its_ratios_beside_them() {
        String today = "2026-06-30";
        var low = steps.as("bank2-approver").put("/api/v1/credit-plans/provisioning", Map.of("validFrom", today,
                "coverageFloor", "1.10", "loanProvisionFloor", "0.02"));
        assertThat(low.status()).as("a coverage floor below 120 %").isEqualTo(422);
        assertThat(low.json().get("errors").get(0).get("field").asString()).isEqualTo("coverageFloor");
        var tier = steps.as("bank2-approver").put("/api/v1/credit-plans/provisioning", Map.of("validFrom", today,
                "rates", Map.of("WATCH", new BigDecimal("0.03"))));
        assertThat(tier.status()).isEqualTo(422);
        assertThat(steps.as("bank2").put("/api/v1/credit-plans/provisioning", Map.of("validFrom", today,
                "rates", Map.of("SPECIAL_MENTION", new BigDecimal("0.03")))).status()).as("operators do not set provisioning").isEqualTo(403);

        var set = steps.as("bank2-approver").put("/api/v1/credit-plans/provisioning", Map.of("validFrom", today,
                "rates", Map.of("SPECIAL_MENTION", new BigDecimal("0.03")), "coverageFloor", "1.30", "loanProvisionFloor", "0.02"));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        var p = set.json();
        assertThat(p.get("rates").get("SPECIAL_MENTION").decimalValue()).isEqualByComparingTo("0.03");
        assertThat(p.get("rates").get("SUBSTANDARD").decimalValue()).as("the default for the rest").isEqualByComparingTo("0.25");
        assertThat(p.get("coverageFloor").decimalValue()).isEqualByComparingTo("1.30");
        assertThat(p.get("loanProvisionFloor").decimalValue()).isEqualByComparingTo("0.02");

        var report = steps.as("bank2").get("/api/v1/credit-plans/2026").json().get(0).get("provisions");
        BigDecimal loans = report.get("loans").decimalValue();
        BigDecimal provisions = report.get("provisions").decimalValue();
        assertThat(loans).isPositive();
        assertThat(report.get("loanProvisionRatio").decimalValue())
                .isEqualByComparingTo(provisions.divide(loans, 4, java.math.RoundingMode.HALF_UP));
        assertThat(report.get("loanProvisionMet").asBoolean())
                .isEqualTo(report.get("loanProvisionRatio").decimalValue().compareTo(new BigDecimal("0.02")) >= 0);
        var bank = steps.as("bank").get("/api/v1/credit-plans/2026").json().get(0).get("provisions");
        assertThat(bank.get("rates").get("SPECIAL_MENTION").decimalValue()).as("another bank keeps the defaults")
                .isEqualByComparingTo("0.02");
        assertThat(bank.get("coverageFloor").decimalValue()).isEqualByComparingTo("1.50");
    }
}
