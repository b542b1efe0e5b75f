package cn.chanrong.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.lending.LendingSteps;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
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
 * Measure (十八) meets the subsidies (issue 18 §6, issue 19 §3): when the bank confirms that a subsidised loan's money
 * went to a broker, the loan's interest subsidy stops that day, naming the case, and end of day accrues none after it.
 */
@IntegrationTest
class DiversionStopsSubsidyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessDate businessDate;

    @Test
    void a_confirmed_diversion_stops_the_loans_subsidy_and_nothing_accrues_after_it() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        String code = "TEST-SUB-DV-" + ThreadLocalRandom.current().nextInt(1_000_000);
        var created = Api.as(port, "regulator-mof").post("/api/v1/policy/programmes", Map.of("code", code,
                "kind", "CENTRAL_SUBSIDY", "name", "测试贴息（挪用）", "nameEn", "Test subsidy (diversion)", "source", "测试用",
                "effectiveFrom", "2024-01-01", "note", "挪用即停贴息",
                "terms", Map.of("subsidyPoints", "1.5", "maxYears", 2), "eligibility", Map.of()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var b = MonitoringIntegrationTests.borrowerWithAccount(steps, today, "1000000", 12);
        Api bank = steps.as("bank").header("Accept-Language", "en");
        String number = steps.loan(b.loan()).get("number").asString();
        var enrolled = bank.post("/api/v1/policy/subsidies", Map.of("programme", code, "loan", number));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        long subsidy = enrolled.json().get("id").asLong();

        String ref = "SUB" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        var report = bank.post("/api/v1/monitoring/payments", List.of(MonitoringIntegrationTests.event(ref, b.account(),
                "国泰君安证券股份有限公司", "100000.00", today.minusDays(5))));
        assertThat(report.json().get("alerts").asInt()).as(report.body()).isEqualTo(1);
        JsonNode alert = MonitoringIntegrationTests.alertOf(bank.get("/api/v1/monitoring/alerts?status=OPEN&size=200").json(),
                b.loan());
        assertThat(bank.get("/api/v1/policy/subsidies/" + subsidy).json().get("subsidy").get("status").asString())
                .as("an open alert stops nothing").isEqualTo("ACTIVE");
        assertThat(bank.post("/api/v1/monitoring/alerts/" + alert.get("id").asLong() + "/outcome",
                Map.of("outcome", "CONFIRMED", "reason", "资金流入证券公司，认定挪用")).status()).isEqualTo(200);

        JsonNode s = bank.get("/api/v1/policy/subsidies/" + subsidy).json().get("subsidy");
        assertThat(s.get("status").asString()).isEqualTo("STOPPED");
        assertThat(s.get("stoppedOn").asString()).isEqualTo(today.toString());
        assertThat(s.get("stopRule").asString()).isEqualTo("policy.subsidy.diverted");
        assertThat(s.get("stopDetail").asString()).isEqualTo(alert.get("caseNumber").asString());
        assertThat(bank.get("/api/v1/policy/subsidies?programme=" + code + "&status=STOPPED").json().get("total").asInt())
                .isEqualTo(1);

        // closing the days since the payout accrues the loan, not its stopped subsidy
        var eod = Api.as(port, "admin").post("/api/v1/lending/end-of-day", Map.of("businessDate", today.minusDays(1).toString()));
        assertThat(eod.status()).as(eod.body()).isEqualTo(200);
        assertThat(steps.loan(b.loan()).get("accruedThrough").asString()).isEqualTo(today.minusDays(1).toString());
        JsonNode after = bank.get("/api/v1/policy/subsidies/" + subsidy).json();
        assertThat(after.get("subsidy").get("accrued").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(after.get("accruals")).isEmpty();
    }
}
