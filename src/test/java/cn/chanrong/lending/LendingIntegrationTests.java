package cn.chanrong.lending;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.ledger.Ledger;
import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class LendingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    LendingSteps steps;

    @org.junit.jupiter.api.BeforeEach
    void steps() {
        steps = new LendingSteps(port, jdbc);
    }

    Api as(String user) {
        return steps.as(user);
    }

    long borrower() {
        return steps.borrower();
    }

    long product(String code) {
        return steps.product(code);
    }

    long facility(long borrower, String amount) {
        return steps.facility(borrower, amount);
    }

    static Map<String, Object> application(long product, long borrower, Long facility, String amount, int months,
                                           String method) {
        return LendingSteps.application(product, borrower, facility, amount, months, method);
    }

    JsonNode act(String user, long application, String decision, int expected) {
        return steps.act(user, application, decision, expected);
    }

    long disbursedLoan(long borrower, Long facility, String amount, int months, String method, String valueDate) {
        return steps.disbursedLoan(borrower, facility, amount, months, method, valueDate);
    }

    void assertLedgerSound() {
        Ledger.Check c = ledger.check();
        assertThat(c.problems()).isEmpty();
    }

    @Test
    void an_application_passes_the_chain_by_different_people_with_their_authorities() {
        long borrower = borrower();
        var app = as("bank").post("/api/v1/loan-applications",
                application(product("MJ-ZJTX-01"), borrower, null, "5000000.00", 24, "EQUAL_PRINCIPAL")).json();
        long id = app.get("id").asLong();
        assertThat(app.get("steps").toString()).contains("INVESTIGATION", "REVIEW", "APPROVAL");
        assertThat(app.get("nextStep").asString()).isEqualTo("INVESTIGATION");

        var wrong = act("bank-approver", id, "PASS", 403);
        assertThat(wrong.get("errors").get(0).get("message").asString()).contains("INVESTIGATION");
        act("bank", id, "PASS", 200);
        assertThat(as("bank").post("/api/v1/loan-applications/" + id + "/contract", null).status())
                .as("not approved yet").isEqualTo(409);
        act("bank-approver", id, "PASS", 200); // an approver may review
        var twice = act("bank-approver", id, "PASS", 409);
        assertThat(twice.get("errors").get(0).get("code").asString()).isEqualTo("lending.approval.same-person");
        assertThat(as("bank2").get("/api/v1/loan-applications/" + id).status()).as("another bank").isEqualTo(404);
        var refused = act("bank-reviewer", id, "PASS", 403);
        assertThat(refused.get("errors").get(0).get("message").asString()).contains("APPROVAL");

        var audit = jdbc.sql("SELECT count(*) FROM audit_entry WHERE target_type = 'loan-application' AND target_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single();
        assertThat(audit).as("submit and two acts audited").isEqualTo(3);
    }

    @Test
    void bad_applications_are_refused_with_every_reason_and_nothing_is_written() {
        long borrower = borrower();
        long before = jdbc.sql("SELECT count(*) FROM loan_application").query(Long.class).single();
        Map<String, Object> body = application(product("MJ-ZJTX-01"), borrower, null, "0.00", 61, "EQUAL_PRINCIPAL");
        body.put("spreadBp", 500);
        var r = as("bank").post("/api/v1/loan-applications", body);
        assertThat(r.status()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("amount", "termMonths", "spreadBp");
        assertThat(r.body()).contains("60"); // the product's maximum term, named

        long facility = facility(borrower, "1000000.00");
        var over = as("bank").post("/api/v1/loan-applications",
                application(product("MJ-ZJTX-01"), borrower, facility, "2000000.00", 12, "EQUAL_PRINCIPAL"));
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.json().get("errors").get(0).get("code").asString()).isEqualTo("lending.facility.exceeded");
        assertThat(jdbc.sql("SELECT count(*) FROM loan_application").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void a_loan_is_disbursed_once_per_key_repaid_by_the_allocation_order_and_reconciles() {
        long borrower = borrower();
        long facility = facility(borrower, "3000000.00");
        var app = as("bank").post("/api/v1/loan-applications",
                application(product("MJ-ZJTX-01"), borrower, facility, "1200000.00", 12, "EQUAL_PRINCIPAL")).json();
        long id = app.get("id").asLong();
        act("bank", id, "PASS", 200);
        act("bank-approver", id, "PASS", 200);
        var loan = as("bank").post("/api/v1/loan-applications/" + id + "/contract", null).json();
        long loanId = loan.get("id").asLong();
        assertThat(loan.get("annualRate").decimalValue()).isEqualByComparingTo("3.50"); // LPR 3.00 + 50 bp
        assertThat(as("bank").get("/api/v1/facilities/" + facility).json().get("used").decimalValue())
                .isEqualByComparingTo("1200000.00");

        String key = UUID.randomUUID().toString();
        Api keyed = as("bank").header("Idempotency-Key", key);
        var first = keyed.post("/api/v1/loans/" + loanId + "/disbursements", Map.of("valueDate", "2026-01-20"));
        var retry = keyed.post("/api/v1/loans/" + loanId + "/disbursements", Map.of("valueDate", "2026-01-20"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(as("bank").get("/api/v1/loans/" + loanId + "/transactions").json().size()).isEqualTo(1);
        assertThat(as("bank").post("/api/v1/loans/" + loanId + "/disbursements", Map.of()).status())
                .as("a second disbursement").isEqualTo(409);

        var schedule = as("bank").get("/api/v1/loans/" + loanId + "/schedule").json();
        assertThat(schedule.size()).isEqualTo(12);
        assertThat(schedule.get(0).get("due").asString()).isEqualTo("2026-02-20");
        assertThat(schedule.get(0).get("principalDue").decimalValue()).isEqualByComparingTo("100000.00");
        assertThat(schedule.get(0).get("interestDue").decimalValue()).isEqualByComparingTo("3500.00"); // 1.2M × 3.5 % / 12

        var dues = as("bank").get("/api/v1/loans/" + loanId + "/dues?valueDate=2026-02-20").json();
        assertThat(dues.get("dueNow").decimalValue()).isEqualByComparingTo("103500.00");
        var above = as("bank").post("/api/v1/loans/" + loanId + "/repayments",
                Map.of("amount", "103500.01", "valueDate", "2026-02-20"));
        assertThat(above.status()).isEqualTo(422);
        assertThat(above.json().get("errors").get(0).get("message").asString()).contains("103500.00");
        for (String bad : List.of("0", "-5")) {
            assertThat(as("bank").post("/api/v1/loans/" + loanId + "/repayments",
                    Map.of("amount", bad, "valueDate", "2026-02-20")).status()).as(bad).isEqualTo(422);
        }
        // three decimals are refused where the body is read, as a service refuses a value (422), the field named
        var scale = as("bank").post("/api/v1/loans/" + loanId + "/repayments",
                Map.of("amount", "12.345", "valueDate", "2026-02-20"));
        assertThat(scale.status()).as(scale.body()).isEqualTo(422);
        assertThat(scale.json().get("errors").get(0).get("code").asString()).isEqualTo("amount.scale");
        assertThat(as("bank").post("/api/v1/loans/" + loanId + "/repayments",
                Map.of("amount", "100", "valueDate", "2026-01-19")).status()).as("before disbursement").isEqualTo(422);

        var paid = as("bank").post("/api/v1/loans/" + loanId + "/repayments",
                Map.of("amount", "103500.00", "valueDate", "2026-02-20"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.json().get("principal").decimalValue()).isEqualByComparingTo("100000.00");
        assertThat(paid.json().get("interest").decimalValue()).isEqualByComparingTo("3500.00");
        var after = as("bank").get("/api/v1/loans/" + loanId).json();
        assertThat(after.get("principalOutstanding").decimalValue()).isEqualByComparingTo("1100000.00");
        assertThat(after.get("receivable").decimalValue()).as("interest accrued and paid").isEqualByComparingTo("0.00");
        assertThat(after.get("provision").decimalValue()).isEqualByComparingTo("11000.00"); // 1 % of normal
        assertThat(as("bank").get("/api/v1/facilities/" + facility).json().get("used").decimalValue())
                .as("a revolving line is restored by repaid principal").isEqualByComparingTo("1100000.00");
        assertThat(as("enterprise").get("/api/v1/loans/" + loanId).status()).as("another enterprise").isEqualTo(404);
        assertLedgerSound();

        // payoff on 2 March: principal plus ten days of interest of the current period
        var payoffDues = as("bank").get("/api/v1/loans/" + loanId + "/dues?valueDate=2026-03-02").json();
        String payoff = payoffDues.get("payoff").decimalValue().toPlainString();
        assertThat(new BigDecimal(payoff)).isGreaterThan(new BigDecimal("1100000.00"))
                .isLessThan(new BigDecimal("1101500.00"));
        var settled = as("bank").post("/api/v1/loans/" + loanId + "/repayments",
                Map.of("amount", payoff, "valueDate", "2026-03-02", "type", "PAYOFF"));
        assertThat(settled.status()).as(settled.body()).isEqualTo(201);
        var closed = as("bank").get("/api/v1/loans/" + loanId).json();
        assertThat(closed.get("status").asString()).isEqualTo("REPAID");
        assertThat(closed.get("provision").decimalValue()).isEqualByComparingTo("0");
        assertThat(as("bank").get("/api/v1/facilities/" + facility).json().get("used").decimalValue())
                .isEqualByComparingTo("0");
        assertLedgerSound();
    }

    @Test
    void two_repayments_racing_on_one_loan_are_both_applied_or_one_is_refused_never_lost() throws Exception {
        long borrower = borrower();
        long loanId = disbursedLoan(borrower, null, "1200000.00", 12, "EQUAL_PRINCIPAL", "2026-01-20");
        var pool = Executors.newFixedThreadPool(4);
        List<Callable<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> as("bank").post("/api/v1/loans/" + loanId + "/repayments",
                    Map.of("amount", "40000.00", "valueDate", "2026-02-20")));
        }
        List<Integer> statuses = new ArrayList<>();
        for (var f : pool.invokeAll(calls)) {
            statuses.add(f.get().status());
        }
        pool.shutdown();
        // 103,500 due: two payments of 40,000 fit, the third would exceed what is due
        assertThat(statuses).containsOnly(201, 422);
        long ok = statuses.stream().filter(s -> s == 201).count();
        assertThat(ok).isEqualTo(2);
        var loan = as("bank").get("/api/v1/loans/" + loanId).json();
        BigDecimal paid = loan.get("interestPaid").decimalValue()
                .add(new BigDecimal("1200000.00").subtract(loan.get("principalOutstanding").decimalValue()));
        assertThat(paid).isEqualByComparingTo("80000.00");
        assertThat(as("bank").get("/api/v1/loans/" + loanId + "/transactions").json().size()).isEqualTo(3);
        assertLedgerSound();
    }

    @Test
    void an_unpaid_loan_goes_overdue_at_end_of_day_becomes_substandard_is_written_off_and_recovered() {
        long borrower = borrower();
        long loanId = disbursedLoan(borrower, null, "2000000.00", 12, "EQUAL_PRINCIPAL", "2025-06-30");
        var eod = as("admin").post("/api/v1/lending/end-of-day", Map.of("businessDate", "2025-09-15"));
        assertThat(eod.status()).as(eod.body()).isEqualTo(200);
        var watch = as("bank").get("/api/v1/loans/" + loanId).json();
        assertThat(watch.get("daysPastDue").asInt()).isEqualTo(47); // first installment due 30 July
        assertThat(watch.get("tier").asString()).isEqualTo("SPECIAL_MENTION");
        assertThat(watch.get("penaltyAccrued").decimalValue()).isPositive();
        assertThat(watch.get("provision").decimalValue()).isEqualByComparingTo("40000.00"); // 2 %

        as("admin").post("/api/v1/lending/end-of-day", Map.of("businessDate", "2025-11-15"));
        var npl = as("bank").get("/api/v1/loans/" + loanId).json();
        assertThat(npl.get("daysPastDue").asInt()).isEqualTo(108);
        assertThat(npl.get("tier").asString()).isEqualTo("SUBSTANDARD");
        assertThat(npl.get("nonAccrual").asBoolean()).isTrue();
        assertThat(npl.get("receivable").decimalValue()).as("moved off balance sheet").isEqualByComparingTo("0");
        assertThat(npl.get("memoReceivable").decimalValue()).isPositive();
        assertThat(npl.get("provision").decimalValue()).isEqualByComparingTo("500000.00"); // 25 %
        var history = as("bank").get("/api/v1/loans/" + loanId + "/classifications").json();
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(1).get("rule").asString()).isEqualTo("dpd-108");
        assertThat(as("admin").post("/api/v1/lending/end-of-day", Map.of("businessDate", "2025-11-15")).json()
                .get("loansDone").asLong()).as("a second run finds nothing to do").isEqualTo(
                as("admin").get("/api/v1/lending/end-of-day/2025-11-15").json().get("loansDone").asLong());
        assertThat(jdbc.sql("SELECT count(*) FROM loan_accrual WHERE loan_id = :l AND business_date = '2025-11-15'")
                .param("l", loanId).query(Long.class).single()).isEqualTo(1);
        assertLedgerSound();

        var upgrade = as("bank-approver").post("/api/v1/loans/" + loanId + "/classification",
                Map.of("tier", "NORMAL", "reason", "客户承诺还款"));
        assertThat(upgrade.status()).isEqualTo(409);
        assertThat(upgrade.json().get("errors").get(0).get("message").asString()).contains("SUBSTANDARD");
        assertThat(as("bank").post("/api/v1/loans/" + loanId + "/write-off", Map.of("reason", "破产清算终结")).status())
                .as("operators may not write off").isEqualTo(403);

        var off = as("bank-approver").post("/api/v1/loans/" + loanId + "/write-off",
                Map.of("reason", "借款人破产清算终结，依法追偿后仍无法收回"));
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.json().get("status").asString()).isEqualTo("WRITTEN_OFF");
        BigDecimal claim = off.json().get("writtenOff").decimalValue();
        assertThat(claim).isGreaterThan(new BigDecimal("2000000.00"));
        assertLedgerSound();

        var rec = as("bank").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/loans/" + loanId + "/recoveries", Map.of("amount", "150000.00"));
        assertThat(rec.status()).as(rec.body()).isEqualTo(201);
        assertThat(as("bank").post("/api/v1/loans/" + loanId + "/recoveries",
                Map.of("amount", claim.toPlainString())).status()).as("more than is open").isEqualTo(422);
        assertThat(as("bank").get("/api/v1/loans/" + loanId).json().get("recovered").decimalValue())
                .isEqualByComparingTo("150000.00");
        assertLedgerSound();
    }

    /**
     * End of day posts a chunk's accruals as one summary entry per book; each loan's share is its
     * accrual row under the summary's key, and the ledger check reconciles loan by loan and summary by
     * summary (a row changed after the fact is caught both ways).
     */
    @Test
    void end_of_day_posts_summary_entries_the_check_reconciles_loan_by_loan() {
        long loanId = disbursedLoan(borrower(), null, "1500000.00", 12, "EQUAL_PRINCIPAL", "2025-08-20");
        assertThat(as("admin").post("/api/v1/lending/end-of-day", Map.of("businessDate", "2025-09-15")).status())
                .isEqualTo(200);
        String summary = jdbc.sql("SELECT summary FROM loan_accrual WHERE loan_id = :l AND business_date = '2025-09-15'")
                .param("l", loanId).query(String.class).single();
        assertThat(summary).startsWith("accruals:2025-09-15:");
        assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE source = :s").param("s", "eod:" + summary)
                .query(Long.class).single()).as("one summary entry").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE source = :s")
                .param("s", "loan:" + loanId + ":accrual:2025-09-15").query(Long.class).single())
                .as("no entry of its own").isZero();
        assertLedgerSound();

        String number = as("bank").get("/api/v1/loans/" + loanId).json().get("number").asString();
        jdbc.sql("UPDATE loan_accrual SET interest = interest + 0.01 WHERE loan_id = :l AND business_date = '2025-09-15'")
                .param("l", loanId).update();
        try {
            assertThat(ledger.check().problems()).anyMatch(p -> p.contains("loan " + number))
                    .anyMatch(p -> p.contains("accrual summary " + summary));
        } finally {
            jdbc.sql("UPDATE loan_accrual SET interest = interest - 0.01 WHERE loan_id = :l AND business_date = '2025-09-15'")
                    .param("l", loanId).update();
        }
        assertLedgerSound();
    }

    @Test
    void entrusted_payment_pays_named_counterparties_whose_amounts_add_up_to_the_principal() {
        long borrower = borrower();
        Map<String, Object> body = application(product("MJ-ZJTX-01"), borrower, null, "2000000.00", 12, "EQUAL_PRINCIPAL");
        body.put("paymentMode", "ENTRUSTED");
        long id = as("bank").post("/api/v1/loan-applications", body).json().get("id").asLong();
        act("bank", id, "PASS", 200);
        act("bank-approver", id, "PASS", 200);
        long loanId = as("bank").post("/api/v1/loan-applications/" + id + "/contract", null).json().get("id").asLong();
        var none = as("bank").post("/api/v1/loans/" + loanId + "/disbursements", Map.of("valueDate", "2026-06-01"));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.json().get("errors").get(0).get("code").asString()).isEqualTo("lending.disburse.payee-required");
        var short_ = as("bank").post("/api/v1/loans/" + loanId + "/disbursements", Map.of("valueDate", "2026-06-01",
                "payees", List.of(Map.of("name", "沈阳机床股份有限公司", "account", "6222000011112222", "amount", "1500000.00"))));
        assertThat(short_.status()).isEqualTo(422);
        assertThat(short_.json().get("errors").get(0).get("message").asString()).contains("1500000.00", "2000000.00");
        var paid = as("bank").post("/api/v1/loans/" + loanId + "/disbursements", Map.of("valueDate", "2026-06-01",
                "payees", List.of(Map.of("name", "沈阳机床股份有限公司", "account", "6222000011112222", "amount", "1500000.00"),
                        Map.of("name", "大连光洋科技集团有限公司", "account", "6222000033334444", "amount", "500000.00"))));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        var payees = as("bank").get("/api/v1/loans/" + loanId + "/payees").json();
        assertThat(payees.size()).isEqualTo(2);
        assertThat(payees.get(1).get("amount").decimalValue()).isEqualByComparingTo("500000.00");
        assertThat(as("bank").get("/api/v1/loans/" + loanId + "/transactions").json().get(0).get("payee").asString())
                .contains("沈阳机床", "大连光洋");
    }

    /**
     * Lending's amounts are bound as decimals where the body is read: text that is not plain decimal, or
     * money with more than two decimals, is refused naming the field and the rule before any service runs
     * (422, as for every decimal bound from JSON).
     */
    @Test
    void a_malformed_amount_is_refused_where_the_body_is_read_with_the_field_named_and_nothing_is_written() {
        long borrower = borrower();
        long applications = jdbc.sql("SELECT count(*) FROM loan_application").query(Long.class).single();
        long facilities = jdbc.sql("SELECT count(*) FROM facility").query(Long.class).single();
        for (String bad : List.of("1e6", "1E+6", "01000000.00", "1000000.", " 1000000.00 ", "1,000,000.00", "1000000.001")) {
            var app = as("bank").post("/api/v1/loan-applications",
                    application(product("MJ-ZJTX-01"), borrower, null, bad, 12, "EQUAL_PRINCIPAL"));
            assertThat(app.status()).as(bad + ": " + app.body()).isEqualTo(422);
            assertThat(app.header("Content-Type")).startsWith("application/problem+json");
            JsonNode e = app.json().get("errors").get(0);
            assertThat(e.get("field").asString()).as(bad).isEqualTo("amount");
            assertThat(e.get("code").asString()).as(bad).isIn("amount.format", "amount.scale");

            var line = as("bank-approver").post("/api/v1/facilities", Map.of("borrowerId", borrower, "amount", bad,
                    "validFrom", "2025-01-01", "validTo", "2027-12-31"));
            assertThat(line.status()).as(bad + ": " + line.body()).isEqualTo(422);
            assertThat(line.json().get("errors").get(0).get("field").asString()).as(bad).isEqualTo("amount");
        }
        var rate = application(product("MJ-ZJTX-01"), borrower, null, "1000000.00", 12, "EQUAL_PRINCIPAL");
        rate.put("rateType", "FIXED");
        rate.put("fixedRate", "3.5e0");
        var badRate = as("bank").post("/api/v1/loan-applications", rate);
        assertThat(badRate.status()).as(badRate.body()).isEqualTo(422);
        assertThat(badRate.json().get("errors").get(0).get("field").asString()).isEqualTo("fixedRate");
        assertThat(jdbc.sql("SELECT count(*) FROM loan_application").query(Long.class).single())
                .as("no application written").isEqualTo(applications);
        assertThat(jdbc.sql("SELECT count(*) FROM facility").query(Long.class).single())
                .as("no facility written").isEqualTo(facilities);
    }

    @Test
    void a_group_line_caps_what_all_members_draw_and_is_restored_by_repaid_principal() {
        long a = borrower();
        long b = borrower();
        long group = jdbc.sql("INSERT INTO enterprise_group (code, name) VALUES (:c, '测试集团') RETURNING id")
                .param("c", "G-" + System.nanoTime()).query(Long.class).single();
        jdbc.sql("UPDATE enterprise SET group_id = :g WHERE id IN (:a, :b)").param("g", group).param("a", a).param("b", b)
                .update();
        var both = as("bank-approver").post("/api/v1/facilities", Map.of("borrowerId", a, "groupId", group,
                "amount", "3000000", "validFrom", "2025-01-01", "validTo", "2027-12-31"));
        assertThat(both.status()).isEqualTo(422);
        var line = as("bank-approver").post("/api/v1/facilities", Map.of("groupId", group, "amount", "3000000.00",
                "validFrom", "2025-01-01", "validTo", "2027-12-31"));
        assertThat(line.status()).as(line.body()).isEqualTo(201);
        long lineId = line.json().get("id").asLong();
        long loanA = disbursedLoan(a, null, "2000000.00", 12, "EQUAL_PRINCIPAL", "2026-01-20");
        assertThat(as("bank").get("/api/v1/facilities/" + lineId).json().get("used").decimalValue())
                .isEqualByComparingTo("2000000.00");

        var app = as("bank").post("/api/v1/loan-applications",
                application(product("MJ-ZJTX-01"), b, null, "1500000.00", 12, "EQUAL_PRINCIPAL")).json();
        long id = app.get("id").asLong();
        act("bank", id, "PASS", 200);
        act("bank-approver", id, "PASS", 200);
        var refused = as("bank").post("/api/v1/loan-applications/" + id + "/contract", null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("code").asString()).isEqualTo("lending.facility.group-exceeded");

        assertThat(as("bank").post("/api/v1/loans/" + loanA + "/repayments",
                Map.of("amount", "172500.00", "valueDate", "2026-02-20")).status()).isEqualTo(201);
        assertThat(as("bank").get("/api/v1/facilities/" + lineId).json().get("used").decimalValue())
                .as("repaid principal comes back to the group line").isEqualByComparingTo("1833333.33");
    }
}
