package cn.chanrong.lending;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One contract, several drawdowns: never more than the contracted amount, even when two race. */
@IntegrationTest
class DrawdownIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    LendingSteps steps;

    @BeforeEach
    void setUp() {
        steps = new LendingSteps(port, jdbc);
    }

    long contract(String amount) {
        long borrower = steps.borrower();
        long facility = steps.facility(borrower, "3000000.00");
        var app = steps.as("bank").post("/api/v1/loan-applications", LendingSteps.application(steps.product("MJ-ZJTX-01"), borrower,
                facility, amount, 12, "EQUAL_PRINCIPAL"));
        assertThat(app.status()).as(app.body()).isEqualTo(201);
        long id = app.json().get("id").asLong();
        steps.act("bank", id, "PASS", 200);
        steps.act("bank-approver", id, "PASS", 200);
        return steps.as("bank").post("/api/v1/loan-applications/" + id + "/contract", null).json().get("id").asLong();
    }

    @Test
    void before_disbursement_the_contract_runs_from_the_business_date_not_the_clock() {
        long loan = contract("1000000.00");
        var c = steps.as("bank").get("/api/v1/loans/" + loan + "/contract").json();
        // the tests' business date is 2026-06-30 whatever the wall clock says; the term is 12 months
        assertThat(c.get("maturity").asString()).isEqualTo("2027-06-30");
    }

    @Test
    void a_contract_is_drawn_in_parts_up_to_its_amount() throws Exception {
        long loan = contract("2000000.00");
        var first = steps.as("bank").post("/api/v1/loans/" + loan + "/disbursements", Map.of("valueDate", "2025-06-20",
                "amount", "1200000.00"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        var c = steps.as("bank").get("/api/v1/loans/" + loan + "/contract").json();
        assertThat(c.get("contractAmount").decimalValue()).isEqualByComparingTo("2000000.00");
        assertThat(c.get("available").decimalValue()).isEqualByComparingTo("800000.00");

        var tooMuch = steps.as("bank").header("Accept-Language", "en").post("/api/v1/loans/" + loan + "/drawdowns",
                Map.of("valueDate", "2025-08-20", "amount", "900000.00"));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("800000.00");
        var second = steps.as("bank").header("Idempotency-Key", "dd-" + loan).post("/api/v1/loans/" + loan + "/drawdowns",
                Map.of("valueDate", "2025-08-20", "amount", "500000.00"));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        var replay = steps.as("bank").header("Idempotency-Key", "dd-" + loan).post("/api/v1/loans/" + loan + "/drawdowns",
                Map.of("valueDate", "2025-08-20", "amount", "500000.00"));
        assertThat(replay.status()).isEqualTo(201);

        c = steps.as("bank").get("/api/v1/loans/" + loan + "/contract").json();
        assertThat(c.get("drawn").decimalValue()).isEqualByComparingTo("1700000.00");
        assertThat(c.get("drawdowns").size()).as("the replay drew nothing more").isEqualTo(2);
        var child = c.get("drawdowns").get(1);
        assertThat(child.get("number").asString()).endsWith("-2");
        assertThat(child.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(child.get("maturityDate").asString()).isLessThanOrEqualTo(c.get("maturity").asString());
        assertThat(steps.as("bank").post("/api/v1/loans/" + child.get("id").asLong() + "/drawdowns",
                Map.of("valueDate", "2025-09-20", "amount", "1000.00")).status()).isEqualTo(422);
        String page = cn.chanrong.support.Workbench.loggedIn(port, "bank").get("/loans/" + loan).body();
        assertThat(page).contains("id=\"contract\"", "id=\"drawdown-form\"", "合同可提款余额300,000.00元", child.get("number").asString());
        assertThat(steps.as("admin").get("/api/v1/ledger/check").json().get("problems").size()).isZero();
    }

    @Test
    void two_drawdowns_racing_for_the_last_part_leave_one_refused() throws Exception {
        long loan = contract("1600000.00");
        assertThat(steps.as("bank").post("/api/v1/loans/" + loan + "/disbursements", Map.of("valueDate", "2025-06-20",
                "amount", "1300000.00")).status()).isEqualTo(201);
        var pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            both.add(() -> steps.as("bank").post("/api/v1/loans/" + loan + "/drawdowns",
                    Map.of("valueDate", "2025-07-20", "amount", "300000.00")).status());
        }
        List<Integer> statuses = new ArrayList<>();
        for (var f : pool.invokeAll(both)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(201, 422);
        assertThat(steps.as("bank").get("/api/v1/loans/" + loan + "/contract").json().get("available").decimalValue())
                .isEqualByComparingTo("0.00");
    }
}
