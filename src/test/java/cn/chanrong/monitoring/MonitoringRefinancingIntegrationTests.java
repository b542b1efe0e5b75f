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

/** A new loan's money repays a loan at another bank, and the new loan is no renewal: a possible hidden restructuring. */
@IntegrationTest
class MonitoringRefinancingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessDate businessDate;

    @Test
    void a_loan_repaid_with_a_new_loan_outside_a_renewal_is_flagged() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        var b = MonitoringIntegrationTests.borrowerWithAccount(steps, today, "1000000", 5);
        long loan = b.loan();
        String account = b.account();
        Api bank = steps.as("bank");
        String ref = "RF" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        var report = bank.post("/api/v1/monitoring/payments", List.of(Map.of("bankReference", ref, "direction", "DEBIT",
                "account", account, "counterpartyName", "中国工商银行福州鼓楼支行", "counterpartyAccount", "1402020009000012345",
                "amount", "600000.00", "currency", "CNY", "valueDate", today.minusDays(3).toString(), "remittance", "归还贷款")));
        assertThat(report.json().get("alerts").asInt()).as(report.body()).isEqualTo(1);
        JsonNode alert = MonitoringIntegrationTests.alertOf(bank.get("/api/v1/monitoring/alerts?status=OPEN&size=200").json(), loan);
        assertThat(alert.get("rule").asString()).isEqualTo("hidden-refinancing");
        assertThat(alert.get("category").asString()).isEqualTo("LOAN_REPAYMENT");
        assertThat(alert.get("days").asInt()).isEqualTo(2);
    }
}
