package cn.chanrong.warning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.lending.LendingSteps;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20 §3: a core enterprise's default propagated to its tier-1 and tier-2 suppliers and on to a guarantor, each
 * lender seeing its own exposures with the path; the financial regulators the amounts of their region, the industry
 * departments the firms without amounts, another province nothing; bad scenarios refused with the field named.
 */
@IntegrationTest
class StressScenariosIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessDate businessDate;

    @Autowired
    StressScenarios scenarios;

    private String creditCode(long enterprise) {
        return jdbc.sql("SELECT credit_code FROM enterprise WHERE id = :id").param("id", enterprise).query(String.class).single();
    }

    private void supplies(long supplier, long customer, String volume) {
        jdbc.sql("""
                        INSERT INTO enterprise_relationship (supplier_id, customer_id, annual_volume, declared_by)
                        VALUES (:s, :c, CAST(:v AS numeric), 'test')""")
                .param("s", supplier).param("c", customer).param("v", volume).update();
    }

    private Api.Response run(String user, Map<String, Object> body) {
        return Api.as(port, user).header("Accept-Language", "en").post("/api/v1/warning/scenarios", body);
    }

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> out = new ArrayList<>();
        page.get("items").forEach(out::add);
        return out;
    }

    private static Map<String, JsonNode> byKey(JsonNode figures) {
        Map<String, JsonNode> m = new HashMap<>();
        figures.forEach(f -> m.put(f.get("key").asString(), f));
        return m;
    }

    @Test
    void a_core_default_reaches_the_tier_two_suppliers_financing_and_a_guarantor_each_lender_sees_its_own_with_the_path() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        // revenues are 56 million each: tier 1 sells the core half of it, tier 2 sells tier 1 40 %, the guarantor stands
        // behind tier 2 for 60 % of its own revenue
        long core = steps.borrower();
        long tier1 = steps.borrower();
        long tier2 = steps.borrower();
        long guarantor = steps.borrower();
        long bystander = steps.borrower();
        supplies(tier1, core, "28000000.00");
        supplies(tier2, tier1, "22400000.00");
        supplies(bystander, tier2, "2800000.00");
        jdbc.sql("""
                        INSERT INTO enterprise_guarantee (guarantor_id, debtor_id, amount, declared_by)
                        VALUES (:g, :d, 33600000.00, 'test')""").param("g", guarantor).param("d", tier2).update();
        String day = businessDate.today().minusDays(20).toString();
        long tier2Loan = steps.disbursedLoan(tier2, null, "1600000.00", 12, "EQUAL_PRINCIPAL", day);
        long guarantorLoan = steps.disbursedLoan(guarantor, null, "1000000.00", 12, "EQUAL_PRINCIPAL", day);

        var made = run("regulator", body("shockKind", "ENTERPRISE_DEFAULT", "creditCode", creditCode(core)));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().get("id").asLong();
        assertThat(made.json().get("number").asString()).startsWith("ST");
        // the core, tier 1 at 50 %, tier 2 at 20 %, the guarantor at 12 %; the bystander at 1 % stays under 10 %
        assertThat(made.json().get("stressed").asInt()).isEqualTo(4);
        assertThat(made.json().get("title").asString()).contains("违约");

        JsonNode exposures = Api.as(port, "bank").get("/api/v1/warning/scenarios/" + id + "/exposures").json();
        Map<Long, JsonNode> byLoan = new HashMap<>();
        items(exposures).forEach(e -> byLoan.put(e.get("loanId").asLong(), e));
        assertThat(byLoan).containsKeys(tier2Loan, guarantorLoan);
        JsonNode t2 = byLoan.get(tier2Loan);
        assertThat(t2.get("impactPercent").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(t2.get("depth").asInt()).isEqualTo(2);
        assertThat(t2.get("channel").asString()).isEqualTo("SUPPLY");
        assertThat(t2.get("path")).extracting(s -> s.get("enterpriseId").asLong()).containsExactly(core, tier1, tier2);
        assertThat(t2.get("path").get(0).get("name").asString()).isNotBlank();
        JsonNode g = byLoan.get(guarantorLoan);
        assertThat(g.get("impactPercent").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(g.get("channel").asString()).isEqualTo("GUARANTEE");
        assertThat(g.get("path")).extracting(s -> s.get("enterpriseId").asLong())
                .containsExactly(core, tier1, tier2, guarantor);

        JsonNode bankResults = Api.as(port, "bank").get("/api/v1/warning/scenarios/" + id).json();
        assertThat(bankResults.get("amounts").asBoolean()).isTrue();
        assertThat(bankResults.get("byInstitution")).hasSize(1);
        JsonNode own = bankResults.get("byInstitution").get(0);
        assertThat(own.get("loans").asLong()).isEqualTo(2);
        assertThat(own.get("balance").decimalValue()).isEqualByComparingTo("2600000.00");
        // 1,600,000 at 20 % and 1,000,000 at 12 %
        assertThat(own.get("weightedBalance").decimalValue()).isEqualByComparingTo("440000.00");

        // another bank sees the shared scenario but nothing of the first bank's book
        assertThat(Api.as(port, "bank2").get("/api/v1/warning/scenarios/" + id + "/exposures").json().get("total").asLong())
                .isZero();
        assertThat(Api.as(port, "bank2").get("/api/v1/warning/scenarios/" + id).json().get("byInstitution")).isEmpty();

        // Fujian's financial regulator sees the amounts by province; MIIT the firms only; Guangdong nothing of Fujian
        JsonNode fj = Api.as(port, "regulator-fj").get("/api/v1/warning/scenarios/" + id).json();
        assertThat(byKey(fj.get("byRegion")).get("350000").get("firms").asLong()).isEqualTo(4);
        assertThat(byKey(fj.get("byRegion")).get("350000").get("balance").decimalValue()).isGreaterThanOrEqualTo(
                new java.math.BigDecimal("2600000.00"));
        JsonNode miit = Api.as(port, "regulator-miit").get("/api/v1/warning/scenarios/" + id).json();
        assertThat(miit.get("amounts").asBoolean()).isFalse();
        assertThat(miit.get("byInstitution")).isEmpty();
        assertThat(byKey(miit.get("byRegion")).get("350000").get("firms").asLong()).isEqualTo(4);
        assertThat(byKey(miit.get("byRegion")).get("350000").get("balance").isNull()).isTrue();
        assertThat(Api.as(port, "regulator-miit").get("/api/v1/warning/scenarios/" + id + "/exposures").json()
                .get("total").asLong()).isZero();
        JsonNode gd = Api.as(port, "regulator-gd").get("/api/v1/warning/scenarios/" + id).json();
        assertThat(gd.get("byRegion")).isEmpty();
        assertThat(Api.as(port, "enterprise").get("/api/v1/warning/scenarios/" + id).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM warning_scenario_firm WHERE scenario_id = :s AND enterprise_id = :b")
                .param("s", id).param("b", bystander).query(Long.class).single()).isZero();
    }

    @Test
    void the_demos_core_default_reaches_its_suppliers_financings_two_tiers_down() {
        long core = jdbc.sql("SELECT enterprise_id FROM app_user WHERE username = 'core'").query(Long.class).single();
        JsonNode demo = items(Api.as(port, "regulator").get("/api/v1/warning/scenarios?size=100").json()).stream()
                .filter(s -> s.get("enterpriseId") != null && s.get("enterpriseId").asLong() == core && s.get("title").asString()
                        .contains("演示")).findFirst().orElseThrow();
        JsonNode exposures = Api.as(port, "regulator").get("/api/v1/warning/scenarios/" + demo.get("id").asLong()
                + "/exposures?size=100").json();
        assertThat(items(exposures)).anySatisfy(e -> {
            assertThat(e.get("depth").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(e.get("path").get(0).get("enterpriseId").asLong()).isEqualTo(core);
            assertThat(e.get("loanNumber").asString()).isNotBlank();
        });
    }

    @Test
    void the_workbench_runs_a_scenario_by_the_firms_name_keeps_a_refused_form_and_shows_each_path() throws Exception {
        var regulator = cn.chanrong.support.Workbench.loggedIn(port, "regulator");
        String list = regulator.get("/warning/scenarios").body();
        assertThat(list).contains("id=\"scenario-run\"", "id=\"scenarios\"", "违约情景（演示）");
        assertThat(regulator.get("/warning/firms?creditCode=" + java.net.URLEncoder.encode("闽江重型",
                java.nio.charset.StandardCharsets.UTF_8)).body()).contains("闽江重型装备集团股份有限公司");
        var refused = regulator.post("/warning/scenarios", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(list),
                "shockKind", "SECTOR_SHOCK", "industryCode", "C34", "shockPercent", "3e1", "title", "通用设备冲击"));
        assertThat(refused.statusCode()).isEqualTo(302);
        String again = regulator.get("/warning/scenarios").body();
        assertThat(again).contains("value=\"通用设备冲击\"");
        String problems = again.substring(again.indexOf("id=\"problems\""), again.indexOf("</ul>", again.indexOf("id=\"problems\"")));
        assertThat(problems).contains("冲击幅度");
        var made = regulator.post("/warning/scenarios", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(again),
                "shockKind", "ENTERPRISE_DEFAULT", "creditCode", "福州精工数控机床有限公司", "thresholdPercent", "5"));
        assertThat(made.statusCode()).isEqualTo(302);
        String location = made.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/warning/scenarios/\\d+$");
        String page = regulator.get(location.replaceFirst("^https?://[^/]+", "")).body();
        assertThat(page).contains("id=\"scenario-facts\"", "id=\"by-region\"", "福州精工数控机床有限公司");

        long core = jdbc.sql("SELECT enterprise_id FROM app_user WHERE username = 'core'").query(Long.class).single();
        long demo = items(Api.as(port, "bank").get("/api/v1/warning/scenarios?size=100").json()).stream()
                .filter(s -> s.get("enterpriseId") != null && s.get("enterpriseId").asLong() == core).findFirst()
                .orElseThrow().get("id").asLong();
        String bankPage = cn.chanrong.support.Workbench.loggedIn(port, "bank").get("/warning/scenarios/" + demo).body();
        assertThat(bankPage).contains("id=\"scenario-exposures\"", "闽江重型装备集团股份有限公司 → ", "福州精工数控机床有限公司 → ",
                "福州榕城电子元件有限公司", "供货依赖");
    }

    @Test
    void a_loan_turning_non_performing_propagates_its_obligors_default_by_itself_once() throws Exception {
        LendingSteps steps = new LendingSteps(port, jdbc);
        long buyer = steps.borrower();
        long supplier = steps.borrower();
        supplies(supplier, buyer, "28000000.00");
        long loan = steps.disbursedLoan(buyer, null, "1000000.00", 12, "EQUAL_PRINCIPAL",
                businessDate.today().minusDays(20).toString());
        long supplierLoan = steps.disbursedLoan(supplier, null, "1000000.00", 12, "EQUAL_PRINCIPAL",
                businessDate.today().minusDays(20).toString());
        var downgraded = steps.as("bank-approver").post("/api/v1/loans/" + loan + "/classification",
                Map.of("tier", "SUBSTANDARD", "reason", "核心企业停产，无力还款"));
        assertThat(downgraded.status()).as(downgraded.body()).isEqualTo(200);
        // the scenario runs after the classification commits: wait for it, to a deadline
        long deadline = System.nanoTime() + 20_000_000_000L;
        JsonNode found = null;
        while (found == null && System.nanoTime() < deadline) {
            found = items(Api.as(port, "bank").get("/api/v1/warning/scenarios?size=100").json()).stream()
                    .filter(s -> s.get("enterpriseId") != null && s.get("enterpriseId").asLong() == buyer).findFirst()
                    .orElse(null);
            if (found == null) {
                Thread.sleep(50);
            }
        }
        assertThat(found).as("the platform's own scenario of the buyer's default").isNotNull();
        assertThat(found.get("runBy").asString()).isEqualTo("warning-contagion");
        assertThat(found.get("title").asString()).contains("次级");
        long id = found.get("id").asLong();
        JsonNode exposures = Api.as(port, "bank").get("/api/v1/warning/scenarios/" + id + "/exposures").json();
        assertThat(items(exposures)).anySatisfy(x -> {
            assertThat(x.get("loanId").asLong()).isEqualTo(supplierLoan);
            assertThat(x.get("impactPercent").decimalValue()).isEqualByComparingTo("50.00");
        });
        assertThat(Api.as(port, "regulator-fj").get("/api/v1/warning/scenarios/" + id).status()).isEqualTo(200);
    }

    @Test
    void the_rounds_in_java_and_the_recursive_query_agree_on_every_firm_impact_and_depth() {
        long core = jdbc.sql("SELECT enterprise_id FROM app_user WHERE username = 'core'").query(Long.class).single();
        List<Map<Long, Double>> shocks = new ArrayList<>();
        shocks.add(Map.of(core, 1.0));
        Map<Long, Double> sector = new LinkedHashMap<>();
        jdbc.sql("SELECT id FROM enterprise WHERE industry_code LIKE 'C34%' ORDER BY id").query(Long.class).list()
                .forEach(id -> sector.put(id, 0.4));
        shocks.add(sector);
        for (Map<Long, Double> shock : shocks) {
            var java = scenarios.propagate(shock, 0.05, 6).hits();
            var sql = scenarios.propagateInSql(shock, 0.05, 6);
            assertThat(java.size()).isGreaterThan(shock.size());
            assertThat(sql.keySet()).containsExactlyInAnyOrderElementsOf(java.keySet());
            for (var h : java.values()) {
                assertThat(sql.get(h.firm()).impact()).as("impact of %d", h.firm()).isEqualTo(h.impact());
                assertThat(sql.get(h.firm()).depth()).as("depth of %d", h.firm()).isEqualTo(h.depth());
                assertThat(h.path()).hasSize(h.depth() + 1);
            }
        }
    }

    @Test
    void an_institutions_own_scenario_is_its_own_and_bad_scenarios_name_the_field() {
        var mine = run("bank", body("shockKind", "REGION_SHOCK", "regionCode", "350100", "shockPercent", "30",
                "thresholdPercent", "25", "maxDepth", 3));
        assertThat(mine.status()).as(mine.body()).isEqualTo(201);
        long id = mine.json().get("id").asLong();
        assertThat(mine.json().get("shocked").asInt()).isPositive();
        assertThat(Api.as(port, "bank").get("/api/v1/warning/scenarios").json().get("items"))
                .anySatisfy(s -> assertThat(s.get("id").asLong()).isEqualTo(id));
        assertThat(Api.as(port, "bank2").get("/api/v1/warning/scenarios/" + id).status()).isEqualTo(404);
        assertThat(Api.as(port, "regulator").get("/api/v1/warning/scenarios/" + id).status()).isEqualTo(404);

        var noSector = run("regulator", body("shockKind", "SECTOR_SHOCK", "shockPercent", "30"));
        assertThat(noSector.status()).isEqualTo(422);
        assertThat(noSector.header("Content-Type")).startsWith("application/problem+json");
        assertThat(noSector.body()).contains("\"field\":\"industryCode\"");
        var exponent = run("regulator", body("shockKind", "SECTOR_SHOCK", "industryCode", "C34", "shockPercent", "3e1"));
        assertThat(exponent.status()).isEqualTo(422);
        assertThat(exponent.body()).contains("\"field\":\"shockPercent\"");
        var threshold = run("regulator", body("shockKind", "SECTOR_SHOCK", "industryCode", "C34", "shockPercent", "5",
                "thresholdPercent", "10"));
        assertThat(threshold.status()).isEqualTo(422);
        assertThat(threshold.body()).contains("warning.scenario.threshold");
        var unknown = run("regulator", body("shockKind", "ENTERPRISE_DEFAULT", "creditCode", "91350100MA2Y0A0A0A"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("\"field\":\"creditCode\"");
        var kind = run("regulator", body("shockKind", "METEOR", "extra", "x", "maxDepth", "six"));
        assertThat(kind.status()).isEqualTo(422);
        assertThat(kind.body()).contains("\"field\":\"shockKind\"", "\"field\":\"extra\"", "\"field\":\"maxDepth\"");
        LendingSteps steps = new LendingSteps(port, jdbc);
        var gd = run("regulator-gd", body("shockKind", "ENTERPRISE_DEFAULT", "creditCode", creditCode(steps.borrower())));
        assertThat(gd.status()).as("Guangdong's office shocks only Guangdong firms").isEqualTo(422);
        assertThat(run("enterprise", body("shockKind", "REGION_SHOCK", "regionCode", "350100", "shockPercent", "30"))
                .status()).isEqualTo(403);
    }
}
