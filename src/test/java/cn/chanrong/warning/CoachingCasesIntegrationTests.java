package cn.chanrong.warning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.lending.LendingSteps;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20 §5: the local office's one-to-one case — its checklist supplied each by its supplier, an expert's review with
 * the conflict rule, the outcome a loan to the case's enterprise — read by the office's region, the enterprise and the
 * assigned specialists' institutions only; and the demo's case, financed.
 */
@IntegrationTest
class CoachingCasesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessDate businessDate;

    private String creditCode(long enterprise) {
        return jdbc.sql("SELECT credit_code FROM enterprise WHERE id = :id").param("id", enterprise).query(String.class).single();
    }

    @Test
    void the_demo_case_has_its_missing_document_supplied_an_experts_support_and_a_loan() {
        JsonNode page = Api.as(port, "regulator-gd").get("/api/v1/warning/cases").json();
        assertThat(page.get("total").asInt()).isPositive();
        JsonNode c = page.get("items").get(0);
        assertThat(c.get("status").asString()).isEqualTo("FINANCED");
        assertThat(c.get("outcomeLoan").asString()).startsWith("L");
        assertThat(c.get("missing").asInt()).isZero();
        assertThat(c.get("reviews").get(0).get("recommendation").asString()).isEqualTo("SUPPORT");
        assertThat(c.get("specialists").get(0).get("institutionName").asString()).isEqualTo("启元银行股份有限公司");
        long id = c.get("id").asLong();
        assertThat(Api.as(port, "bank3").get("/api/v1/warning/cases/" + id).status()).as("its specialist's bank").isEqualTo(200);
        assertThat(Api.as(port, "bank").get("/api/v1/warning/cases/" + id).status()).isEqualTo(404);
        assertThat(Api.as(port, "regulator-fj").get("/api/v1/warning/cases/" + id).status()).as("not MIIT").isEqualTo(404);
        assertThat(Api.as(port, "regulator-miit").get("/api/v1/warning/cases/" + id).status()).isEqualTo(200);
        JsonNode funnel = Api.as(port, "regulator-gd").get("/api/v1/warning/cases/funnel").json();
        assertThat(funnel.get("financed").asInt()).isPositive();
    }

    @Test
    void the_workbench_opens_a_case_by_the_firms_name_and_works_it_through_to_the_loan() throws Exception {
        var office = cn.chanrong.support.Workbench.loggedIn(port, "regulator-miit");
        String list = office.get("/warning/cases").body();
        assertThat(list).contains("id=\"case-funnel\"", "id=\"cases\"", "id=\"case-open\"", "已落地融资");
        String later = businessDate.today().plusDays(20).toString();
        // the demo SME by its name; a refused form keeps what was typed
        var refused = office.post("/warning/cases", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(list),
                "enterprise", "福州精工数控机床有限公司", "project", "五轴加工中心扩产", "financingNeed", "2e7", "dueOn", later));
        assertThat(refused.statusCode()).isEqualTo(302);
        String again = office.get("/warning/cases").body();
        assertThat(again).contains("id=\"problems\"", "value=\"五轴加工中心扩产\"");
        var made = office.post("/warning/cases", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(again),
                "enterprise", "福州精工数控机床有限公司", "project", "五轴加工中心扩产", "financingNeed", "20000000.00",
                "dueOn", later, "itemName", "项目备案证明", "itemSupplier", "OFFICE", "itemDueOn", later));
        assertThat(made.statusCode()).isEqualTo(302);
        String location = made.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(location).matches("/warning/cases/\\d+");
        String page = office.get(location).body();
        assertThat(page).contains("id=\"case-items\"", "项目备案证明", "尚未提供", "id=\"outcome-form\"");
        long caseId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        long item = jdbc.sql("SELECT id FROM warning_case_item WHERE case_id = :c").param("c", caseId).query(Long.class).single();
        var supplied = office.post("/warning/case-items/" + item + "/supply?caseId=" + caseId,
                Map.of("_csrf", cn.chanrong.support.Workbench.csrf(page)));
        assertThat(supplied.statusCode()).isEqualTo(302);
        page = office.get(location).body();
        assertThat(page).doesNotContain("尚未提供");
        String loan = jdbc.sql("""
                        SELECT l.number FROM loan l JOIN app_user u ON u.enterprise_id = l.borrower_id
                         WHERE u.username = 'enterprise' AND l.disbursed_on IS NOT NULL ORDER BY l.id LIMIT 1""")
                .query(String.class).single();
        office.post("/warning/cases/" + caseId + "/outcome", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(page),
                "loanNumber", loan));
        page = office.get(location).body();
        assertThat(page).contains("id=\"case-outcome\"", loan, "已落地融资");
        // the enterprise reads its case; another province's bank does not
        assertThat(cn.chanrong.support.Workbench.loggedIn(port, "enterprise").get(location).body()).contains("五轴加工中心扩产");
        assertThat(cn.chanrong.support.Workbench.loggedIn(port, "bank3").get(location).statusCode()).isEqualTo(404);
    }

    @Test
    void a_case_closes_on_an_equity_deal_invested_in_its_enterprise() {
        Api office = Api.as(port, "regulator-miit").header("Accept-Language", "en");
        long sme = jdbc.sql("SELECT enterprise_id FROM app_user WHERE username = 'enterprise'").query(Long.class).single();
        String later = businessDate.today().plusDays(30).toString();
        var opened = office.post("/api/v1/warning/cases", Map.of("enterprise", creditCode(sme), "project", "B轮股权融资辅导",
                "financingNeed", "40000000.00", "dueOn", later, "items", List.of(Map.of("name", "商业计划书",
                        "supplier", "ENTERPRISE", "dueOn", later))));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        long id = opened.json().get("id").asLong();
        String invested = jdbc.sql("SELECT number FROM capital_deal WHERE enterprise_id = :e AND stage = 'INVESTED' LIMIT 1")
                .param("e", sme).query(String.class).single();
        String declined = jdbc.sql("SELECT number FROM capital_deal WHERE stage = 'DECLINED' LIMIT 1").query(String.class)
                .single();
        var wrong = office.post("/api/v1/warning/cases/" + id + "/outcome", Map.of("deal", declined));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("warning.case.deal", "\"field\":\"deal\"");
        var both = office.post("/api/v1/warning/cases/" + id + "/outcome", Map.of("deal", invested, "loan", "L1"));
        assertThat(both.status()).isEqualTo(422);
        var done = office.post("/api/v1/warning/cases/" + id + "/outcome", Map.of("deal", invested));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("status").asString()).isEqualTo("FINANCED");
        assertThat(done.json().get("outcomeDeal").asString()).isEqualTo(invested);
        assertThat(done.json().get("outcomeLoan").isNull()).isTrue();
    }

    @Test
    void each_requirement_is_supplied_by_its_supplier_a_conflicted_expert_recuses_and_the_outcome_is_the_firms_loan() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        long firm = steps.borrower();
        String today = businessDate.today().toString();
        String later = businessDate.today().plusDays(20).toString();
        Api office = Api.as(port, "regulator-miit").header("Accept-Language", "en");
        var bad = office.post("/api/v1/warning/cases", Map.of("enterprise", creditCode(firm), "project", "x",
                "financingNeed", "1e6", "dueOn", "2020-01-01", "items", List.of()));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).as("money text is strict at the edge").contains("\"field\":\"financingNeed\"");
        var rules = office.post("/api/v1/warning/cases", Map.of("enterprise", creditCode(firm), "project", "x",
                "financingNeed", "1000000.00", "dueOn", "2020-01-01", "items", List.of()));
        assertThat(rules.status()).isEqualTo(422);
        assertThat(rules.body()).contains("\"field\":\"project\"", "\"field\":\"dueOn\"", "\"field\":\"items\"");
        var gd = Api.as(port, "regulator-gd").post("/api/v1/warning/cases", Map.of("enterprise", creditCode(firm),
                "project", "跨省项目", "financingNeed", "1000000.00", "dueOn", later,
                "items", List.of(Map.of("name", "立项备案", "supplier", "OFFICE", "dueOn", later))));
        assertThat(gd.status()).as("a Fujian firm is not Guangdong's bureau's").isEqualTo(422);
        assertThat(Api.as(port, "regulator").post("/api/v1/warning/cases", Map.of()).status()).isEqualTo(403);

        var opened = office.post("/api/v1/warning/cases", Map.of("enterprise", creditCode(firm), "project", "高端数控机床扩产",
                "financingNeed", "20000000.00", "dueOn", later, "items", List.of(
                        Map.of("name", "项目备案证明", "supplier", "OFFICE", "dueOn", today),
                        Map.of("name", "近三年审计报告", "supplier", "ENTERPRISE", "dueOn", later),
                        Map.of("name", "授信调查报告", "supplier", "INSTITUTION", "dueOn", later))));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        JsonNode c = opened.json();
        long id = c.get("id").asLong();
        assertThat(c.get("missing").asInt()).isEqualTo(3);
        long officeItem = c.get("items").get(0).get("id").asLong();
        long bankItem = c.get("items").get(2).get("id").asLong();
        assertThat(Api.as(port, "bank").post("/api/v1/warning/case-items/" + bankItem + "/supply", null).status())
                .as("no specialist of the bank on the case: not its case").isEqualTo(404);
        assertThat(office.post("/api/v1/warning/case-items/" + officeItem + "/supply", null).status()).isEqualTo(200);
        assertThat(office.post("/api/v1/warning/case-items/" + officeItem + "/supply", null).status()).isEqualTo(409);

        long expert = office.post("/api/v1/experts", Map.of("name", "测试专家", "organisation", "测试研究院", "fields", "工业母机"))
                .json().get("id").asLong();
        var conflicted = office.post("/api/v1/warning/cases/" + id + "/reviews", Map.of("expert", expert, "conflict", true,
                "recommendation", "SUPPORT", "opinion", "本人曾任该企业顾问"));
        assertThat(conflicted.status()).isEqualTo(422);
        assertThat(conflicted.body()).contains("warning.case.conflicted");
        var recused = office.post("/api/v1/warning/cases/" + id + "/reviews", Map.of("expert", expert, "conflict", true,
                "opinion", "本人曾任该企业顾问，申请回避"));
        assertThat(recused.status()).as(recused.body()).isEqualTo(200);
        assertThat(recused.json().get("reviews").get(0).get("conflict").asBoolean()).isTrue();
        assertThat(office.post("/api/v1/warning/cases/" + id + "/reviews", Map.of("expert", expert, "conflict", false,
                "recommendation", "SUPPORT", "opinion", "again")).status()).isEqualTo(409);

        long other = steps.disbursedLoan(steps.borrower(), null, "1000000.00", 12, "EQUAL_PRINCIPAL", today);
        var wrong = office.post("/api/v1/warning/cases/" + id + "/outcome", Map.of("loan", steps.loan(other).get("number")
                .asString()));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("warning.case.loan");
        long loan = steps.disbursedLoan(firm, null, "1000000.00", 12, "EQUAL_PRINCIPAL", today);
        var financed = office.post("/api/v1/warning/cases/" + id + "/outcome", Map.of("loan", steps.loan(loan).get("number")
                .asString()));
        assertThat(financed.status()).as(financed.body()).isEqualTo(200);
        assertThat(financed.json().get("status").asString()).isEqualTo("FINANCED");
    }
}
