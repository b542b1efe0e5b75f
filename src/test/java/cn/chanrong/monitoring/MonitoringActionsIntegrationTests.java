package cn.chanrong.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.ledger.Reconciliation;
import cn.chanrong.lending.LendingSteps;
import cn.chanrong.lending.domain.Accrual;
import cn.chanrong.lending.schedule.DayCount;
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
 * A confirmed diversion acted on, each act by an approver, once: 关注, drawdowns stopped with the case named, the
 * penalty on the diverted amount from the diversion date as one catch-up that reconciles with the ledger, and the
 * loan called early.
 */
@IntegrationTest
class MonitoringActionsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessDate businessDate;

    @Autowired
    List<Reconciliation> reconciliations;

    @Test
    void an_approver_acts_on_a_confirmed_diversion_and_each_act_changes_the_loan() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        var b = MonitoringIntegrationTests.borrowerWithAccount(steps, today, "1000000", 20);
        long loan = b.loan();
        String account = b.account();
        Api bank = steps.as("bank").header("Accept-Language", "en");
        Api approver = steps.as("bank-approver").header("Accept-Language", "en");
        String ref = "ACT" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        LocalDate diverted = today.minusDays(10);
        var report = bank.post("/api/v1/monitoring/payments", List.of(MonitoringIntegrationTests.event(ref, account,
                "国泰君安证券股份有限公司", "100000.00", diverted)));
        assertThat(report.json().get("alerts").asInt()).as(report.body()).isEqualTo(1);
        JsonNode alert = MonitoringIntegrationTests.alertOf(bank.get("/api/v1/monitoring/alerts?status=OPEN&size=200").json(), loan);
        long id = alert.get("id").asLong();
        String caseNumber = alert.get("caseNumber").asString();
        assertThat(caseNumber).matches("DV\\d{4}\\d{6,}");
        String actions = "/api/v1/monitoring/alerts/" + id + "/actions";

        var early = approver.post(actions, Map.of("action", "SPECIAL_MENTION", "reason", "资金流入证券公司"));
        assertThat(early.status()).as("an open alert justifies nothing").isEqualTo(409);
        assertThat(early.body()).contains("monitoring.action.not-confirmed", caseNumber);
        assertThat(bank.post("/api/v1/monitoring/alerts/" + id + "/outcome",
                Map.of("outcome", "CONFIRMED", "reason", "资金流入证券公司，认定挪用")).status()).isEqualTo(200);
        assertThat(bank.post(actions, Map.of("action", "SPECIAL_MENTION", "reason", "资金流入证券公司")).status())
                .as("an operator may not act").isEqualTo(403);
        assertThat(steps.as("bank2").post(actions, Map.of("action", "SPECIAL_MENTION", "reason", "别家的")).status())
                .as("another bank's case").isEqualTo(404);
        var unknown = approver.post(actions, Map.of("action", "FREEZE", "reason", "冻结账户"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("\"field\":\"action\"");

        var mention = approver.post(actions, Map.of("action", "SPECIAL_MENTION", "reason", "挪用贷款资金，调为关注"));
        assertThat(mention.status()).as(mention.body()).isEqualTo(200);
        assertThat(steps.loan(loan).get("tier").asString()).isEqualTo("SPECIAL_MENTION");
        var again = approver.post(actions, Map.of("action", "SPECIAL_MENTION", "reason", "再次调整"));
        assertThat(again.status()).as("each act once per case").isEqualTo(409);
        assertThat(again.body()).contains("lending.sanction.taken", caseNumber, "bank-approver");

        assertThat(approver.post(actions, Map.of("action", "STOP_DRAWDOWNS", "reason", "停止后续提款")).status()).isEqualTo(200);
        var draw = approver.post("/api/v1/loans/" + loan + "/drawdowns", Map.of("amount", "10000.00"));
        assertThat(draw.status()).as(draw.body()).isEqualTo(409);
        assertThat(draw.body()).contains("lending.drawdown.stopped", caseNumber);

        // the penalty: the contract rate × 0.5 / 360 a day on 100,000.00 from the diversion date to yesterday, once
        JsonNode before = steps.loan(loan);
        BigDecimal rate = before.get("annualRate").decimalValue();
        var badMarkup = approver.post(actions, Map.of("action", "DIVERSION_PENALTY", "reason", "按挪用金额计收罚息",
                "markup", 2));
        assertThat(badMarkup.status()).isEqualTo(422);
        assertThat(badMarkup.body()).contains("\"field\":\"markup\"");
        var charged = approver.post(actions, Map.of("action", "DIVERSION_PENALTY", "reason", "按挪用金额计收罚息"));
        assertThat(charged.status()).as(charged.body()).isEqualTo(200);
        JsonNode penalty = null;
        for (JsonNode a : charged.json().get("actions")) {
            if (a.get("kind").asString().equals("DIVERSION_PENALTY")) {
                penalty = a;
            }
        }
        assertThat(penalty).isNotNull();
        assertThat(penalty.get("amount").decimalValue()).isEqualByComparingTo("100000.00");
        assertThat(penalty.get("since").asString()).isEqualTo(diverted.toString());
        BigDecimal expected = Accrual.fen(new BigDecimal("100000.00").multiply(DayCount.ACT_360.dailyRate(rate))
                .multiply(new BigDecimal("0.5")).multiply(BigDecimal.TEN));
        assertThat(penalty.get("catchUp").decimalValue()).isEqualByComparingTo(expected);
        JsonNode after = steps.loan(loan);
        assertThat(after.get("penaltyAccrued").decimalValue().subtract(before.get("penaltyAccrued").decimalValue()))
                .as("the catch-up lands on the loan").isEqualByComparingTo(expected);
        assertThat(jdbc.sql("SELECT diverted_amount FROM loan WHERE id = :l").param("l", loan).query(BigDecimal.class).single())
                .isEqualByComparingTo("100000.00");
        String number = after.get("number").asString();
        for (Reconciliation r : reconciliations) {
            assertThat(r.problems()).as(r.name()).noneMatch(p -> p.contains(number));
        }

        var called = approver.post(actions, Map.of("action", "ACCELERATE", "reason", "挪用贷款资金，宣布提前到期"));
        assertThat(called.status()).as(called.body()).isEqualTo(200);
        JsonNode accelerated = steps.loan(loan);
        assertThat(accelerated.get("maturityDate").asString()).isEqualTo(today.toString());
        JsonNode dues = approver.get("/api/v1/loans/" + loan + "/dues?valueDate=" + today).json();
        assertThat(dues.get("currentPrincipal").decimalValue().add(dues.get("overduePrincipal").decimalValue()))
                .as("everything outstanding is due today").isEqualByComparingTo(accelerated.get("principalOutstanding").decimalValue());
        assertThat(called.json().get("actions").size()).isEqualTo(4);
        assertThat(steps.as("regulator").get("/api/v1/monitoring/alerts/" + id).json().get("actions").size())
                .as("the regulator sees what was done about the case").isEqualTo(4);
    }

    @Test
    void stopping_drawdowns_on_a_loan_under_a_facility_stops_the_facility_too() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        long borrower = steps.borrower();
        long facility = steps.facility(borrower, "3000000.00");
        long first = steps.disbursedLoan(borrower, facility, "1000000", 12, "EQUAL_PRINCIPAL", today.minusDays(5).toString());
        long second = steps.contracted(borrower, facility, "1000000");
        String account = "6222" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        assertThat(steps.as("admin").post("/api/v1/enterprises/" + borrower + "/accounts",
                Map.of("accountNo", account, "bankName", "闽江城市商业银行股份有限公司", "currency", "CNY")).status()).isEqualTo(201);
        Api bank = steps.as("bank").header("Accept-Language", "en");
        String ref = "FAC" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        assertThat(bank.post("/api/v1/monitoring/payments", List.of(MonitoringIntegrationTests.event(ref, account,
                "国泰君安证券股份有限公司", "200000.00", today.minusDays(3)))).json().get("alerts").asInt()).isEqualTo(1);
        JsonNode alert = MonitoringIntegrationTests.alertOf(bank.get("/api/v1/monitoring/alerts?status=OPEN&size=200").json(), first);
        long id = alert.get("id").asLong();
        assertThat(bank.post("/api/v1/monitoring/alerts/" + id + "/outcome",
                Map.of("outcome", "CONFIRMED", "reason", "资金流入证券公司，认定挪用")).status()).isEqualTo(200);
        assertThat(steps.as("bank-approver").post("/api/v1/monitoring/alerts/" + id + "/actions",
                Map.of("action", "STOP_DRAWDOWNS", "reason", "停止额度项下提款")).status()).isEqualTo(200);

        var paid = bank.post("/api/v1/loans/" + second + "/disbursements", Map.of("valueDate", today.toString()));
        assertThat(paid.status()).as(paid.body()).isEqualTo(409);
        assertThat(paid.body()).contains("lending.facility.stopped", alert.get("caseNumber").asString());
        assertThat(steps.loan(second).get("status").asString()).isEqualTo("CONTRACTED");
    }
}
