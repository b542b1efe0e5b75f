package cn.chanrong.lending;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.IntegrationTest;
import cn.chanrong.support.Workbench;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The loan's life through the workbench forms, as a credit officer and an approver click through it. */
@IntegrationTest
class LendingPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static Map<String, String> form(String page, String... pairs) {
        Map<String, String> m = new HashMap<>();
        m.put("_csrf", Workbench.csrf(page));
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static String location(java.net.http.HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
    }

    @Test
    void an_application_is_submitted_approved_contracted_disbursed_and_repaid_through_the_workbench() throws Exception {
        LendingSteps steps = new LendingSteps(port, jdbc);
        long borrower = steps.borrower();
        Workbench officer = Workbench.loggedIn(port, "bank");
        String newPage = officer.get("/loan-applications/new").body();
        assertThat(newPage).contains("提交申请", "MJ-ZJTX-01", "name=\"borrower\"").doesNotContain("name=\"borrowerId\"")
                .doesNotContain("name=\"facilityId\" type=\"number\"")
                .as("the demo's line on the core enterprise, offered by name").contains("闽江重型装备集团股份有限公司 — ");
        String code = jdbc.sql("SELECT credit_code FROM enterprise WHERE id = :id").param("id", borrower).query(String.class)
                .single();
        String unknown = officer.post("/loan-applications/new", form(newPage, "productId",
                Long.toString(steps.product("MJ-ZJTX-01")), "borrower", "没有这家企业有限公司", "amount", "1200000"))
                .headers().firstValue("Location").orElse("");
        assertThat(officer.get(unknown.replaceFirst("^https?://[^/]+", "")).body()).contains("没有这家企业有限公司");
        assertThat(officer.get("/loan-applications/borrowers?borrower=" + java.net.URLEncoder.encode("闽江重型",
                java.nio.charset.StandardCharsets.UTF_8)).body()).contains("闽江重型装备集团股份有限公司");
        String app = location(officer.post("/loan-applications/new", form(newPage, "productId",
                Long.toString(steps.product("MJ-ZJTX-01")), "borrower", code, "amount", "1200000",
                "termMonths", "12", "rateType", "LPR_1Y", "spreadBp", "50", "method", "EQUAL_PRINCIPAL", "purpose",
                "WORKING_CAPITAL", "paymentMode", "SELF")));
        assertThat(app).matches("/loan-applications/\\d+");

        String appPage = officer.get(app).body();
        assertThat(appPage).contains("调查", "审批", "审批中", "授信决策", "本机构尚未对该企业运行授信决策");
        assertThat(location(officer.post(app + "/act", form(appPage, "decision", "PASS", "comment", "实地调查，经营正常"))))
                .isEqualTo(app);
        assertThat(officer.get(app).body()).as("the officer may not approve").doesNotContain("id=\"act-form\"");

        Workbench approver = Workbench.loggedIn(port, "bank-approver");
        String forApprover = approver.get(app).body();
        location(approver.post(app + "/act", form(forApprover, "decision", "PASS", "comment", "同意")));
        String approved = approver.get(app).body();
        assertThat(approved).contains("已批准", "contract-form");
        String loan = location(approver.post(app + "/contract", form(approved)));
        assertThat(loan).matches("/loans/\\d+");

        String contracted = officer.get(loan).body();
        assertThat(contracted).contains("已签合同", "disburse-form");
        location(officer.post(loan + "/disburse", form(contracted, "valueDate", "2026-01-20")));
        String active = officer.get(loan).body();
        assertThat(active).contains("存续", "2026-02-20", "repay-form", "已保存");

        location(officer.post(loan + "/repay", form(active, "amount", "999999999", "valueDate", "2026-02-20",
                "type", "REPAYMENT")));
        String refused = officer.get(loan).body();
        assertThat(refused).contains("超过当前应还金额");
        location(officer.post(loan + "/repay", form(refused, "amount", "1e5", "valueDate", "2026-02-20",
                "type", "REPAYMENT")));
        refused = officer.get(loan).body();
        assertThat(refused).as("a malformed amount is shown on the page, nothing paid").contains("不是十进制金额");
        location(officer.post(loan + "/repay", form(refused, "amount", "103500.00", "valueDate", "2026-02-20",
                "type", "REPAYMENT")));
        String repaid = officer.get(loan + "?lang=en").body();
        assertThat(repaid).contains("Repayment", "1,100,000.00", "Schedule");

        String book = officer.get("/loans?status=ACTIVE").body();
        assertThat(book).contains(loan);
        assertThat(Workbench.loggedIn(port, "enterprise").get(loan).statusCode()).as("not the enterprise's loan")
                .isEqualTo(404);
        assertThat(Workbench.loggedIn(port, "regulator").get("/loans").statusCode()).isEqualTo(200);
    }
}
