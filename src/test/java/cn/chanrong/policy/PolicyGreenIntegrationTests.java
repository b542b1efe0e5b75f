package cn.chanrong.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.lending.LendingSteps;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19 §6: the green catalogue in force on a day (the previous standard before 2025-10-01), imported whole or not at
 * all by the PBOC; a bank records a green loan's verified CO2 reduction once, discloses it, and the carbon tool's ledger
 * takes only such loans; the dashboard shows green and transition lending beside the energy-intensive sectors.
 */
@IntegrationTest
class PolicyGreenIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessDate businessDate;

    @Test
    void the_green_catalogue_in_force_is_the_2024_one_until_september_2025_and_the_2025_one_after() {
        Api api = Api.as(port, "bank").header("Accept-Language", "en");
        JsonNode before = api.get("/api/v1/reference/green-catalogue?date=2025-09-30").json();
        assertThat(before.get("edition").get("edition").asString()).isEqualTo("GREEN_2024");
        assertThat(before.get("total").asInt()).isEqualTo(7);
        JsonNode after = api.get("/api/v1/reference/green-catalogue?date=2025-10-01&level=1").json();
        assertThat(after.get("edition").get("edition").asString()).isEqualTo("GREEN_2025");
        assertThat(after.get("total").asInt()).as("nine top-level categories").isEqualTo(9);
        assertThat(after.toString()).contains("Green trade", "绿色贸易");
        JsonNode transition = api.get("/api/v1/reference/green-catalogue?kind=TRANSITION").json();
        assertThat(transition.toString()).contains("\"industryCode\":\"C31\"", "Steel");
        JsonNode editions = api.get("/api/v1/reference/green-catalogue/editions").json();
        assertThat(editions.toString()).contains("\"edition\":\"GREEN_2019\"", "\"validTo\":\"2025-09-30\"");
        var bad = api.get("/api/v1/reference/green-catalogue?date=2025-13-01&kind=BLUE");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"date\"", "\"field\":\"kind\"");
    }

    @Test
    void the_pboc_imports_an_editions_items_whole_or_not_at_all() {
        String good = "code,name_zh,name_en,industry_code\n9.98,测试二级条目,Test level two,\n9.98.1,测试三级条目,Test level three,C3411\n";
        assertThat(Api.as(port, "regulator-fz").postText("/api/v1/reference/green-catalogue?edition=GREEN_2025", "text/csv", good)
                .status()).as("a regional office does not write the national catalogue").isEqualTo(403);
        assertThat(Api.as(port, "bank").postText("/api/v1/reference/green-catalogue?edition=GREEN_2025", "text/csv", good)
                .status()).isEqualTo(403);
        Api pboc = Api.as(port, "regulator").header("Accept-Language", "en");
        String broken = "code,name_zh,name_en,industry_code\n9.97,测试,Test,\nx.1,坏,Bad,\n9.96.1,无上级,Orphan,\n9.97,重复,Twice,\n"
                + "9.95,未知行业,Unknown industry,Z99\n";
        var refused = pboc.postText("/api/v1/reference/green-catalogue?edition=GREEN_2025", "text/csv", broken);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("reference.catalogue.code", "reference.catalogue.parent",
                "reference.catalogue.industry", "import.duplicate-key", "\"line\":3", "\"line\":4", "\"line\":5", "\"line\":6",
                "Catalogue code");
        assertThat(pboc.get("/api/v1/reference/green-catalogue?date=2026-01-01&parent=9").json().toString())
                .as("nothing of the refused file").doesNotContain("\"code\":\"9.97\"");
        var imported = pboc.postText("/api/v1/reference/green-catalogue?edition=GREEN_2025", "text/csv", good);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("created").asInt() + imported.json().get("updated").asInt()).isEqualTo(2);
        JsonNode child = pboc.get("/api/v1/reference/green-catalogue?parent=9.98").json();
        assertThat(child.get("items").get(0).get("code").asString()).isEqualTo("9.98.1");
        assertThat(child.get("items").get(0).get("level").asInt()).isEqualTo(3);
        assertThat(child.get("items").get(0).get("industryName").asString()).isNotBlank();
        assertThat(pboc.postText("/api/v1/reference/green-catalogue?edition=NO_SUCH", "text/csv", good).status()).isEqualTo(422);
    }

    @Test
    void a_bank_records_a_green_loans_verified_reduction_once_and_discloses_it() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        String day = businessDate.today().minusDays(3).toString();
        long green = steps.disbursedGreenLoan(steps.borrower(), "1600000.00", day, "4");
        long plain = steps.disbursedGreenLoan(steps.borrower(), "1100000.00", day, null);
        String greenNo = steps.loan(green).get("number").asString();
        Api bank = Api.as(port, "bank").header("Accept-Language", "en");

        Map<String, Object> body = new HashMap<>(Map.of("loan", steps.loan(plain).get("number").asString(),
                "co2Tonnes", "800.00", "verifier", "测试核证机构", "verifiedOn", day, "verificationMethod", "基准线法"));
        var notGreen = bank.post("/api/v1/policy/carbon-reductions", body);
        assertThat(notGreen.status()).isEqualTo(422);
        assertThat(notGreen.body()).contains("policy.carbon.green", "\"field\":\"loan\"");
        body.put("loan", greenNo);
        body.put("co2Tonnes", "800.005");
        body.put("verifiedOn", businessDate.today().plusDays(1).toString());
        var bad = bank.post("/api/v1/policy/carbon-reductions", body);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"co2Tonnes\"");
        body.put("co2Tonnes", "800.00");
        var future = bank.post("/api/v1/policy/carbon-reductions", body);
        assertThat(future.body()).contains("policy.carbon.future", "\"field\":\"verifiedOn\"");
        body.put("verifiedOn", day);
        var recorded = bank.post("/api/v1/policy/carbon-reductions", body);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("greenCode").asString()).isEqualTo("4");
        assertThat(recorded.json().get("co2Tonnes").decimalValue()).isEqualByComparingTo("800.00");
        assertThat(bank.post("/api/v1/policy/carbon-reductions", body).status()).as("once per loan").isEqualTo(409);
        assertThat(Api.as(port, "bank2").post("/api/v1/policy/carbon-reductions", body).status())
                .as("not another bank's loan").isEqualTo(422);

        assertThat(bank.get("/api/v1/policy/carbon-reductions?size=200").body()).contains(greenNo);
        assertThat(Api.as(port, "bank2").get("/api/v1/policy/carbon-reductions?size=200").body()).doesNotContain(greenNo);
        JsonNode disclosed = null;
        for (JsonNode d : bank.get("/api/v1/policy/carbon-disclosures").json()) {
            disclosed = d;
        }
        assertThat(disclosed).as("the bank's own disclosure only").isNotNull();
        BigDecimal co2 = jdbc.sql("""
                        SELECT sum(c.co2_tonnes) FROM policy_carbon_reduction c JOIN loan l ON l.id = c.loan_id
                         WHERE c.institution_id = :i AND extract(year FROM l.disbursed_on) = :y""")
                .param("i", disclosed.get("institutionId").asLong()).param("y", businessDate.today().getYear())
                .query(BigDecimal.class).single();
        assertThat(disclosed.get("co2Tonnes").decimalValue()).isEqualByComparingTo(co2);
        assertThat(bank.get("/api/v1/policy/carbon-disclosures?year=1999").status()).isEqualTo(422);

        JsonNode figures = bank.get("/api/v1/policy/dashboard").json().get("green");
        BigDecimal greenBalance = BigDecimal.ZERO;
        BigDecimal carbonBalance = BigDecimal.ZERO;
        for (JsonNode g : figures) {
            if ("REGION".equals(g.get("dimension").asString())) {
                greenBalance = greenBalance.add(g.get("greenBalance").decimalValue());
                carbonBalance = carbonBalance.add(g.get("carbonBalance").decimalValue());
            }
        }
        BigDecimal expected = jdbc.sql("""
                        SELECT coalesce(sum(l.principal_outstanding), 0) FROM loan l
                         WHERE l.institution_id = :i AND l.green_catalogue_code IS NOT NULL AND l.principal_outstanding > 0""")
                .param("i", disclosed.get("institutionId").asLong()).query(BigDecimal.class).single();
        assertThat(greenBalance).as("the provinces add up to the bank's green loans outstanding").isEqualByComparingTo(expected);
        assertThat(carbonBalance).isGreaterThanOrEqualTo(new BigDecimal("1600000.00"));
    }

    @Test
    void the_demo_carbon_tool_ledger_takes_the_verified_retrofit_loan_and_leaves_out_the_others_saying_why() throws Exception {
        Api bank3 = Api.as(port, "bank3");
        JsonNode page = bank3.get("/api/v1/policy/ledgers?programme=PBOC-CARBON").json();
        assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode ledger = bank3.get("/api/v1/policy/ledgers/" + page.get("items").get(0).get("id").asLong()).json();
        assertThat(ledger.get("status").asString()).isEqualTo("BOOKED");
        assertThat(ledger.get("qualifying").asInt()).isEqualTo(1);
        // 60 % of the 2,000,000.00 retrofit loan
        assertThat(ledger.get("relendingAmount").decimalValue()).isEqualByComparingTo("1200000.00");
        assertThat(ledger.get("lines").toString()).contains("policy.line.green");
        JsonNode reductions = Api.as(port, "regulator").get("/api/v1/policy/carbon-reductions").json();
        assertThat(reductions.toString()).contains("榕城低碳认证有限公司", "12500.0");
        String page2 = cn.chanrong.support.Workbench.loggedIn(port, "regulator").get("/policy/dashboard").body();
        assertThat(page2).contains("id=\"dashboard-green-region\"", "id=\"dashboard-carbon\"", "启元银行股份有限公司",
                "12,500.00", "两高一资");
    }

    @Test
    void a_bank_officer_records_the_reduction_in_the_workbench_choosing_the_loan_from_its_green_book() throws Exception {
        LendingSteps steps = new LendingSteps(port, jdbc);
        long green = steps.disbursedGreenLoan(steps.borrower(), "1300000.00", businessDate.today().minusDays(2).toString(), "2");
        String number = steps.loan(green).get("number").asString();
        var officer = cn.chanrong.support.Workbench.loggedIn(port, "bank");
        String page = officer.get("/policy/dashboard").body();
        assertThat(page).contains("id=\"carbon-form\"", "value=\"" + number + "\"");
        var bad = officer.post("/policy/carbon-reductions", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(page),
                "loan", number, "co2Tonnes", "1e3", "verifier", "测试核证机构", "verifiedOn", "2026-06-01",
                "verificationMethod", "基准线法"));
        String after = officer.get("/policy/dashboard").body();
        assertThat(after).contains("id=\"problems\"", "年碳减排量（吨）");
        officer.post("/policy/carbon-reductions", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(after),
                "loan", number, "co2Tonnes", "950.50", "verifier", "测试核证机构", "verifiedOn", "2026-06-01",
                "verificationMethod", "基准线法"));
        String saved = officer.get("/policy/dashboard").body();
        assertThat(saved).contains("id=\"carbon-saved\"", "950.50").doesNotContain("value=\"" + number + "\"");
        assertThat(bad.statusCode()).isEqualTo(302);
    }
}
