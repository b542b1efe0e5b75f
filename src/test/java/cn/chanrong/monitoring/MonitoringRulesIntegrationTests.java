package cn.chanrong.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.lending.LendingSteps;
import cn.chanrong.monitoring.MonitoringIntegrationTests.Borrower;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A bank asks more of a round trip on its product: the draft is refused until it reads, back-tested over the
 * payments it already reported (the round trip it would no longer raise named), put live by a second person, and
 * from then on the product's loans are checked by it and their alerts keep its version.
 */
@IntegrationTest
class MonitoringRulesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessDate businessDate;

    static Map<String, Object> draft(long product, LocalDate from, int share) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rule", "round-trip");
        d.put("productId", product);
        d.put("effectiveFrom", from.toString());
        d.put("params", Map.of("enabled", true, "windowDays", 30, "minSharePercent", share));
        d.put("note", "本产品回流须达" + share + "%才预警");
        return d;
    }

    /** A payment out of the loan's money to a trading firm and {@code back} of it returned the next day. */
    List<Map<String, Object>> roundTrip(Borrower b, String ref, String out, String back, LocalDate on) {
        String firm = "3100" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        return List.of(
                MonitoringIntegrationTests.payment(ref + "-OUT", "DEBIT", b.account(), "福州恒远贸易有限公司", firm, out, on),
                MonitoringIntegrationTests.payment(ref + "-BACK", "CREDIT", b.account(), "福州恒远贸易有限公司", firm, back,
                        on.plusDays(1)));
    }

    static List<String> rules(JsonNode alerts, long loan) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : alerts.get("items")) {
            if (a.get("loanId").asLong() == loan) {
                out.add(a.get("rule").asString() + " v" + a.get("ruleVersion").asInt());
            }
        }
        return out;
    }

    @Test
    void a_stricter_round_trip_for_one_product_is_back_tested_put_live_by_a_second_person_and_then_applies() throws Exception {
        LendingSteps steps = new LendingSteps(port, jdbc);
        LocalDate today = businessDate.today();
        Api approver = steps.as("bank-approver").header("Accept-Language", "en");
        Api admin = steps.as("bank-admin").header("Accept-Language", "en");
        Api bank = steps.as("bank");

        // before: 60 % back is a round trip under the shipped version
        Borrower before = MonitoringIntegrationTests.borrowerWithAccount(steps, today, "1000000", 6);
        long product = jdbc.sql("SELECT product_id FROM loan WHERE id = ?").param(before.loan()).query(Long.class).single();
        String ref = "RB" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        var reported = bank.post("/api/v1/monitoring/payments", roundTrip(before, ref, "400000.00", "240000.00", today.minusDays(4)));
        assertThat(reported.json().get("alerts").asInt()).as(reported.body()).isEqualTo(1);

        // refused until it reads, each problem named
        Map<String, Object> bad = draft(product, today.minusDays(1), 90);
        bad.put("params", Map.of("enabled", true, "windowDays", 0, "minSharePercent", 90, "hops", 3));
        var refused = approver.post("/api/v1/monitoring/rules", bad);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("params.windowDays", "params.hops", "monitoring.rule.effective-past");
        long foreign = jdbc.sql("SELECT id FROM product WHERE institution_id <> (SELECT institution_id FROM loan WHERE id = ?) LIMIT 1")
                .param(before.loan()).query(Long.class).single();
        assertThat(approver.post("/api/v1/monitoring/rules", draft(foreign, today, 90)).body()).contains("monitoring.rule.product");
        assertThat(bank.post("/api/v1/monitoring/rules", draft(product, today, 90)).status()).isEqualTo(403);

        var drafted = approver.post("/api/v1/monitoring/rules", draft(product, today, 90));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(200);
        long id = drafted.json().get("id").asLong();
        int version = drafted.json().get("version").asInt();
        assertThat(drafted.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(drafted.json().get("productName").asString()).isNotBlank();

        // not live before a back-test
        assertThat(admin.post("/api/v1/monitoring/rules/" + id + "/activate", Map.of()).body()).contains("monitoring.rule.not-backtested");

        var tested = approver.post("/api/v1/monitoring/rules/" + id + "/backtest",
                Map.of("from", today.minusDays(10).toString(), "to", today.toString()));
        assertThat(tested.status()).as(tested.body()).isEqualTo(200);
        JsonNode bt = tested.json().get("backtest");
        assertThat(bt.get("live").get("round-trip").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(bt.get("removed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(bt.get("live").get("round-trip").asInt() - bt.get("draft").get("round-trip").asInt())
                .isEqualTo(bt.get("removed").asInt() - bt.get("added").asInt());
        boolean named = false;
        for (JsonNode c : bt.get("changes")) {
            named |= c.get("bankReference").asString().equals(ref + "-BACK") && c.get("change").asString().equals("REMOVED");
        }
        assertThat(named).as(bt.toString()).isTrue();
        assertThat(approver.post("/api/v1/monitoring/rules/" + id + "/backtest", Map.of("from", "2026-13-01", "to", today.toString()))
                .body()).contains("\"from\"");

        // four eyes: the drafter may not put it live; the administrator may
        assertThat(approver.post("/api/v1/monitoring/rules/" + id + "/activate", Map.of()).body()).contains("monitoring.rule.four-eyes");
        var live = admin.post("/api/v1/monitoring/rules/" + id + "/activate", Map.of());
        assertThat(live.status()).as(live.body()).isEqualTo(200);
        assertThat(live.json().get("status").asString()).isEqualTo("LIVE");
        assertThat(live.json().get("inForce").asBoolean()).isTrue();
        try {
            // from today the product's loans are checked by it: 60 % back is not enough, 95 % is, under its version
            Borrower after = MonitoringIntegrationTests.borrowerWithAccount(steps, today, "1000000", 3);
            String r2 = "RA" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
            var quiet = bank.post("/api/v1/monitoring/payments", roundTrip(after, r2, "400000.00", "240000.00", today.minusDays(1)));
            assertThat(quiet.json().get("alerts").asInt()).as(quiet.body()).isZero();
            String r3 = "RC" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
            var loud = bank.post("/api/v1/monitoring/payments", roundTrip(after, r3, "100000.00", "95000.00", today.minusDays(1)));
            assertThat(loud.json().get("alerts").asInt()).as(loud.body()).isEqualTo(1);
            assertThat(rules(bank.get("/api/v1/monitoring/alerts?size=200").json(), after.loan()))
                    .containsExactly("round-trip v" + version);
            // the earlier alert keeps the version that raised it
            assertThat(rules(bank.get("/api/v1/monitoring/alerts?size=200").json(), before.loan())).containsExactly("round-trip v1");
            // and the alert's page names that version with its parameters, linked
            long alertId = 0;
            for (JsonNode a : bank.get("/api/v1/monitoring/alerts?size=200").json().get("items")) {
                if (a.get("loanId").asLong() == after.loan()) {
                    alertId = a.get("id").asLong();
                }
            }
            String page = cn.chanrong.support.Workbench.loggedIn(port, "bank").get("/monitoring/alerts/" + alertId).body();
            assertThat(page).contains("id=\"rule-version-link\"", "/monitoring/rules/" + id, "贷款资金回流 v" + version, "90");

            // who reads it: the bank and the national central bank; another bank does not find it; an enterprise is refused
            assertThat(steps.as("regulator").get("/api/v1/monitoring/rules/" + id).status()).isEqualTo(200);
            assertThat(steps.as("bank2").get("/api/v1/monitoring/rules/" + id).status()).isEqualTo(404);
            assertThat(steps.as("enterprise").get("/api/v1/monitoring/rules").status()).isEqualTo(403);
            JsonNode listed = bank.get("/api/v1/monitoring/rules?rule=round-trip&status=LIVE&size=100").json();
            assertThat(listed.get("items").findValuesAsString("rule")).containsOnly("round-trip");
            assertThat(bank.get("/api/v1/monitoring/rules?status=SOON").status()).isEqualTo(422);
        } finally {
            // the product as shipped again for the classes that follow: a later version of the same day wins
            long back = approver.post("/api/v1/monitoring/rules", draft(product, today, 50)).json().get("id").asLong();
            approver.post("/api/v1/monitoring/rules/" + back + "/backtest",
                    Map.of("from", today.toString(), "to", today.toString()));
            assertThat(admin.post("/api/v1/monitoring/rules/" + back + "/activate", Map.of()).status()).isEqualTo(200);
        }
    }

    @Test
    void an_approver_drafts_a_version_in_the_workbench_from_the_one_in_force_back_tests_it_and_withdraws_it() throws Exception {
        LocalDate today = businessDate.today();
        var w = cn.chanrong.support.Workbench.loggedIn(port, "bank-approver");
        String list = w.get("/monitoring/rules").body();
        assertThat(list).contains("贷款资金回流", "平台默认", "一直有效", "id=\"new-rule\"");

        String form = w.get("/monitoring/rules/new?rule=fan-out").body();
        assertThat(form).contains("name=\"p.minParties\"", "value=\"5\"", "最少对手数");
        Map<String, String> typed = new LinkedHashMap<>(Map.of("rule", "fan-out", "productId", "", "p.enabled", "on",
                "p.days", "3", "p.minParties", "abc", "p.minSharePercent", "50", "effectiveFrom", today.toString(),
                "note", "分散转出的对手数", "_csrf", cn.chanrong.support.Workbench.csrf(form)));
        var refused = w.post("/monitoring/rules", typed);
        assertThat(refused.statusCode()).isEqualTo(302);
        String again = w.get(refused.headers().firstValue("Location").orElseThrow().replace("http://localhost:" + port, "")).body();
        assertThat(again).contains("id=\"problems\"", "params.minParties", "value=\"abc\"", "分散转出的对手数");

        typed.put("p.minParties", "4");
        typed.put("_csrf", cn.chanrong.support.Workbench.csrf(again));
        var saved = w.post("/monitoring/rules", typed);
        String at = saved.headers().firstValue("Location").orElseThrow().replace("http://localhost:" + port, "");
        assertThat(at).matches("/monitoring/rules/\\d+");
        String page = w.get(at).body();
        assertThat(page).contains("草稿", "最少对手数", "id=\"backtest-form\"");

        w.post(at + "/backtest", Map.of("from", today.minusDays(5).toString(), "to", today.toString(),
                "_csrf", cn.chanrong.support.Workbench.csrf(page)));
        page = w.get(at).body();
        assertThat(page).contains("id=\"backtest-changes\"", "现行版本的预警");
        // the drafter is told why it may not put it live
        w.post(at + "/activate", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(page)));
        page = w.get(at).body();
        assertThat(page).contains("须由另一人启用");
        w.post(at + "/withdraw", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(page)));
        assertThat(w.get(at).body()).contains("已撤回");
    }
}
