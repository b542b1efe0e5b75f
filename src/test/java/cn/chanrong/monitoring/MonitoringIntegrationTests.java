package cn.chanrong.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.lending.LendingSteps;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A bank reports the payments on its borrower's account; loan money paid to a broker is caught, replays change nothing. */
@IntegrationTest
class MonitoringIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessDate businessDate;

    static Map<String, Object> event(String reference, String account, String counterparty, String amount, LocalDate on) {
        return Map.of("bankReference", reference, "direction", "DEBIT", "account", account, "counterpartyName", counterparty,
                "counterpartyAccount", "3100" + reference.hashCode(), "amount", amount, "currency", "CNY",
                "valueDate", on.toString(), "remittance", "货款");
    }

    /** A payment event as a bank reports it, either way, with the counterparty's account. */
    static Map<String, Object> payment(String reference, String direction, String account, String counterparty,
                                       String counterpartyAccount, String amount, LocalDate on) {
        return Map.of("bankReference", reference, "direction", direction, "account", account, "counterpartyName", counterparty,
                "counterpartyAccount", counterpartyAccount, "amount", amount, "currency", "CNY", "valueDate", on.toString(),
                "remittance", "货款");
    }

    /** The alert on that loan in a page of alerts, or null. */
    static JsonNode alertOf(JsonNode page, long loan) {
        for (JsonNode a : page.get("items")) {
            if (a.get("loanId").asLong() == loan) {
                return a;
            }
        }
        return null;
    }

    static List<String> codes(JsonNode deadLetter) {
        List<String> out = new ArrayList<>();
        deadLetter.get("errors").forEach(e -> out.add(e.get("code").asString()));
        return out;
    }

    /** A new borrower with a loan of the demo bank paid out {@code daysAgo} days before today, and a bound account. */
    record Borrower(long loan, String account) {
    }

    Borrower borrowerWithAccount(LendingSteps steps, String principal, int daysAgo) {
        return borrowerWithAccount(steps, businessDate.today(), principal, daysAgo);
    }

    /** As above, for the tests of another class (the payment stream's). */
    static Borrower borrowerWithAccount(LendingSteps steps, LocalDate today, String principal, int daysAgo) {
        long borrower = steps.borrower();
        long loan = steps.disbursedLoan(borrower, null, principal, 12, "EQUAL_PRINCIPAL",
                today.minusDays(daysAgo).toString());
        String account = "6222" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        var bound = steps.as("admin").post("/api/v1/enterprises/" + borrower + "/accounts",
                Map.of("accountNo", account, "bankName", "闽江城市商业银行股份有限公司", "currency", "CNY"));
        assertThat(bound.status()).as(bound.body()).isEqualTo(201);
        return new Borrower(loan, account);
    }

    @Test
    void loan_money_paid_to_a_broker_raises_one_alert_however_often_reported_which_the_bank_confirms() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        Borrower b = borrowerWithAccount(steps, "1000000", 3);
        long loan = b.loan();
        String account = b.account();
        Api bank = steps.as("bank").header("Accept-Language", "en");
        String ref = "MJ" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        List<Map<String, Object>> events = List.of(
                event(ref + "-1", account, "华泰证券股份有限公司", "300000.00", today.minusDays(1)),
                event(ref + "-2", account, "福州精密轴承有限公司", "200000.00", today.minusDays(1)),
                Map.of("bankReference", ref + "-3", "direction", "DEBIT", "account", account, "amount", "1E5",
                        "currency", "CNY", "valueDate", today.toString()),
                event(ref + "-4", "9999000011112222", "华泰证券股份有限公司", "1000.00", today),
                event(ref + "-5", account, "华泰证券股份有限公司", "1000.00", today.plusDays(1)));

        var first = bank.post("/api/v1/monitoring/payments", events);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode r = first.json();
        assertThat(r.get("received").asInt()).isEqualTo(5);
        assertThat(r.get("accepted").asInt()).isEqualTo(2);
        assertThat(r.get("alerts").asInt()).isEqualTo(1);
        assertThat(r.get("deadLettered").asInt()).isEqualTo(3);
        JsonNode dead = r.get("deadLetters");
        assertThat(dead.get(0).get("index").asInt()).isEqualTo(2);
        assertThat(codes(dead.get(0))).containsExactly("amount.format");
        assertThat(codes(dead.get(1))).containsExactly("monitoring.payment.unknown-account");
        assertThat(dead.get(1).get("errors").get(0).get("message").asString()).contains("9999000011112222");
        assertThat(codes(dead.get(2))).containsExactly("monitoring.payment.future");

        var replay = bank.post("/api/v1/monitoring/payments", events).json();
        assertThat(replay.get("accepted").asInt()).as("a replay takes nothing new").isZero();
        assertThat(replay.get("duplicates").asInt()).isEqualTo(2);
        assertThat(replay.get("alerts").asInt()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM monitoring_alert WHERE loan_id = :l").param("l", loan)
                .query(Long.class).single()).isEqualTo(1);

        JsonNode queue = bank.get("/api/v1/monitoring/alerts?status=OPEN&size=200").json();
        JsonNode alert = alertOf(queue, loan);
        assertThat(alert).as(queue.toString()).isNotNull();
        assertThat(alert.get("rule").asString()).isEqualTo("prohibited-use");
        assertThat(alert.get("ruleVersion").asInt()).isEqualTo(1);
        assertThat(alert.get("category").asString()).isEqualTo("SECURITIES");
        assertThat(alert.get("amount").decimalValue()).isEqualByComparingTo("300000.00");
        assertThat(alert.get("counterpartyName").asString()).isEqualTo("华泰证券股份有限公司");
        assertThat(alert.get("days").asInt()).isEqualTo(2);
        long id = alert.get("id").asLong();

        assertThat(steps.as("bank2").get("/api/v1/monitoring/alerts/" + id).status()).as("another bank's alert").isEqualTo(404);
        assertThat(steps.as("bank2").get("/api/v1/monitoring/alerts?size=200").body()).doesNotContain("\"id\":" + id + ",");
        assertThat(steps.as("bank2").post("/api/v1/monitoring/alerts/" + id + "/outcome",
                Map.of("outcome", "DISMISSED", "reason", "不是我行的")).status()).isEqualTo(404);
        assertThat(steps.as("regulator").get("/api/v1/monitoring/alerts/" + id).status())
                .as("a regulator sees confirmed cases, not the open queue").isEqualTo(404);
        assertThat(steps.as("enterprise").get("/api/v1/monitoring/alerts?size=200").json().get("items").size())
                .as("an enterprise sees no alerts").isZero();

        var bad = bank.post("/api/v1/monitoring/alerts/" + id + "/outcome", Map.of("outcome", "MAYBE", "reason", "x"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"outcome\"", "\"field\":\"reason\"");
        var confirmed = bank.post("/api/v1/monitoring/alerts/" + id + "/outcome",
                Map.of("outcome", "CONFIRMED", "reason", "贷款资金转入证券公司，已核实为挪用"));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().get("decidedBy").asString()).isEqualTo("bank");
        assertThat(bank.post("/api/v1/monitoring/alerts/" + id + "/outcome",
                Map.of("outcome", "DISMISSED", "reason", "再议")).status()).as("decided once").isEqualTo(409);
        assertThat(steps.as("regulator").get("/api/v1/monitoring/alerts/" + id).status()).isEqualTo(200);
        assertThat(steps.as("regulator").get("/api/v1/monitoring/alerts?status=OPEN&size=200").json().get("total").asLong())
                .as("never the open queue").isZero();
    }

    @Test
    void an_officer_finds_the_alert_in_the_workbench_queue_and_dismisses_it_with_a_reason() throws Exception {
        LendingSteps steps = new LendingSteps(port, jdbc);
        Borrower b = borrowerWithAccount(steps, "1000000", 1);
        String ref = "WB" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        var r = steps.as("bank").post("/api/v1/monitoring/payments", List.of(event(ref, b.account(), "海通期货有限公司",
                "50000.00", businessDate.today())));
        assertThat(r.json().get("alerts").asInt()).isEqualTo(1);
        long id = jdbc.sql("SELECT id FROM monitoring_alert WHERE loan_id = :l").param("l", b.loan()).query(Long.class).single();

        var officer = cn.chanrong.support.Workbench.loggedIn(port, "bank");
        String queue = officer.get("/monitoring/alerts?status=OPEN").body();
        assertThat(queue).contains("资金用途监控预警", "贷款资金流入禁止领域", "海通期货有限公司", "待核查", "/monitoring/alerts/" + id);
        String page = officer.get("/monitoring/alerts/" + id).body();
        assertThat(page).contains("id=\"outcome-form\"", ref, "贷款资金流入禁止领域 v1", "id=\"rule-version-link\"");
        var missing = officer.post("/monitoring/alerts/" + id + "/outcome", java.util.Map.of(
                "_csrf", cn.chanrong.support.Workbench.csrf(page), "outcome", "DISMISSED", "reason", ""));
        assertThat(missing.statusCode()).isEqualTo(302);
        assertThat(officer.get("/monitoring/alerts/" + id).body()).as("a reason is required").contains("原因", "id=\"problems\"");
        String again = officer.get("/monitoring/alerts/" + id).body();
        officer.post("/monitoring/alerts/" + id + "/outcome", java.util.Map.of("_csrf",
                cn.chanrong.support.Workbench.csrf(again), "outcome", "DISMISSED", "reason", "期货公司为借款人套期保值的合规账户"));
        String decided = officer.get("/monitoring/alerts/" + id).body();
        assertThat(decided).contains("已排除", "套期保值").doesNotContain("id=\"outcome-form\"");
        assertThat(cn.chanrong.support.Workbench.loggedIn(port, "bank2").get("/monitoring/alerts/" + id).statusCode())
                .isEqualTo(404);
    }

    @Test
    void a_report_that_is_not_an_array_or_comes_from_an_enterprise_is_refused_whole() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        var object = steps.as("bank").post("/api/v1/monitoring/payments", Map.of("direction", "DEBIT"));
        assertThat(object.status()).isEqualTo(422);
        assertThat(object.body()).contains("monitoring.report.array");
        assertThat(steps.as("enterprise").post("/api/v1/monitoring/payments", List.of()).status()).isEqualTo(403);
        var status = steps.as("bank").get("/api/v1/monitoring/alerts?status=LOST");
        assertThat(status.status()).isEqualTo(422);
        assertThat(status.body()).contains("\"field\":\"status\"");
    }

    @Test
    void loan_money_paid_to_a_supplier_who_pays_most_of_it_back_is_a_round_trip_naming_the_payment_out() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        Borrower b = borrowerWithAccount(steps, "1500000", 5);
        long loan = b.loan();
        String account = b.account();
        String ref = "RT" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        Map<String, Object> out = Map.of("bankReference", ref + "-out", "direction", "DEBIT", "account", account,
                "counterpartyName", "榕城机电贸易有限公司", "counterpartyAccount", "3501999900001111", "amount", "400000.00",
                "currency", "CNY", "valueDate", today.minusDays(4).toString());
        Map<String, Object> back = Map.of("bankReference", ref + "-back", "direction", "CREDIT", "account", account,
                "counterpartyName", "榕城机电贸易有限公司", "counterpartyAccount", "3501999900001111", "amount", "390000.00",
                "currency", "CNY", "valueDate", today.minusDays(2).toString());
        var r = steps.as("bank").post("/api/v1/monitoring/payments", List.of(out, back));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("alerts").asInt()).as("a supplier paid is no alert; its money back is").isEqualTo(1);
        JsonNode alert = alertOf(steps.as("bank").get("/api/v1/monitoring/alerts?status=OPEN&size=200").json(), loan);
        assertThat(alert).isNotNull();
        assertThat(alert.get("rule").asString()).isEqualTo("round-trip");
        assertThat(alert.get("bankReference").asString()).isEqualTo(ref + "-back");
        assertThat(alert.get("earlier").get("bankReference").asString()).isEqualTo(ref + "-out");
        assertThat(alert.get("earlier").get("amount").decimalValue()).isEqualByComparingTo("400000.00");
        assertThat(alert.get("days").asInt()).isEqualTo(2);
    }

    @Test
    void loan_money_scattered_to_five_firms_within_days_raises_one_fan_out_alert_on_the_fifth() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        Borrower b = borrowerWithAccount(steps, "1000000", 2);
        String ref = "FO" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        List<Map<String, Object>> events = new ArrayList<>();
        String[] firms = {"闽侯华盛建材有限公司", "长乐恒通物流有限公司", "福清宏远五金有限公司", "连江兴业纺织有限公司",
                "罗源鑫源机械有限公司", "永泰丰茂农业有限公司"};
        for (int i = 0; i < firms.length; i++) {
            events.add(Map.of("bankReference", ref + "-" + i, "direction", "DEBIT", "account", b.account(),
                    "counterpartyName", firms[i], "amount", "120000.00", "currency", "CNY",
                    "valueDate", today.minusDays(1).toString()));
        }
        var r = steps.as("bank").post("/api/v1/monitoring/payments", events);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("alerts").asInt()).as("once, on the payment that completes the pattern").isEqualTo(1);
        JsonNode alert = alertOf(steps.as("bank").get("/api/v1/monitoring/alerts?status=OPEN&size=200").json(), b.loan());
        assertThat(alert).isNotNull();
        assertThat(alert.get("rule").asString()).isEqualTo("fan-out");
        assertThat(alert.get("bankReference").asString()).as("the fifth firm's payment").isEqualTo(ref + "-4");
        assertThat(alert.get("days").asInt()).isEqualTo(1);
    }
}
