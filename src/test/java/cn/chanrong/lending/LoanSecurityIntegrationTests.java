package cn.chanrong.lending;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Collateral on loans, the derived unsecured tag, and the registry cancellation task after repayment. */
@IntegrationTest
class LoanSecurityIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void repaying_a_pledged_loan_raises_a_cancellation_task_that_cancelling_the_filing_closes() throws Exception {
        LendingSteps steps = new LendingSteps(port, jdbc);
        long borrower = steps.borrower();
        String grantor = jdbc.sql("SELECT credit_code FROM enterprise WHERE id = :id").param("id", borrower)
                .query(String.class).single();
        long loan = steps.disbursedLoan(borrower, null, "1200000.00", 12, "BULLET", "2026-05-30");
        assertThat(steps.as("bank").get("/api/v1/loans/" + loan + "/tags").json().toString()).contains("UNSECURED");

        Map<String, Object> filing = new HashMap<>();
        filing.put("grantor", grantor);
        filing.put("collateralType", "RECEIVABLES_PLEDGE");
        filing.put("description", "应收账款质押 / receivables pledged for the loan");
        filing.put("identifiers", List.of("INV-" + UUID.randomUUID()));
        filing.put("termMonths", 24);
        var filed = steps.as("bank").post("/api/v1/registry/filings", filing);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String number = filed.json().get("number").asString();

        var foreign = steps.as("bank").post("/api/v1/loans/" + loan + "/securities", Map.of("kind", "PLEDGE",
                "description", "应收账款质押", "value", "1500000", "filingNumber", "20990101000000000001"));
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.json().get("errors").get(0).get("field").asString()).isEqualTo("filingNumber");
        var pledged = steps.as("bank").post("/api/v1/loans/" + loan + "/securities", Map.of("kind", "PLEDGE",
                "description", "应收账款质押", "value", "1500000", "filingNumber", number));
        assertThat(pledged.status()).as(pledged.body()).isEqualTo(201);
        assertThat(steps.as("bank").get("/api/v1/loans/" + loan + "/tags").json().toString()).doesNotContain("UNSECURED");

        var dues = steps.as("bank").get("/api/v1/loans/" + loan + "/dues?valueDate=2026-06-30").json();
        var paid = steps.as("bank").post("/api/v1/loans/" + loan + "/repayments", Map.of("amount",
                dues.get("payoff").decimalValue().toPlainString(), "valueDate", "2026-06-30", "type", "PAYOFF"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);

        JsonNode task = awaitTask(steps, number);
        assertThat(task.get("dueOn").asString()).isEqualTo("2026-07-14"); // ten working days after 30 June
        assertThat(task.get("reason").asString()).contains("repaid");

        var cancelled = steps.as("bank").post("/api/v1/registry/filings/" + number + "/cancel",
                Map.of("reason", "主债权已清偿"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(steps.as("bank").get("/api/v1/registry/cancellation-tasks").body()).doesNotContain(number);
    }

    private static JsonNode awaitTask(LendingSteps steps, String number) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode t : steps.as("bank").get("/api/v1/registry/cancellation-tasks").json()) {
                if (t.get("filingNumber").asString().equals(number)) {
                    return t;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no cancellation task for " + number);
    }
}
