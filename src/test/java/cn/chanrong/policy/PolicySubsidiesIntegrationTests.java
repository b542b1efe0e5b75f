package cn.chanrong.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.ledger.Reconciliation;
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
 * An equipment-renewal loan enrolled in a 1.5-point subsidy: end of day accrues 50.00 a day on 1,200,000 and, the day
 * before the first installment, nets the 28 days' 1,400.00 off its interest, so the borrower owes that much less; the
 * bank claims the quarter once, the finance department settles it out of its prepayment first, and the bank's book
 * agrees with the subsidies to the fen.
 */
@IntegrationTest
class PolicySubsidiesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    cn.chanrong.identity.Users users;

    @Autowired
    List<Reconciliation> reconciliations;

    @Test
    void a_subsidy_accrues_at_end_of_day_is_netted_off_the_interest_due_and_claimed_once_to_the_fen() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        String code = "TEST-SUB-" + ThreadLocalRandom.current().nextInt(1_000_000);
        Api mof = Api.as(port, "regulator-mof").header("Accept-Language", "en");
        var created = mof.post("/api/v1/policy/programmes", Map.of("code", code, "kind", "CENTRAL_SUBSIDY",
                "name", "测试贴息", "nameEn", "Test subsidy", "source", "测试用", "effectiveFrom", "2024-01-01",
                "note", "设备更新贷款贴息1.5个百分点",
                "terms", Map.of("subsidyPoints", "1.5", "maxYears", 2, "validTo", "2028-12-31"),
                "eligibility", Map.of("purposes", List.of("EQUIPMENT_RENEWAL"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long borrower = steps.borrower();
        long loan = steps.disbursedLoanFor(borrower, "1200000.00", "2026-02-27", "EQUIPMENT_RENEWAL");
        long other = steps.disbursedLoanFor(borrower, "1000000.00", "2026-02-27", "WORKING_CAPITAL");
        String number = steps.loan(loan).get("number").asString();
        Api bank = steps.as("bank").header("Accept-Language", "en");
        JsonNode first = bank.get("/api/v1/loans/" + loan + "/schedule").json().get(0);
        assertThat(first.get("due").asString()).isEqualTo("2026-03-27");

        var enrolled = bank.post("/api/v1/policy/subsidies", Map.of("programme", code, "loan", number));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        long id = enrolled.json().get("id").asLong();
        assertThat(enrolled.json().get("number").asString()).matches("TX\\d{4}\\d{6,}");
        assertThat(enrolled.json().get("lastDay").asString()).as("two years from the payout").isEqualTo("2028-02-26");
        assertThat(enrolled.json().get("settlement").asString()).isEqualTo("NET");
        var again = bank.post("/api/v1/policy/subsidies", Map.of("programme", code, "loan", number));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("policy.subsidy.already");
        var wrongPurpose = bank.post("/api/v1/policy/subsidies", Map.of("programme", code,
                "loan", steps.loan(other).get("number").asString()));
        assertThat(wrongPurpose.status()).isEqualTo(422);
        assertThat(wrongPurpose.body()).contains("policy.line.purpose", "WORKING_CAPITAL", "\"field\":\"loan\"");
        assertThat(bank.post("/api/v1/policy/subsidies", Map.of("programme", "PBOC-TECH-RL", "loan", number)).body())
                .contains("policy.subsidy.not-subsidy");
        assertThat(steps.as("bank2").post("/api/v1/policy/subsidies", Map.of("programme", code, "loan", number)).body())
                .as("another bank's loan is not found").contains("policy.subsidy.loan");
        assertThat(bank.post("/api/v1/policy/subsidies", Map.of("programme", code, "loan", number, "extra", "x")).body())
                .contains("policy.field.unknown");

        // end of day the day before the first due date: 28 days (02-27 … 03-26) × 1.5 % × 1,200,000 / 360 = 28 × 50.00
        var eod = Api.as(port, "admin").post("/api/v1/lending/end-of-day", Map.of("businessDate", "2026-03-26"));
        assertThat(eod.status()).as(eod.body()).isEqualTo(200);
        JsonNode detail = bank.get("/api/v1/policy/subsidies/" + id).json();
        JsonNode s = detail.get("subsidy");
        assertThat(s.get("accrued").decimalValue()).isEqualByComparingTo("1400.00");
        assertThat(s.get("daysAccrued").asInt()).isEqualTo(28);
        assertThat(s.get("settled").decimalValue()).isEqualByComparingTo("1400.00");
        assertThat(detail.get("accruals").get(0).get("amount").decimalValue()).isEqualByComparingTo("1400.00");
        JsonNode netted = detail.get("settlements").get(0);
        assertThat(netted.get("kind").asString()).isEqualTo("NET");
        assertThat(netted.get("due").asString()).isEqualTo("2026-03-27");
        assertThat(netted.get("amount").decimalValue()).isEqualByComparingTo("1400.00");
        // the borrower owes the first installment's interest less the subsidy
        BigDecimal interest = first.get("interestDue").decimalValue();
        JsonNode dues = bank.get("/api/v1/loans/" + loan + "/dues?valueDate=2026-03-27").json();
        assertThat(dues.get("currentInterest").decimalValue()).isEqualByComparingTo(interest.subtract(new BigDecimal("1400.00")));
        JsonNode moves = bank.get("/api/v1/loans/" + loan + "/transactions").json();
        assertThat(moves.toString()).contains("\"type\":\"SUBSIDY\"");

        // who sees it
        assertThat(steps.as("bank2").get("/api/v1/policy/subsidies/" + id).status()).isEqualTo(404);
        assertThat(steps.as("regulator-miit").get("/api/v1/policy/subsidies/" + id).status()).isEqualTo(404);
        assertThat(mof.get("/api/v1/policy/subsidies/" + id).status()).isEqualTo(200);
        assertThat(bank.get("/api/v1/policy/subsidies?loanId=" + number).json().get("total").asInt()).isEqualTo(1);

        // the quarter: the treasury prepaid 1,000.00; the bank claims once, the rest is paid on settlement
        String credit = jdbc.sql("SELECT i.credit_code FROM institution i JOIN app_user u ON u.institution_id = i.id "
                + "WHERE u.username = 'bank'").query(String.class).single();
        var prepaid = mof.post("/api/v1/policy/subsidy-prepayments", Map.of("programme", code, "institution", credit,
                "quarter", "2026Q1", "amount", "1000.00"));
        assertThat(prepaid.status()).as(prepaid.body()).isEqualTo(201);
        assertThat(mof.post("/api/v1/policy/subsidy-prepayments", Map.of("programme", code, "institution", credit,
                "quarter", "2026Q1", "amount", "1000.00")).status()).isEqualTo(409);
        var badMoney = mof.post("/api/v1/policy/subsidy-prepayments", Map.of("programme", code, "institution", credit,
                "quarter", "2026Q2", "amount", "1e3"));
        assertThat(badMoney.status()).isEqualTo(422);
        assertThat(badMoney.body()).contains("\"field\":\"amount\"");
        assertThat(bank.post("/api/v1/policy/subsidy-prepayments", Map.of("programme", code, "institution", credit,
                "quarter", "2026Q3", "amount", "1.00")).status()).isEqualTo(403);

        Api approver = steps.as("bank-approver").header("Accept-Language", "en");
        assertThat(bank.post("/api/v1/policy/subsidy-claims", Map.of("programme", code, "quarter", "2026Q1")).status())
                .as("an operator does not claim").isEqualTo(403);
        var open = approver.post("/api/v1/policy/subsidy-claims", Map.of("programme", code, "quarter", "2026Q2"));
        assertThat(open.status()).isEqualTo(422);
        assertThat(open.body()).contains("policy.subsidy.quarter-open");
        assertThat(approver.post("/api/v1/policy/subsidy-claims", Map.of("programme", code, "quarter", "2026Q5")).body())
                .contains("policy.subsidy.quarter", "\"field\":\"quarter\"");
        var claim = approver.post("/api/v1/policy/subsidy-claims", Map.of("programme", code, "quarter", "2026Q1"));
        assertThat(claim.status()).as(claim.body()).isEqualTo(201);
        assertThat(claim.json().get("amount").decimalValue()).isEqualByComparingTo("1400.00");
        assertThat(claim.json().get("loans").asInt()).isEqualTo(1);
        var twice = approver.post("/api/v1/policy/subsidy-claims", Map.of("programme", code, "quarter", "2026Q1"));
        assertThat(twice.status()).as("the same subsidies are claimed once").isEqualTo(409);
        assertThat(twice.body()).contains("policy.subsidy.claimed");
        long claimId = claim.json().get("id").asLong();
        assertThat(approver.post("/api/v1/policy/subsidy-claims/" + claimId + "/settle", Map.of()).status()).isEqualTo(403);
        var settled = mof.post("/api/v1/policy/subsidy-claims/" + claimId + "/settle", Map.of());
        assertThat(settled.status()).as(settled.body()).isEqualTo(200);
        assertThat(settled.json().get("status").asString()).isEqualTo("SETTLED");
        assertThat(settled.json().get("prepaymentApplied").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(settled.json().get("paid").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(mof.post("/api/v1/policy/subsidy-claims/" + claimId + "/settle", Map.of()).status()).isEqualTo(409);
        assertThat(bank.get("/api/v1/policy/subsidies/" + id).json().get("settlements").get(0).get("claim").asString())
                .isEqualTo(claim.json().get("number").asString());

        // every book agrees with the subsidies, and the loan with its postings
        for (Reconciliation r : reconciliations) {
            assertThat(r.problems()).as(r.name()).noneMatch(p -> p.contains(" " + loan + ":") || p.contains("account 1221")
                    || p.contains("account 2241"));
        }
    }

    @Test
    void in_the_workbench_a_bank_enrols_and_claims_and_the_finance_department_refuses_with_a_reason() throws Exception {
        LendingSteps steps = new LendingSteps(port, jdbc);
        String code = "TEST-SUB-WB-" + ThreadLocalRandom.current().nextInt(1_000_000);
        assertThat(Api.as(port, "regulator-mof").post("/api/v1/policy/programmes", Map.of("code", code, "kind", "LOCAL_SUBSIDY",
                "name", "工作台贴息" + code, "nameEn", "Workbench subsidy", "source", "测试用", "effectiveFrom", "2024-01-01",
                "note", "工作台", "terms", Map.of("subsidyPoints", "1.5", "maxYears", 2),
                "eligibility", Map.of("regions", List.of("35")))).status()).isEqualTo(201);
        long loan = steps.disbursedLoanFor(steps.borrower(), "1200000.00", "2026-01-05", "EQUIPMENT_RENEWAL");
        String number = steps.loan(loan).get("number").asString();

        var bank = cn.chanrong.support.Workbench.loggedIn(port, "bank");
        String page = bank.get("/policy/subsidies").body();
        assertThat(page).contains("id=\"enrol-form\"", "工作台贴息" + code, number);
        var enrolled = bank.post("/policy/subsidies", Map.of("programme", code, "loan", number,
                "_csrf", cn.chanrong.support.Workbench.csrf(page)));
        String at = enrolled.headers().firstValue("Location").orElseThrow().replace("http://localhost:" + port, "");
        assertThat(at).matches("/policy/subsidies/\\d+");
        assertThat(bank.get(at).body()).contains("贴息中", "从借款人利息中抵扣", "2026-01-05 – 2028-01-04");
        // enrolled twice: the page says why, in words
        page = bank.get("/policy/subsidies").body();
        String again = bank.post("/policy/subsidies", Map.of("programme", code, "loan", number,
                "_csrf", cn.chanrong.support.Workbench.csrf(page))).headers().firstValue("Location").orElseThrow();
        assertThat(bank.get(again.replace("http://localhost:" + port, "")).body()).contains("已享受贴息政策" + code);

        // 31 days (01-05 … 02-04) × 50.00, netted the evening before the first due date
        assertThat(Api.as(port, "admin").post("/api/v1/lending/end-of-day", Map.of("businessDate", "2026-02-04")).status())
                .isEqualTo(200);
        assertThat(bank.get(at).body()).contains("1,550.00", "2026-02-05");

        var approver = cn.chanrong.support.Workbench.loggedIn(port, "bank-approver");
        String claims = approver.get("/policy/subsidy-claims").body();
        assertThat(claims).contains("id=\"claim-form\"", "2026Q1").doesNotContain("id=\"prepay-form\"");
        var claimed = approver.post("/policy/subsidy-claims", Map.of("programme", code, "quarter", "2026Q1",
                "_csrf", cn.chanrong.support.Workbench.csrf(claims)));
        String claimAt = claimed.headers().firstValue("Location").orElseThrow().replace("http://localhost:" + port, "");
        assertThat(claimAt).matches("/policy/subsidy-claims/\\d+");
        assertThat(approver.get(claimAt).body()).contains("待审核", "1,550.00").doesNotContain("id=\"settle-form\"");

        var mof = cn.chanrong.support.Workbench.loggedIn(port, "regulator-mof");
        String mine = mof.get("/policy/subsidy-claims").body();
        assertThat(mine).contains("id=\"prepay-form\"", "闽江城市商业银行股份有限公司");
        // money text is strict: the form says so and keeps what was typed
        mof.post("/policy/subsidy-prepayments", Map.of("programme", code, "institution", "X", "quarter", "2026Q3",
                "amount", "1e3", "_csrf", cn.chanrong.support.Workbench.csrf(mine)));
        assertThat(mof.get("/policy/subsidy-claims").body()).contains("id=\"problems\"", "value=\"1e3\"");
        String theirs = mof.get(claimAt).body();
        assertThat(theirs).contains("id=\"settle-form\"", "id=\"reject-form\"");
        mof.post(claimAt + "/reject", Map.of("reason", "借款人不在本地试点范围", "_csrf", cn.chanrong.support.Workbench.csrf(theirs)));
        assertThat(mof.get(claimAt).body()).contains("已退回", "借款人不在本地试点范围");
        // a refused claim frees its subsidies: the quarter may be claimed again
        var anew = Api.as(port, "bank-approver").post("/api/v1/policy/subsidy-claims", Map.of("programme", code, "quarter", "2026Q1"));
        assertThat(anew.status()).as(anew.body()).isEqualTo(201);
        assertThat(anew.json().get("amount").decimalValue()).isEqualByComparingTo("1550.00");
    }

    @Test
    void a_provincial_treasury_prepays_only_the_banks_that_lend_in_its_province() {
        String gd = "mof-gd-" + ThreadLocalRandom.current().nextInt(1_000_000);
        users.create(new cn.chanrong.identity.UserDraft(gd, "demo", "广东省财政厅", cn.chanrong.identity.Role.REGULATOR, null,
                null, java.util.Set.of(), "MOF", "440000"), cn.chanrong.identity.Caller.system("test"));
        // the rural commercial bank lends in Fujian only (the city commercial bank has a Shenzhen branch)
        String fujianBank = jdbc.sql("SELECT i.credit_code FROM institution i JOIN app_user u ON u.institution_id = i.id "
                + "WHERE u.username = 'bank2'").query(String.class).single();
        var refused = Api.as(port, gd).header("Accept-Language", "en").post("/api/v1/policy/subsidy-prepayments",
                Map.of("programme", "MOF-EQUIP-SUBSIDY", "institution", fujianBank, "quarter", "2026Q4", "amount", "1.00"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("policy.subsidy.institution", "\"field\":\"institution\"");
        assertThat(jdbc.sql("SELECT count(*) FROM policy_subsidy_prepayment WHERE recorded_by = :u").param("u", gd)
                .query(Long.class).single()).isZero();
    }
}
