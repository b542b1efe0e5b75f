package cn.chanrong.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Fixtures;
import cn.chanrong.support.IntegrationTest;
import cn.chanrong.support.Workbench;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The administration and product screens through the real filter chain. */
@IntegrationTest
class AdminAndProductPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void an_administrator_adds_a_user_and_a_bad_one_is_refused_with_reasons() throws Exception {
        Workbench admin = Workbench.loggedIn(port, "admin");
        String page = admin.get("/admin?lang=zh").body();
        assertThat(page).contains("bank-approver").contains("regulator-gd");
        String name = "ops-" + UUID.randomUUID().toString().substring(0, 6);
        var ok = admin.post("/admin/users", Map.of("_csrf", Workbench.csrf(page), "username", name, "password", "demo",
                "displayName", "运维", "role", "REGULATOR", "department", "NDRC", "regionCode", "320000"));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin").body()).contains(name);
        var bad = admin.post("/admin/users", Map.of("_csrf", Workbench.csrf(page), "username", "Bad Name", "password", "x",
                "displayName", "x", "role", "ENTERPRISE", "enterpriseId", "99999999"));
        assertThat(bad.statusCode()).isEqualTo(302);
        String after = admin.get("/admin").body();
        assertThat(after).contains("用户名“Bad Name”").contains("企业用户需要一个已登记的企业");
        Workbench regulator = Workbench.loggedIn(port, name);
        assertThat(regulator.get("/admin").statusCode()).isEqualTo(403);
    }

    @Test
    void institutions_are_listed_and_registered() throws Exception {
        Workbench admin = Workbench.loggedIn(port, "admin");
        String page = admin.get("/admin/institutions").body();
        assertThat(page).contains("闽江城市商业银行股份有限公司");
        String code = Fixtures.freshCreditCode("110100");
        admin.post("/admin/institutions", Map.of("_csrf", Workbench.csrf(page), "creditCode", code,
                "name", "京华融资担保有限公司", "type", "GOVERNMENT_GUARANTEE_AGENCY"));
        assertThat(admin.get("/admin/institutions").body()).contains("京华融资担保有限公司").contains("政府性融资担保机构");
    }

    @Test
    void an_operator_creates_a_product_in_the_workbench_and_tests_an_enterprise() throws Exception {
        Workbench bank = Workbench.loggedIn(port, "bank");
        String form = bank.get("/products/new?lang=zh").body();
        Map<String, String> fields = new HashMap<>();
        fields.put("_csrf", Workbench.csrf(form));
        fields.put("type", "WORKING_CAPITAL_LOAN");
        fields.put("code", "WB-" + UUID.randomUUID().toString().substring(0, 6));
        fields.put("name", "工作台流贷");
        fields.put("minAmount", "100000");
        fields.put("maxAmount", "3000000");
        fields.put("minTermMonths", "3");
        fields.put("maxTermMonths", "40");
        fields.put("pricing", "LPR_SPREAD");
        fields.put("spreadMinBp", "10");
        fields.put("spreadMaxBp", "80");
        fields.put("security", "CREDIT");
        fields.put("clauses", "小微企业 | Micro or small | e.sizeClass in [\"MICRO\", \"SMALL\"]\n坏的 | Broken | e.ageYears >=");
        var refused = bank.post("/products/new", fields);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("超过WORKING_CAPITAL_LOAN类产品的最长期限36个月").contains("第2条准入条件“坏的”无法编译");
        fields.put("maxTermMonths", "24");
        fields.put("clauses", "小微企业 | Micro or small | e.sizeClass in [\"MICRO\", \"SMALL\"]");
        var created = bank.post("/products/new", fields);
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        Matcher m = Pattern.compile("/products/(\\d+)").matcher(location);
        assertThat(m.find()).isTrue();
        String detail = bank.get("/products/" + m.group(1)).body();
        assertThat(detail).contains("草稿");
        bank.post("/products/" + m.group(1) + "/publish", Map.of("_csrf", Workbench.csrf(detail)));
        assertThat(bank.get("/products/" + m.group(1)).body()).contains("已发布");

        String coreCode = cn.chanrong.support.Api.as(port, "core").get("/api/v1/enterprises").json().get("items").get(0)
                .get("creditCode").asString();
        String tested = bank.get("/products/" + m.group(1) + "?enterprise=" + coreCode).body();
        assertThat(tested).contains("不满足部分准入条件").contains("data-passed=\"false\"");
    }
}
