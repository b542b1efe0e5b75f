package cn.chanrong.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.ledger.Ledger;
import cn.chanrong.lending.LendingSteps;
import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A provincial pool pays half a loss, at most 300,000.00 a loan and 400,000.00 a year, from 90 days past due: a loan
 * long past due gets 300,000.00 (the cap per loan), held in the bank's book until the loss is final; a written-off one
 * gets the 100,000.00 left of the year, recorded as a recovery on the loan; a later recovery of 10,000.00 returns
 * 5,000.00 to the pool. Worked by hand.
 */
@IntegrationTest
class PolicyPoolsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    private BigDecimal balance(String account) {
        long bank = jdbc.sql("SELECT institution_id FROM app_user WHERE username = 'bank'").query(Long.class).single();
        return ledger.trialBalance(bank, java.time.LocalDate.of(9999, 12, 31)).lines().stream()
                .filter(l -> l.account().equals(account)).map(l -> l.balance()).findFirst().orElse(BigDecimal.ZERO);
    }

    private static JsonNode pool(Api api, String code) {
        for (JsonNode p : api.get("/api/v1/policy/pools").json()) {
            if (p.get("code").asString().equals(code)) {
                return p;
            }
        }
        throw new AssertionError("no pool " + code);
    }

    @Test
    void a_pool_pays_its_share_within_its_caps_into_the_banks_book_and_gets_its_share_of_recoveries_back() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        String code = "TEST-POOL-" + ThreadLocalRandom.current().nextInt(1_000_000);
        Api mof = Api.as(port, "regulator-mof").header("Accept-Language", "en");
        var created = mof.post("/api/v1/policy/programmes", Map.of("code", code, "kind", "RISK_POOL", "name", "测试风险补偿资金池",
                "nameEn", "Test pool", "source", "测试用", "effectiveFrom", "2024-01-01", "note", "补偿一半",
                "terms", Map.of("sharePercent", "50", "capPerLoanYuan", "300000.00", "capPerYearYuan", "400000.00",
                        "triggerDaysPastDue", 90),
                "eligibility", Map.of("regions", List.of("35"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(mof.post("/api/v1/policy/pools/" + code + "/fundings", Map.of("amount", "10000000.00", "note", "省级财政注资"))
                .status()).isEqualTo(201);
        assertThat(mof.post("/api/v1/policy/pools/" + code + "/fundings", Map.of("amount", "1e7", "note", "科学计数法")).body())
                .contains("\"field\":\"amount\"");
        assertThat(steps.as("bank").post("/api/v1/policy/pools/" + code + "/fundings",
                Map.of("amount", "1.00", "note", "银行注资")).status()).isEqualTo(403);

        long pastDue = steps.disbursedLoan(steps.borrower(), null, "1000000.00", 12, "EQUAL_PRINCIPAL", "2025-02-10");
        long writtenOff = steps.disbursedLoan(steps.borrower(), null, "1000000.00", 12, "EQUAL_PRINCIPAL", "2025-02-11");
        long performing = steps.disbursedLoan(steps.borrower(), null, "1000000.00", 12, "EQUAL_PRINCIPAL", "2026-06-20");
        var eod = Api.as(port, "admin").post("/api/v1/lending/end-of-day", Map.of("businessDate", "2026-06-29"));
        assertThat(eod.status()).as(eod.body()).isEqualTo(200);
        Api approver = steps.as("bank-approver").header("Accept-Language", "en");
        assertThat(approver.post("/api/v1/loans/" + writtenOff + "/write-off", Map.of("reason", "诉讼终结")).status())
                .isEqualTo(200);

        var early = approver.post("/api/v1/policy/pool-claims", Map.of("pool", code,
                "loan", steps.loan(performing).get("number").asString()));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body()).contains("policy.pool.not-triggered", "\"field\":\"loan\"");

        BigDecimal heldBefore = balance("2243");
        var first = approver.post("/api/v1/policy/pool-claims", Map.of("pool", code,
                "loan", steps.loan(pastDue).get("number").asString()));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("trigger").asString()).isEqualTo("DAYS_PAST_DUE");
        assertThat(first.json().get("loss").decimalValue()).isEqualByComparingTo("1000000.00");
        assertThat(first.json().get("amount").decimalValue()).as("half, capped per loan").isEqualByComparingTo("300000.00");
        assertThat(first.json().get("cappedBy").asString()).isEqualTo("loan");
        assertThat(approver.post("/api/v1/policy/pool-claims", Map.of("pool", code,
                "loan", steps.loan(pastDue).get("number").asString())).status()).as("once per loan").isEqualTo(409);
        long firstId = first.json().get("id").asLong();
        assertThat(approver.post("/api/v1/policy/pool-claims/" + firstId + "/approve", Map.of()).status()).isEqualTo(403);
        assertThat(steps.as("bank2").get("/api/v1/policy/pool-claims/" + firstId).status()).isEqualTo(404);
        var approved = mof.post("/api/v1/policy/pool-claims/" + firstId + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("PAID");
        assertThat(balance("2243").subtract(heldBefore)).as("held until the loss is final").isEqualByComparingTo("300000.00");

        var second = approver.post("/api/v1/policy/pool-claims", Map.of("pool", code,
                "loan", steps.loan(writtenOff).get("number").asString()));
        assertThat(second.json().get("trigger").asString()).isEqualTo("WRITTEN_OFF");
        var paid = mof.post("/api/v1/policy/pool-claims/" + second.json().get("id").asLong() + "/approve", Map.of());
        assertThat(paid.json().get("amount").decimalValue()).as("what is left of the year").isEqualByComparingTo("100000.00");
        assertThat(paid.json().get("cappedBy").asString()).isEqualTo("year");
        assertThat(steps.loan(writtenOff).get("recovered").decimalValue()).isEqualByComparingTo("100000.00");

        BigDecimal passedBefore = balance("6531");
        assertThat(steps.as("bank").post("/api/v1/loans/" + writtenOff + "/recoveries", Map.of("amount", "10000.00")).status())
                .isEqualTo(201);
        assertThat(balance("6531").subtract(passedBefore)).isEqualByComparingTo("5000.00");
        JsonNode p = pool(mof, code);
        assertThat(p.get("funded").decimalValue()).isEqualByComparingTo("10000000.00");
        assertThat(p.get("paid").decimalValue()).isEqualByComparingTo("400000.00");
        assertThat(p.get("returned").decimalValue()).isEqualByComparingTo("5000.00");
        assertThat(p.get("balance").decimalValue()).isEqualByComparingTo("9605000.00");
        assertThat(p.get("paidThisYear").decimalValue()).isEqualByComparingTo("400000.00");
        assertThat(approver.get("/api/v1/policy/pool-claims?pool=" + code + "&status=PAID").json().get("total").asInt())
                .isEqualTo(2);
        assertThat(ledger.check().problems()).isEmpty();
    }

    @Test
    void in_the_workbench_the_finance_department_sees_the_demo_pool_and_its_claim_and_a_bank_its_own() throws Exception {
        var mof = cn.chanrong.support.Workbench.loggedIn(port, "regulator-mof");
        String page = mof.get("/policy/pools").body();
        assertThat(page).contains("福建省中小微企业贷款风险补偿资金池（演示）", "补偿40%，每笔不超过1,000,000.00元", "20,000,000.00",
                "366,666.66", "19,633,333.34", "已补偿", "class=\"inline fund-form\"").doesNotContain("id=\"pool-claim-form\"");
        mof.post("/policy/pools/FJ-RISK-POOL/fundings", Map.of("amount", "12.345", "note", "注资",
                "_csrf", cn.chanrong.support.Workbench.csrf(page)));
        assertThat(mof.get("/policy/pools").body()).contains("id=\"problems\"");
        String bank = cn.chanrong.support.Workbench.loggedIn(port, "bank-approver").get("/policy/pools").body();
        assertThat(bank).contains("id=\"pool-claim-form\"", "BC2026").doesNotContain("fund-form");
        assertThat(cn.chanrong.support.Workbench.loggedIn(port, "bank2").get("/policy/pools").body())
                .as("another bank sees the pools' public figures, not the claim").contains("20,000,000.00").doesNotContain("BC2026");
    }
}
