package cn.chanrong.capital;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 21 §1–§3: verified investors with mandates; an equity need seen by qualified investors only — a bank's staff is
 * refused with the rule, an investor not chosen does not see it — with each mandate's fit; a deal moving forward only,
 * invested on a term sheet, a declined deal taking no term sheet; the demo's Series B after the roadshow.
 */
@IntegrationTest
class CapitalIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> out = new ArrayList<>();
        page.get("items").forEach(out::add);
        return out;
    }

    private String code(String table, String user) {
        String column = table.equals("institution") ? "institution_id" : "enterprise_id";
        return jdbc.sql("SELECT t.credit_code FROM " + table + " t JOIN app_user u ON u." + column + " = t.id WHERE u.username = :u")
                .param("u", user).query(String.class).single();
    }

    @Test
    void the_demo_has_two_verified_investors_and_the_smes_series_b_after_the_roadshow() throws Exception {
        JsonNode investors = Api.as(port, "bank").get("/api/v1/capital/investors").json();
        assertThat(investors).hasSizeGreaterThanOrEqualTo(2);
        assertThat(investors).allSatisfy(i -> {
            assertThat(i.get("qualified").asBoolean()).isTrue();
            assertThat(i.get("mandates")).isNotEmpty();
        });
        JsonNode deals = Api.as(port, "enterprise").get("/api/v1/capital/deals").json();
        JsonNode invested = items(deals).stream().filter(d -> d.get("stage").asString().equals("INVESTED")).findFirst()
                .orElseThrow();
        assertThat(invested.get("round").asString()).isEqualTo("B轮");
        assertThat(invested.get("roadshowTitle").asString()).contains("路演");
        assertThat(invested.get("amount").decimalValue()).isEqualByComparingTo("40000000.00");
        assertThat(Api.as(port, "enterprise").get("/api/v1/capital/needs/" + invested.get("needId").asLong()).json()
                .get("status").asString()).isEqualTo("FUNDED");
        JsonNode full = Api.as(port, "investor").get("/api/v1/capital/deals/" + invested.get("id").asLong()).json();
        assertThat(full.get("events")).extracting(e -> e.get("to").asString())
                .containsExactly("INTEREST", "NDA", "DUE_DILIGENCE", "TERM_SHEET", "INVESTED");
        JsonNode declined = items(Api.as(port, "investor2").get("/api/v1/capital/deals?stage=DECLINED").json()).getFirst();
        assertThat(declined.get("reason").asString()).contains("投早");
        assertThat(Api.as(port, "bank2").get("/api/v1/capital/deals/" + invested.get("id").asLong()).status()).isEqualTo(404);
        assertThat(Api.as(port, "regulator-gd").get("/api/v1/capital/deals/" + invested.get("id").asLong()).status())
                .as("another province's office").isEqualTo(404);
        assertThat(Api.as(port, "regulator-fj").get("/api/v1/capital/deals/" + invested.get("id").asLong()).status())
                .isEqualTo(200);
        // the roadshow shows the deal that followed it: to its organiser and the investor, not to a bank
        String path = "/api/v1/roadshows/" + invested.get("roadshowId").asLong();
        assertThat(Api.as(port, "regulator-gd").get(path).json().get("deals").toString())
                .contains(invested.get("number").asString(), "INVESTED");
        assertThat(Api.as(port, "investor").get(path).json().get("deals")).hasSize(1);
        assertThat(Api.as(port, "bank").get(path).json().get("deals")).isEmpty();
        assertThat(cn.chanrong.support.Workbench.loggedIn(port, "regulator-gd").get("/roadshows/"
                + invested.get("roadshowId").asLong()).body()).contains("id=\"roadshow-deals\"", invested.get("number").asString());
    }

    @Test
    void the_supervision_dashboard_counts_equity_invested_beside_loans_paid_out_in_the_regulators_region() {
        JsonNode national = Api.as(port, "regulator").get("/api/v1/statistics/dashboard").json();
        assertThat(national.get("asOf").isNull()).as("the demo's figures are built").isFalse();
        java.util.Map<String, JsonNode> kinds = new java.util.HashMap<>();
        national.get("instruments").forEach(i -> kinds.put(i.get("kind").asString(), i));
        assertThat(kinds).containsKeys("LOAN", "EQUITY");
        assertThat(kinds.get("EQUITY").get("amount").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("40000000"));
        assertThat(kinds.get("LOAN").get("count").asLong()).isEqualTo(national.get("headline").get("disbursements").asLong());
        assertThat(kinds).containsKeys("LEASE", "INSURANCE");
        assertThat(kinds.get("INSURANCE").get("amount").decimalValue()).as("the demo's 首台套 policy, this year")
                .isGreaterThanOrEqualTo(new java.math.BigDecimal("12000000.00"));
        JsonNode gd = Api.as(port, "regulator-gd").get("/api/v1/statistics/dashboard").json();
        gd.get("instruments").forEach(i -> {
            if (i.get("kind").asString().equals("EQUITY")) {
                assertThat(i.get("amount").decimalValue()).as("the demo's investment is in Fujian")
                        .isLessThan(kinds.get("EQUITY").get("amount").decimalValue());
            }
        });
        assertThat(Api.anonymous(port).get("/api/v1/public/statistics").json().get("instruments")).isEmpty();
    }

    @Test
    void a_need_is_for_qualified_investors_only_with_each_mandates_fit_and_a_chosen_need_for_the_chosen() {
        var bank = Api.as(port, "bank").header("Accept-Language", "en").get("/api/v1/capital/needs");
        assertThat(bank.status()).isEqualTo(403);
        assertThat(bank.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bank.body()).contains("capital.need.qualified-only");

        var open = Api.as(port, "enterprise").post("/api/v1/capital/needs", Map.of("amount", "20000000.00",
                "preMoney", "150000000.00", "stage", "SERIES_A", "useOfProceeds", "精密主轴产线扩建"));
        assertThat(open.status()).as(open.body()).isEqualTo(201);
        long id = open.json().get("id").asLong();
        JsonNode seen = Api.as(port, "investor").get("/api/v1/capital/needs/" + id).json();
        assertThat(seen.get("fits")).isNotEmpty();
        assertThat(seen.get("fits").get(0).get("fits").asBoolean()).as(seen.toString()).isTrue();
        assertThat(seen.get("fits").get(0).get("checks")).hasSize(4);
        assertThat(Api.as(port, "bank").get("/api/v1/capital/needs/" + id).status()).isEqualTo(403);

        var chosen = Api.as(port, "enterprise").post("/api/v1/capital/needs", Map.of("amount", "20000000.00",
                "stage", "SERIES_A", "useOfProceeds", "精密主轴产线扩建", "disclosure", "CHOSEN",
                "chosenInvestors", List.of(code("institution", "investor"))));
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(201);
        long only = chosen.json().get("id").asLong();
        assertThat(Api.as(port, "investor").get("/api/v1/capital/needs/" + only).status()).isEqualTo(200);
        assertThat(Api.as(port, "investor2").get("/api/v1/capital/needs/" + only).status()).isEqualTo(404);
        assertThat(items(Api.as(port, "investor2").get("/api/v1/capital/needs?size=100").json()))
                .noneSatisfy(n -> assertThat(n.get("id").asLong()).isEqualTo(only));

        var bad = Api.as(port, "enterprise").header("Accept-Language", "en").post("/api/v1/capital/needs",
                Map.of("amount", "2e7", "stage", "SERIES_Z", "useOfProceeds", "x", "disclosure", "CHOSEN"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"amount\"", "\"field\":\"stage\"");
        var notInvestor = Api.as(port, "bank-approver").post("/api/v1/capital/investors",
                Map.of("investorKind", "VC_PE_MANAGER", "amacNumber", "P1234567"));
        assertThat(notInvestor.status()).isEqualTo(422);
        assertThat(notInvestor.body()).contains("capital.investor.type");
    }

    @Test
    void the_workbench_shows_needs_to_qualified_investors_only_and_runs_a_deal_from_a_need() throws Exception {
        var bank = cn.chanrong.support.Workbench.loggedIn(port, "bank").get("/capital").body();
        assertThat(bank).contains("id=\"needs-refused\"", "id=\"investors\"").doesNotContain("id=\"need-list\"");

        var sme = cn.chanrong.support.Workbench.loggedIn(port, "enterprise");
        String page = sme.get("/capital").body();
        var refused = sme.post("/capital/needs", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(page), "amount", "1e7",
                "stage", "SERIES_A", "useOfProceeds", "数控转台研发"));
        assertThat(refused.statusCode()).isEqualTo(302);
        page = sme.get("/capital").body();
        assertThat(page).contains("id=\"problems\"", "value=\"数控转台研发\"");
        sme.post("/capital/needs", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(page), "amount", "15000000.00",
                "stage", "SERIES_A", "useOfProceeds", "数控转台研发"));
        long need = jdbc.sql("SELECT max(id) FROM capital_need WHERE use_of_proceeds = '数控转台研发'").query(Long.class).single();

        var investor = cn.chanrong.support.Workbench.loggedIn(port, "investor");
        String mine = investor.get("/capital").body();
        assertThat(mine).contains("id=\"need-list\"", "数控转台研发", "硬科技成长基金");
        var opened = investor.post("/capital/deals", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(mine),
                "needId", Long.toString(need), "round", "A轮"));
        assertThat(opened.statusCode()).isEqualTo(302);
        long deal = jdbc.sql("SELECT id FROM capital_deal WHERE need_id = :n").param("n", need).query(Long.class).single();
        mine = investor.get("/capital").body();
        var moved = investor.post("/capital/deals/" + deal + "/stage", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(mine),
                "stage", "DUE_DILIGENCE"));
        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT stage FROM capital_deal WHERE id = :d").param("d", deal).query(String.class).single())
                .isEqualTo("DUE_DILIGENCE");
        assertThat(investor.get("/capital").body()).contains("尽职调查");

        // an investor's manager adds a mandate by form, ticking stages, chains and provinces by name
        var manager = cn.chanrong.support.Workbench.loggedIn(port, "investor");
        String form = manager.get("/capital").body();
        assertThat(form).contains("id=\"mandate-form\"");
        var bad = manager.post("/capital/mandates", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(form),
                "name", "工业母机专项", "minTicket", "5e6", "maxTicket", "20000000.00", "horizonYears", "6"));
        assertThat(bad.statusCode()).isEqualTo(302);
        form = manager.get("/capital").body();
        assertThat(form).as("refused, what was typed kept").contains("id=\"problems\"", "value=\"工业母机专项\"");
        manager.postForm("/capital/mandates", "_csrf=" + cn.chanrong.support.Workbench.csrf(form)
                + "&name=%E5%B7%A5%E4%B8%9A%E6%AF%8D%E6%9C%BA%E4%B8%93%E9%A1%B9&stages=SERIES_A&stages=SERIES_B"
                + "&chains=MACHINE_TOOLS&regions=350000&regions=330000&minTicket=5000000.00&maxTicket=20000000.00&horizonYears=6");
        JsonNode vc = java.util.stream.StreamSupport.stream(Api.as(port, "bank").get("/api/v1/capital/investors").json()
                .spliterator(), false).filter(i -> i.get("mandates").toString().contains("工业母机专项")).findFirst().orElseThrow();
        JsonNode added = java.util.stream.StreamSupport.stream(vc.get("mandates").spliterator(), false)
                .filter(m -> m.get("name").asString().equals("工业母机专项")).findFirst().orElseThrow();
        assertThat(added.get("stages").toString()).contains("SERIES_A", "SERIES_B");
        assertThat(added.get("regions").toString()).contains("350000", "330000");
        assertThat(added.get("chains").toString()).contains("MACHINE_TOOLS");
    }

    @Test
    void a_deal_moves_forward_invests_only_on_a_term_sheet_and_a_declined_deal_takes_no_term_sheet() {
        var investor = Api.as(port, "investor").header("Accept-Language", "en");
        var made = investor.post("/api/v1/capital/deals", Map.of("enterprise", code("enterprise", "core"), "round", "C轮"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().get("id").asLong();
        assertThat(made.json().get("number").asString()).startsWith("EQ");
        var early = investor.post("/api/v1/capital/deals/" + id + "/stage", Map.of("stage", "INVESTED", "amount", "1000000.00",
                "sharePercent", "1", "postMoney", "100000000.00", "investedOn", "2026-06-30"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("capital.deal.term-sheet-first");
        var noReason = investor.post("/api/v1/capital/deals/" + id + "/stage", Map.of("stage", "DECLINED"));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");
        assertThat(investor.post("/api/v1/capital/deals/" + id + "/stage", Map.of("stage", "DECLINED",
                "reason", "估值预期与基金回报要求差距较大")).status()).isEqualTo(200);
        var late = investor.post("/api/v1/capital/deals/" + id + "/stage", Map.of("stage", "TERM_SHEET"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("capital.deal.final");
        assertThat(Api.as(port, "investor2").post("/api/v1/capital/deals/" + id + "/stage", Map.of("stage", "NDA")).status())
                .as("another investor's deal").isEqualTo(404);
        assertThat(Api.as(port, "bank").post("/api/v1/capital/deals", Map.of("enterprise", code("enterprise", "core")))
                .status()).isEqualTo(403);
    }
}
