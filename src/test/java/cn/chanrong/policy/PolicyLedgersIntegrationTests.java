package cn.chanrong.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.lending.LendingSteps;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A bank compiles a re-lending ledger from its book: an equipment-renewal loan paid out in the programme's period
 * qualifies for 60 % of its principal, one paid out before is left out saying why; a bank outside the programme's
 * institution types is refused; another bank does not see the ledger.
 */
@IntegrationTest
class PolicyLedgersIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessDate businessDate;

    static JsonNode line(JsonNode ledger, long loan) {
        for (JsonNode l : ledger.get("lines")) {
            if (l.get("loanId").asLong() == loan) {
                return l;
            }
        }
        return null;
    }

    @Test
    void a_bank_compiles_its_ledger_each_loan_judged_with_its_reasons_and_the_share_to_the_fen() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        long early = steps.disbursedLoanFor(steps.borrower(), "1000000.00", today.minusDays(20).toString(), "EQUIPMENT_RENEWAL");
        long late = steps.disbursedLoanFor(steps.borrower(), "1234567.89", today.minusDays(5).toString(), "EQUIPMENT_RENEWAL");
        // a programme for city commercial banks' equipment-renewal loans paid out from ten days ago
        String code = "TEST-RL-" + ThreadLocalRandom.current().nextInt(1_000_000);
        var created = Api.as(port, "regulator").post("/api/v1/policy/programmes", Map.of("code", code, "kind", "TECH_RELENDING",
                "name", "测试再贷款", "nameEn", "Test re-lending", "source", "测试用", "effectiveFrom", "2024-01-01",
                "note", "城商行设备更新贷款",
                "terms", Map.of("quotaYuan", "10000000000.00", "ratePercent", "1.25", "sharePercent", "60", "termMonths", 12,
                        "rollovers", 2),
                "eligibility", Map.of("institutionTypes", List.of("CITY_COMMERCIAL_BANK"), "purposes", List.of("EQUIPMENT_RENEWAL"),
                        "loansFrom", today.minusDays(10).toString())));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        Api bank = steps.as("bank").header("Accept-Language", "en");
        var compiled = bank.post("/api/v1/policy/ledgers", Map.of("programme", code, "from", today.minusDays(30).toString(),
                "to", today.toString()));
        assertThat(compiled.status()).as(compiled.body()).isEqualTo(201);
        JsonNode ledger = compiled.json();
        assertThat(ledger.get("number").asString()).matches("TZ\\d{4}\\d{6,}");
        JsonNode ok = line(ledger, late);
        assertThat(ok.get("qualifies").asBoolean()).isTrue();
        // 60 % of 1,234,567.89 = 740,740.734 → 740,740.73
        assertThat(ok.get("relending").decimalValue()).isEqualByComparingTo("740740.73");
        JsonNode out = line(ledger, early);
        assertThat(out.get("qualifies").asBoolean()).isFalse();
        assertThat(out.get("reasons").get(0).get("rule").asString()).isEqualTo("policy.line.period");
        assertThat(out.get("reasons").get(0).get("message").asString()).contains("outside the period");
        // the ledger adds up, line by line
        BigDecimal sum = BigDecimal.ZERO;
        int qualifying = 0;
        for (JsonNode l : ledger.get("lines")) {
            sum = sum.add(l.get("relending").decimalValue());
            qualifying += l.get("qualifies").asBoolean() ? 1 : 0;
        }
        assertThat(ledger.get("relendingAmount").decimalValue()).isEqualByComparingTo(sum);
        assertThat(ledger.get("qualifying").asInt()).isEqualTo(qualifying);
        assertThat(ledger.get("candidates").asInt()).isEqualTo(ledger.get("lines").size());

        long id = ledger.get("id").asLong();
        assertThat(bank.get("/api/v1/policy/ledgers/" + id).status()).isEqualTo(200);
        assertThat(steps.as("bank2").get("/api/v1/policy/ledgers/" + id).status()).as("another bank's ledger").isEqualTo(404);
        assertThat(steps.as("regulator").get("/api/v1/policy/ledgers/" + id).status()).isEqualTo(200);
        assertThat(steps.as("regulator-miit").get("/api/v1/policy/ledgers/" + id).status())
                .as("an industry department sees no bank's customer records").isEqualTo(404);
        assertThat(bank.get("/api/v1/policy/ledgers?programme=" + code).json().get("total").asInt()).isEqualTo(1);

        // the tech re-lending takes national banks: a city commercial bank is told so
        var refused = bank.post("/api/v1/policy/ledgers", Map.of("programme", "PBOC-TECH-RL",
                "from", today.minusDays(30).toString(), "to", today.toString()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("policy.ledger.institution-type", "CITY_COMMERCIAL_BANK");
        assertThat(bank.post("/api/v1/policy/ledgers", Map.of("programme", "MOF-EQUIP-SUBSIDY",
                "from", today.minusDays(30).toString(), "to", today.toString())).body()).contains("policy.ledger.not-relending");
        assertThat(bank.post("/api/v1/policy/ledgers", Map.of("programme", code, "from", today.toString(),
                "to", today.plusDays(1).toString())).body()).contains("policy.ledger.future");
        assertThat(steps.as("enterprise").post("/api/v1/policy/ledgers", Map.of("programme", code,
                "from", today.toString(), "to", today.toString())).status()).isEqualTo(403);
    }

    @Test
    void the_bank_confirms_the_central_bank_approves_within_the_quota_and_the_borrowing_is_booked_in_the_banks_book() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        long loan = steps.disbursedLoanFor(steps.borrower(), "2000000.00", today.minusDays(3).toString(), "EQUIPMENT_RENEWAL");
        String code = "TEST-RQ-" + ThreadLocalRandom.current().nextInt(1_000_000);
        // a quota the first ledger fits and a second does not
        assertThat(Api.as(port, "regulator").post("/api/v1/policy/programmes", Map.of("code", code, "kind", "TECH_RELENDING",
                "name", "测试额度", "nameEn", "Test quota", "source", "测试用", "effectiveFrom", "2024-01-01", "note", "额度测试",
                "terms", Map.of("quotaYuan", "1500000.00", "ratePercent", "1.25", "sharePercent", "60", "termMonths", 12,
                        "rollovers", 2),
                "eligibility", Map.of("institutionTypes", List.of("CITY_COMMERCIAL_BANK"), "purposes", List.of("EQUIPMENT_RENEWAL"),
                        "loansFrom", today.minusDays(3).toString()))).status()).isEqualTo(201);
        Api operator = steps.as("bank").header("Accept-Language", "en");
        Api approver = steps.as("bank-approver").header("Accept-Language", "en");
        Map<String, Object> period = Map.of("programme", code, "from", today.minusDays(3).toString(), "to", today.toString());
        JsonNode first = operator.post("/api/v1/policy/ledgers", period).json();
        long id = first.get("id").asLong();
        BigDecimal amount = first.get("relendingAmount").decimalValue();
        assertThat(line(first, loan).get("relending").decimalValue()).isEqualByComparingTo("1200000.00");

        assertThat(Api.as(port, "regulator").post("/api/v1/policy/ledgers/" + id + "/approve", Map.of()).body())
                .as("not before the bank confirms").contains("policy.ledger.step");
        assertThat(operator.post("/api/v1/policy/ledgers/" + id + "/confirm", Map.of()).status()).as("an operator").isEqualTo(403);
        var confirmed = approver.post("/api/v1/policy/ledgers/" + id + "/confirm", Map.of());
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("approval").get("confirmedBy").asString()).isEqualTo("bank-approver");
        assertThat(Api.as(port, "regulator-miit").post("/api/v1/policy/ledgers/" + id + "/approve", Map.of()).status())
                .isIn(403, 404);

        var approved = Api.as(port, "regulator").post("/api/v1/policy/ledgers/" + id + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonNode a = approved.json().get("approval");
        assertThat(approved.json().get("status").asString()).isEqualTo("BOOKED");
        assertThat(a.get("rate").decimalValue()).isEqualByComparingTo("1.25");
        assertThat(a.get("maturesOn").asString()).isEqualTo(today.plusMonths(12).toString());
        // in the bank's book: deposits with the central bank against borrowings from it, the ledger's amount, to the fen
        long entry = a.get("journalEntryId").asLong();
        BigDecimal credited = jdbc.sql("SELECT sum(credit) FROM posting WHERE entry_id = ? AND account = '2004'")
                .param(entry).query(BigDecimal.class).single();
        assertThat(credited).isEqualByComparingTo(amount);
        JsonNode quota = operator.get("/api/v1/policy/ledgers/quota?programme=" + code).json();
        assertThat(quota.get("used").decimalValue()).isEqualByComparingTo(amount);
        assertThat(quota.get("left").decimalValue()).isEqualByComparingTo(new BigDecimal("1500000.00").subtract(amount));

        // the next ledger: the loan already re-lent on is left out, a new one does not fit what is left of the quota
        long next = steps.disbursedLoanFor(steps.borrower(), "1000000.00", today.minusDays(1).toString(), "EQUIPMENT_RENEWAL");
        JsonNode second = operator.post("/api/v1/policy/ledgers", period).json();
        assertThat(line(second, loan).get("reasons").get(0).get("rule").asString()).isEqualTo("policy.line.already");
        assertThat(line(second, next).get("relending").decimalValue()).isEqualByComparingTo("600000.00");
        long again = second.get("id").asLong();
        approver.post("/api/v1/policy/ledgers/" + again + "/confirm", Map.of());
        var over = Api.as(port, "regulator").header("Accept-Language", "en").post("/api/v1/policy/ledgers/" + again + "/approve", Map.of());
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.body()).contains("policy.ledger.quota", code);

        // before maturity the borrowing is not rolled over; repaid, it leaves the bank's book and frees the quota
        assertThat(approver.post("/api/v1/policy/ledgers/" + id + "/roll-over", Map.of()).body()).contains("policy.ledger.not-due");
        var repaid = approver.post("/api/v1/policy/ledgers/" + id + "/repay", Map.of());
        assertThat(repaid.status()).as(repaid.body()).isEqualTo(200);
        assertThat(repaid.json().get("status").asString()).isEqualTo("REPAID");
        assertThat(repaid.json().get("approval").get("interestPaid").decimalValue()).as("repaid the day it was lent")
                .isEqualByComparingTo("0.00");
        BigDecimal debited = jdbc.sql("""
                        SELECT sum(p.debit) FROM posting p JOIN journal_entry e ON e.id = p.entry_id
                         WHERE e.source = ? AND p.account = '2004'""")
                .param("policy:ledger:" + id + ":repay:principal").query(BigDecimal.class).single();
        assertThat(debited).isEqualByComparingTo(amount);
        assertThat(operator.get("/api/v1/policy/ledgers/quota?programme=" + code).json().get("used").decimalValue())
                .isEqualByComparingTo("0");
        assertThat(approver.post("/api/v1/policy/ledgers/" + id + "/repay", Map.of()).status()).isEqualTo(409);
    }

    /** Tech-transformation loans, so that the other tests' equipment-renewal ledgers do not take this loan. */
    @Test
    void a_bank_compiles_and_confirms_in_the_workbench_and_the_central_bank_approves_there() throws Exception {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        steps.disbursedLoanFor(steps.borrower(), "1800000.00", today.minusDays(2).toString(), "TECH_TRANSFORMATION");
        String code = "TEST-WB-" + ThreadLocalRandom.current().nextInt(1_000_000);
        assertThat(Api.as(port, "regulator").post("/api/v1/policy/programmes", Map.of("code", code, "kind", "TECH_RELENDING",
                "name", "工作台测试再贷款" + code, "nameEn", "Workbench test re-lending", "source", "测试用", "effectiveFrom", "2024-01-01",
                "note", "工作台", "terms", Map.of("quotaYuan", "100000000.00", "ratePercent", "1.25", "sharePercent", "60",
                        "termMonths", 12, "rollovers", 2),
                "eligibility", Map.of("institutionTypes", List.of("CITY_COMMERCIAL_BANK"), "purposes", List.of("TECH_TRANSFORMATION"),
                        "loansFrom", today.minusDays(2).toString()))).status()).isEqualTo(201);
        var bank = cn.chanrong.support.Workbench.loggedIn(port, "bank");
        String page = bank.get("/policy/ledgers").body();
        assertThat(page).contains("id=\"compile-form\"", "工作台测试再贷款" + code);
        var compiled = bank.post("/policy/ledgers", Map.of("programme", code, "from", today.minusDays(2).toString(),
                "to", today.toString(), "_csrf", cn.chanrong.support.Workbench.csrf(page)));
        String at = compiled.headers().firstValue("Location").orElseThrow().replace("http://localhost:" + port, "");
        assertThat(at).matches("/policy/ledgers/\\d+");
        String ledger = bank.get(at).body();
        assertThat(ledger).contains("已编制", "1,080,000.00", "符合");
        var approver = cn.chanrong.support.Workbench.loggedIn(port, "bank-approver");
        String mine = approver.get(at).body();
        approver.post(at + "/confirm", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(mine)));
        var pboc = cn.chanrong.support.Workbench.loggedIn(port, "regulator");
        String theirs = pboc.get(at).body();
        assertThat(theirs).contains("id=\"approve-form\"");
        pboc.post(at + "/approve", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(theirs)));
        assertThat(pboc.get(at).body()).contains("已审批记账", "1.25");
        assertThat(approver.get(at).body()).as("the bank's approver may roll over or repay").contains("id=\"repay-form\"",
                "id=\"roll-over-form\"", "已展期0次");
    }

    @Test
    void the_demo_national_bank_has_its_tech_re_lending_ledger_booked_with_the_loan_on_the_pushed_project() {
        JsonNode page = Api.as(port, "bank3").get("/api/v1/policy/ledgers?programme=PBOC-TECH-RL").json();
        assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode ledger = Api.as(port, "bank3").get("/api/v1/policy/ledgers/" + page.get("items").get(0).get("id").asLong()).json();
        assertThat(ledger.get("status").asString()).isEqualTo("BOOKED");
        boolean pushed = false;
        for (JsonNode l : ledger.get("lines")) {
            pushed |= l.get("qualifies").asBoolean() && "TECH_TRANSFORMATION".equals(l.get("listType").asString());
        }
        assertThat(pushed).as(ledger.toString()).isTrue();
        // the second-phase loan to the same firm was on no list: left out, saying why
        boolean leftOut = false;
        for (JsonNode l : ledger.get("lines")) {
            leftOut |= !l.get("qualifies").asBoolean() && l.get("reasons").toString().contains("policy.line.list");
        }
        assertThat(leftOut).as(ledger.toString()).isTrue();
        assertThat(ledger.get("approval").get("rate").decimalValue()).as("the rate in force on the business date 2026-06-30")
                .isEqualByComparingTo("1.25");
    }

    /** Twelve days ago, a day no other test of this class lends on. */
    @Test
    void a_small_business_re_lending_ledger_above_the_banks_own_quota_is_refused() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        long loan = steps.disbursedLoanFor(steps.borrower(), "2500000.00", today.minusDays(12).toString(), "EQUIPMENT_RENEWAL");
        String code = "TEST-SB-" + ThreadLocalRandom.current().nextInt(1_000_000);
        assertThat(Api.as(port, "regulator").post("/api/v1/policy/programmes", Map.of("code", code,
                "kind", "SMALL_BUSINESS_RELENDING", "name", "测试支小", "nameEn", "Test small-business", "source", "测试用",
                "effectiveFrom", "2024-01-01", "note", "每家银行200万元",
                "terms", Map.of("ratePercent", "1.25", "termMonths", 12, "sharePercent", "100", "quotaPerBankYuan", "2000000.00"),
                "eligibility", Map.of("purposes", List.of("EQUIPMENT_RENEWAL"), "loansFrom", today.minusDays(12).toString()))).status())
                .isEqualTo(201);
        JsonNode ledger = steps.as("bank").post("/api/v1/policy/ledgers", Map.of("programme", code,
                "from", today.minusDays(12).toString(), "to", today.minusDays(11).toString())).json();
        JsonNode l = line(ledger, loan);
        assertThat(l.get("relending").decimalValue()).as("100 % of it").isEqualByComparingTo("2500000.00");
        long id = ledger.get("id").asLong();
        steps.as("bank-approver").post("/api/v1/policy/ledgers/" + id + "/confirm", Map.of());
        var refused = Api.as(port, "regulator").header("Accept-Language", "en").post("/api/v1/policy/ledgers/" + id + "/approve", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("policy.ledger.bank-quota", "2000000.00");
    }
}
