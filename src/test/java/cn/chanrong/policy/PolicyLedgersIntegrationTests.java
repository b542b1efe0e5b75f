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
}
