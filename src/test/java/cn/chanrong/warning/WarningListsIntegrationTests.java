package cn.chanrong.warning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.lending.LendingSteps;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.support.Api;
import cn.chanrong.support.Fixtures;
import cn.chanrong.support.IntegrationTest;
import cn.chanrong.support.Workbench;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20 §1: a regulator's high-risk list, refused whole on a bad row, matched to the institutions exposed on the risk
 * obligor and its group; each answers once; the amounts only for the bank and the financial regulators; a confidential
 * list only for its department and the banks exposed; a regional regulator only in its region.
 */
@IntegrationTest
class WarningListsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessDate businessDate;

    private String creditCode(long enterprise) {
        return jdbc.sql("SELECT credit_code FROM enterprise WHERE id = :id").param("id", enterprise).query(String.class).single();
    }

    private Api.Response publish(String user, String query, String csv) {
        return Api.as(port, user).header("Accept-Language", "en").postText("/api/v1/warning/lists?" + query, "text/csv", csv);
    }

    private static final String HEADER = "title=Test%20list&reason=Test%20reason&severity=HIGH&answerDays=5";

    @Test
    void a_list_with_a_bad_row_is_refused_whole_and_only_issuing_departments_publish() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        long borrower = steps.borrower();
        long before = jdbc.sql("SELECT count(*) FROM warning_list").query(Long.class).single();
        String csv = "credit_code,project_name,reason\n" + creditCode(borrower) + ",,ok\n" + Fixtures.freshCreditCode("350100")
                + ",,unknown\n91350100MA00000000,,malformed\n";
        var refused = publish("regulator-miit", HEADER, csv);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("warning.list.unknown-enterprise", "credit-code.check", "\"line\":3", "\"line\":4");
        assertThat(jdbc.sql("SELECT count(*) FROM warning_list").query(Long.class).single()).isEqualTo(before);

        assertThat(publish("bank", HEADER, "credit_code,project_name,reason\n" + creditCode(borrower) + ",,x\n").status())
                .isEqualTo(403);
        assertThat(publish("regulator-mof", HEADER, "credit_code,project_name,reason\n" + creditCode(borrower) + ",,xx\n")
                .status()).as("the finance department issues no risk list").isEqualTo(403);
        var gd = publish("regulator-gd", HEADER, "credit_code,project_name,reason\n" + creditCode(borrower) + ",,xx\n");
        assertThat(gd.status()).isEqualTo(422);
        assertThat(gd.body()).as("Guangdong's office names Guangdong firms only").contains("warning.list.outside-region");
        var badHeader = publish("regulator-miit", "title=x&severity=SEVERE", "credit_code,project_name,reason\n");
        assertThat(badHeader.status()).isEqualTo(422);
        assertThat(badHeader.body()).contains("\"field\":\"severity\"");
    }

    @Test
    void the_agency_that_guaranteed_a_listed_firms_loan_is_exposed_for_the_amount_it_guaranteed() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        long borrower = steps.borrower();
        long loan = steps.disbursedLoan(borrower, null, "1000000.00", 12, "EQUAL_PRINCIPAL",
                businessDate.today().minusDays(30).toString());
        String agencyCode = jdbc.sql("""
                        SELECT i.credit_code FROM institution i JOIN app_user u ON u.institution_id = i.id
                         WHERE u.username = 'guarantor'""").query(String.class).single();
        var guaranteed = Api.as(port, "bank").post("/api/v1/policy/guarantees", Map.of("programme", "NFGF-20-40-20-20",
                "loan", steps.loan(loan).get("number").asString(), "agency", agencyCode, "feePercent", "0.8"));
        assertThat(guaranteed.status()).as(guaranteed.body()).isEqualTo(201);
        BigDecimal amount = guaranteed.json().get("amount").decimalValue();
        var published = publish("regulator-fj", HEADER, "credit_code,project_name,reason\n" + creditCode(borrower)
                + ",,担保代偿风险\n");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        long list = published.json().get("list").get("id").asLong();
        JsonNode mine = Api.as(port, "guarantor").get("/api/v1/warning/lists/" + list + "/exposures").json();
        assertThat(mine.get("total").asInt()).isEqualTo(1);
        JsonNode x = mine.get("items").get(0);
        assertThat(x.get("guaranteed").decimalValue()).isEqualByComparingTo(amount);
        assertThat(x.get("loans").asInt()).as("the agency lent nothing").isZero();
        assertThat(x.get("via").asString()).isEqualTo("OBLIGOR");
        JsonNode miit = Api.as(port, "regulator-miit").get("/api/v1/warning/lists/" + list + "/exposures").json();
        assertThat(miit.get("items")).allSatisfy(e -> assertThat(e.get("guaranteed").isNull()).isTrue());
    }

    @Test
    void an_investor_in_a_listed_firm_is_exposed_for_the_equity_it_invested() {
        // the demo's venture-capital manager invested 40 million in the demo SME
        long sme = jdbc.sql("SELECT enterprise_id FROM app_user WHERE username = 'enterprise'").query(Long.class).single();
        var published = publish("regulator-fj", HEADER, "credit_code,project_name,reason\n" + creditCode(sme)
                + ",,核查股权融资用途\n");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        long list = published.json().get("list").get("id").asLong();
        var answer = Api.as(port, "investor").get("/api/v1/warning/lists/" + list + "/exposures");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode mine = answer.json();
        assertThat(mine.get("total").asInt()).isEqualTo(1);
        assertThat(mine.get("items").get(0).get("invested").decimalValue()).isEqualByComparingTo("40000000.00");
        assertThat(Api.as(port, "investor2").get("/api/v1/warning/lists/" + list).status())
                .as("the guidance fund invested in nothing listed: the list is not its own").isEqualTo(404);
    }

    @Test
    void each_exposed_bank_answers_once_and_sees_only_its_own_the_industry_department_never_the_amounts() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        long borrower = steps.borrower();
        long loan = steps.disbursedLoan(borrower, null, "1200000.00", 12, "EQUAL_PRINCIPAL",
                businessDate.today().minusDays(30).toString());
        var published = publish("regulator-miit", HEADER, "credit_code,project_name,reason\n" + creditCode(borrower)
                + ",智能产线项目,资金链断裂风险\n");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        long list = published.json().get("list").get("id").asLong();
        assertThat(published.json().get("list").get("number").asString()).matches("YJ\\d{4}\\d{6}");

        JsonNode bankView = Api.as(port, "bank").get("/api/v1/warning/lists/" + list + "/exposures").json();
        assertThat(bankView.get("total").asInt()).isEqualTo(1);
        JsonNode mine = bankView.get("items").get(0);
        BigDecimal outstanding = jdbc.sql("SELECT principal_outstanding FROM loan WHERE id = :id").param("id", loan)
                .query(BigDecimal.class).single();
        assertThat(mine.get("loanBalance").decimalValue()).isEqualByComparingTo(outstanding);
        assertThat(mine.get("via").asString()).isEqualTo("OBLIGOR");
        assertThat(mine.get("status").asString()).isEqualTo("OPEN");

        assertThat(Api.as(port, "bank2").get("/api/v1/warning/lists/" + list).status()).as("not exposed: not its list")
                .isEqualTo(404);
        assertThat(Api.as(port, "bank2").post("/api/v1/warning/exposures/" + mine.get("id").asLong() + "/answer",
                Map.of("action", "EXIT", "note", "不是我们的")).status()).isEqualTo(404);
        JsonNode miit = Api.as(port, "regulator-miit").get("/api/v1/warning/lists/" + list + "/exposures").json();
        assertThat(miit.get("items").get(0).get("institutionName").asString()).isEqualTo("闽江城市商业银行股份有限公司");
        assertThat(miit.get("items").get(0).get("loanBalance").isNull()).as("MIIT never sees the amounts").isTrue();
        JsonNode pboc = Api.as(port, "regulator").get("/api/v1/warning/lists/" + list + "/exposures").json();
        assertThat(pboc.get("items").get(0).get("loanBalance").decimalValue()).isEqualByComparingTo(outstanding);

        Api bank = Api.as(port, "bank").header("Accept-Language", "en");
        String at = "/api/v1/warning/exposures/" + mine.get("id").asLong() + "/answer";
        var bad = bank.post(at, Map.of("action", "PANIC", "note", "x"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"action\"", "\"field\":\"note\"");
        var answered = bank.post(at, Map.of("action", "MONITOR", "note", "已核查，借款人经营正常，按月跟踪"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().get("status").asString()).isEqualTo("ANSWERED");
        assertThat(answered.json().get("late").asBoolean()).isFalse();
        assertThat(bank.post(at, Map.of("action", "EXIT", "note", "再次反馈")).status()).as("once").isEqualTo(409);
        JsonNode after = Api.as(port, "regulator-miit").get("/api/v1/warning/lists/" + list).json();
        assertThat(after.get("list").get("answered").asInt()).isEqualTo(1);
        assertThat(after.get("entries").get(0).get("projectName").asString()).isEqualTo("智能产线项目");
    }

    @Test
    void a_confidential_list_is_its_departments_and_the_exposed_banks_only() {
        LendingSteps steps = new LendingSteps(port, jdbc);
        long borrower = steps.borrower();
        steps.disbursedLoan(borrower, null, "1100000.00", 12, "EQUAL_PRINCIPAL", businessDate.today().minusDays(20).toString());
        var published = publish("regulator-miit", HEADER + "&confidential=true", "credit_code,project_name,reason\n"
                + creditCode(borrower) + ",,涉密线索\n");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        long list = published.json().get("list").get("id").asLong();
        assertThat(Api.as(port, "regulator").get("/api/v1/warning/lists/" + list).status()).isEqualTo(404);
        assertThat(Api.as(port, "regulator").get("/api/v1/warning/exposures?size=200").body())
                .doesNotContain("\"listId\":" + list + ",");
        assertThat(Api.as(port, "bank").get("/api/v1/warning/lists/" + list).status()).isEqualTo(200);
        assertThat(Api.as(port, "regulator-miit").get("/api/v1/warning/lists/" + list).status()).isEqualTo(200);
    }

    @Test
    void the_demo_list_has_two_banks_exposed_one_answered_late_and_stays_in_its_region() throws Exception {
        JsonNode lists = Api.as(port, "regulator-fj").get("/api/v1/warning/lists?size=200").json();
        JsonNode demo = null;
        for (JsonNode l : lists.get("items")) {
            if (l.get("title").asString().startsWith("福建辖内高风险企业提示")) {
                demo = l;
            }
        }
        assertThat(demo).as(lists.toString()).isNotNull();
        JsonNode exposures = Api.as(port, "regulator-fj").get("/api/v1/warning/lists/" + demo.get("id").asLong()
                + "/exposures").json();
        assertThat(exposures.get("total").asInt()).isGreaterThanOrEqualTo(2);
        int late = 0;
        int onTime = 0;
        for (JsonNode x : exposures.get("items")) {
            if ("ANSWERED".equals(x.get("status").asString())) {
                if (x.get("late").asBoolean()) {
                    late++;
                } else {
                    onTime++;
                }
            }
        }
        assertThat(late).isPositive();
        assertThat(onTime).isPositive();
        assertThat(Api.as(port, "regulator-gd").get("/api/v1/warning/lists/" + demo.get("id").asLong()).status())
                .as("Guangdong's office does not see Fujian's list").isEqualTo(404);
        String page = Workbench.loggedIn(port, "regulator-fj").get("/warning/lists/" + demo.get("id").asLong()).body();
        assertThat(page).contains("id=\"exposures\"", "逾期反馈", "海峡农村商业银行股份有限公司");
        String inbox = Workbench.loggedIn(port, "bank").get("/warning/lists").body();
        assertThat(inbox).contains("id=\"warning-lists\"", "福建辖内高风险企业提示");
    }

    @Test
    void a_confirmed_diversion_reported_by_the_lender_reaches_every_regulator_of_the_region_once() {
        JsonNode national = Api.as(port, "regulator-miit").get("/api/v1/warning/reports?size=200").json();
        assertThat(national.get("total").asInt()).as("the demo's round trip, reported").isPositive();
        JsonNode report = national.get("items").get(0);
        assertThat(report.get("institutionName").asString()).isEqualTo("闽江城市商业银行股份有限公司");
        assertThat(report.toString()).doesNotContain("loanNumber", "amount");
        assertThat(Api.as(port, "bank2").get("/api/v1/warning/reports?size=200").json().get("total").asInt())
                .as("another bank sees none of it").isZero();
        String caseNumber = report.get("caseNumber").asString();
        long alert = -1;
        for (JsonNode a : Api.as(port, "bank").get("/api/v1/monitoring/alerts?status=CONFIRMED&size=200").json().get("items")) {
            if (caseNumber.equals(a.get("caseNumber").asString())) {
                alert = a.get("id").asLong();
            }
        }
        var again = Api.as(port, "bank-approver").header("Accept-Language", "en").post("/api/v1/monitoring/alerts/" + alert
                + "/actions", Map.of("action", "REPORT_TO_WARNING", "reason", "再次报送"));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("warning.report.already", caseNumber);
        assertThat(Api.as(port, "regulator-miit").get("/api/v1/warning/reports?size=200").json().get("total").asInt())
                .isEqualTo(national.get("total").asInt());
    }
}
