package cn.chanrong.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.Fixtures;
import cn.chanrong.support.IntegrationTest;
import cn.chanrong.support.Workbench;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class EnterpriseDetailsIntegrationTests {

    @LocalServerPort
    int port;

    Api admin() {
        return Api.as(port, "admin");
    }

    long fresh() {
        return admin().post("/api/v1/enterprises", Fixtures.enterprise(Fixtures.freshCreditCode("350100"))).json()
                .get("id").asLong();
    }

    long smeId() {
        return Api.as(port, "enterprise").get("/api/v1/enterprises").json().get("items").get(0).get("id").asLong();
    }

    static Map<String, Object> statement(String revenue, String main, String assets, String liabilities, String equity) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("revenue", revenue);
        m.put("mainBusinessRevenue", main);
        m.put("rdExpense", "1200000");
        m.put("rdStaff", 12);
        m.put("netProfit", "-350000.50");
        m.put("totalAssets", assets);
        m.put("totalLiabilities", liabilities);
        m.put("equity", equity);
        m.put("ipClass1", 3);
        m.put("ipClass2", 9);
        return m;
    }

    List<String> fields(Api.Response r) {
        List<String> out = new ArrayList<>();
        r.json().get("errors").forEach(e -> out.add(e.get("field").asString()));
        return out;
    }

    @Test
    void a_statement_must_balance_and_stay_within_its_own_figures() {
        long id = fresh();
        var unbalanced = admin().put("/api/v1/enterprises/" + id + "/annual-statements/2024",
                statement("50000000", "60000000", "80000000", "30000000", "49000000"));
        assertThat(unbalanced.status()).isEqualTo(422);
        assertThat(fields(unbalanced)).containsExactly("mainBusinessRevenue", "equity");
        assertThat(unbalanced.json().get("errors").get(1).get("message").asString()).contains("80000000.00")
                .contains("30000000.00").contains("49000000");
        var tooMany = statement("50000000", "45000000", "80000000", "30000000", "50000000");
        tooMany.put("rdStaff", 500);
        assertThat(fields(admin().put("/api/v1/enterprises/" + id + "/annual-statements/2024", tooMany)))
                .containsExactly("rdStaff");
        assertThat(fields(admin().put("/api/v1/enterprises/" + id + "/annual-statements/2026",
                statement("1", "1", "1", "1", null)))).as("the business year is not closed").containsExactly("year");
        assertThat(fields(admin().put("/api/v1/enterprises/" + id + "/annual-statements/2015",
                statement("1", "1", "1", "1", null)))).as("before founding").containsExactly("year");

        var ok = admin().put("/api/v1/enterprises/" + id + "/annual-statements/2024",
                statement("50000000", "45000000", "80000000", "30000000", "50000000"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("equity").asString()).isEqualTo("50000000.00");
        assertThat(ok.json().get("rdIntensity").asString()).isEqualTo("0.024000");
        var list = admin().get("/api/v1/enterprises/" + id + "/annual-statements").json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("netProfit").asString()).isEqualTo("-350000.50");
    }

    @Test
    void institutions_see_only_published_statements_and_never_supply_links() {
        long sme = smeId();
        var own = Api.as(port, "enterprise").get("/api/v1/enterprises/" + sme + "/annual-statements").json();
        var bank = Api.as(port, "bank").get("/api/v1/enterprises/" + sme + "/annual-statements").json();
        assertThat(own.size()).isEqualTo(5);
        assertThat(bank.size()).isEqualTo(2);
        bank.forEach(s -> assertThat(s.get("published").asBoolean()).isTrue());
        assertThat(Api.as(port, "bank").get("/api/v1/enterprises/" + sme + "/supply-links").status()).isEqualTo(403);
        var links = Api.as(port, "enterprise").get("/api/v1/enterprises/" + sme + "/supply-links").json();
        assertThat(links.findValuesAsString("role")).contains("CUSTOMER", "SUPPLIER");
        assertThat(Api.as(port, "enterprise").put("/api/v1/enterprises/" + sme + "/annual-statements/2023",
                statement("1", "1", "1", "1", null)).status()).isEqualTo(200);
        long core = Api.as(port, "core").get("/api/v1/enterprises").json().get("items").get(0).get("id").asLong();
        assertThat(Api.as(port, "enterprise").get("/api/v1/enterprises/" + core + "/annual-statements").status())
                .isEqualTo(404);
        assertThat(Api.as(port, "enterprise").put("/api/v1/enterprises/" + core + "/chain-tags",
                Map.of("tags", List.of("IC"))).status()).isEqualTo(404);
    }

    @Test
    void qualifications_need_a_known_type_an_issuer_and_a_forward_validity() {
        long id = fresh();
        String url = "/api/v1/enterprises/" + id + "/qualifications";
        var bad = admin().post(url, Map.of("type", "GOLD_STAR", "issuer", "x", "validFrom", "2025-01-01",
                "validTo", "2024-01-01"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(fields(bad)).containsExactly("type", "issuer", "validTo");
        var ok = admin().post(url, Map.of("type", "SPECIALISED_SME", "issuer", "福建省工业和信息化厅",
                "validFrom", "2025-01-01", "validTo", "2028-01-01"));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().get("typeName").asString()).isEqualTo("专精特新中小企业");
        var dup = admin().post(url, Map.of("type", "SPECIALISED_SME", "issuer", "福建省工业和信息化厅",
                "validFrom", "2025-01-01"));
        assertThat(fields(dup)).containsExactly("validFrom");
        long qid = ok.json().get("id").asLong();
        assertThat(Api.as(port, "bank").get(url).json().size()).isEqualTo(1);
        assertThat(admin().send("DELETE", url + "/" + qid, null).status()).isEqualTo(204);
        assertThat(admin().get(url).json().size()).isZero();
    }

    @Test
    void chain_tags_are_checked_and_the_directory_filters_by_tag_size_stage_and_qualification() {
        long id = fresh();
        var unknown = admin().put("/api/v1/enterprises/" + id + "/chain-tags", Map.of("tags", List.of("IC", "CHIPS")));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get(0).get("message").asString()).contains("CHIPS");
        assertThat(admin().put("/api/v1/enterprises/" + id + "/chain-tags", Map.of("tags", List.of("IC", "SERVERS")))
                .json().size()).isEqualTo(2);

        var ic = admin().get("/api/v1/enterprises?chainTag=IC&size=200").json();
        assertThat(ic.get("items").findValuesAsString("id")).contains(Long.toString(id));
        for (var e : ic.get("items")) {
            var tags = admin().get("/api/v1/enterprises/" + e.get("id").asLong() + "/chain-tags").json();
            assertThat(tags.findValuesAsString("code")).contains("IC");
        }
        for (String size : List.of("LARGE", "MEDIUM", "SMALL", "MICRO")) {
            var page = admin().get("/api/v1/enterprises?sizeClass=" + size + "&size=200").json();
            page.get("items").forEach(e -> assertThat(e.get("sizeClass").asString()).isEqualTo(size));
        }
        long all = admin().get("/api/v1/enterprises").json().get("total").asLong();
        long bySize = 0;
        for (String size : List.of("LARGE", "MEDIUM", "SMALL", "MICRO")) {
            bySize += admin().get("/api/v1/enterprises?sizeClass=" + size).json().get("total").asLong();
        }
        assertThat(bySize).as("SQL and Java agree on every size class").isEqualTo(all);
        long byStage = 0;
        for (String stage : List.of("STARTUP", "GROWTH", "MATURE")) {
            var page = admin().get("/api/v1/enterprises?growthStage=" + stage + "&size=200").json();
            page.get("items").forEach(e -> assertThat(e.get("growthStage").asString()).isEqualTo(stage));
            byStage += page.get("total").asLong();
        }
        assertThat(byStage).isEqualTo(all);
        var giants = admin().get("/api/v1/enterprises?qualification=LITTLE_GIANT").json();
        assertThat(giants.get("items").findValuesAsString("name")).contains("深圳芯微集成电路有限公司");
        assertThat(admin().get("/api/v1/enterprises?sizeClass=HUGE").status()).isEqualTo(422);
    }

    @Test
    void supply_links_name_a_registered_counterparty() {
        long id = fresh();
        String url = "/api/v1/enterprises/" + id + "/supply-links";
        var bad = admin().post(url, Map.of("counterpartyCreditCode", "91350100M000100Y43", "role", "CUSTOMER",
                "annualVolume", "-5"));
        assertThat(fields(bad)).contains("annualVolume");
        String smeCode = Api.as(port, "enterprise").get("/api/v1/enterprises").json().get("items").get(0)
                .get("creditCode").asString();
        var ok = admin().post(url, Map.of("counterpartyCreditCode", smeCode, "role", "SUPPLIER", "annualVolume", "880000"));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().get("role").asString()).isEqualTo("SUPPLIER");
        var fromSme = Api.as(port, "enterprise").get("/api/v1/enterprises/" + smeId() + "/supply-links").json();
        assertThat(fromSme.findValuesAsString("counterpartyId")).contains(Long.toString(id));
    }

    @Test
    void the_profile_form_names_every_number_it_cannot_read() throws Exception {
        Workbench w = Workbench.loggedIn(port, "admin");
        String form = w.get("/enterprises/new").body();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", Workbench.csrf(form));
        fields.put("creditCode", Fixtures.freshCreditCode("350100"));
        fields.put("name", "福州表单金额有限公司");
        fields.put("regionCode", "350100");
        fields.put("industryCode", "C3421");
        fields.put("ownership", "PRIVATE");
        fields.put("foundingDate", "2019-01-01");
        fields.put("employees", "abc");
        fields.put("annualRevenue", "12a");
        var bad = w.post("/enterprises/new", fields);
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("“abc”不是整数").contains("“12a”不是十进制金额");
        fields.put("employees", "12");
        fields.put("annualRevenue", "1.234");
        assertThat(w.post("/enterprises/new", fields).body()).contains("“1.234”最多保留2位小数");
        fields.put("annualRevenue", "5600000.50");
        assertThat(w.post("/enterprises/new", fields).statusCode()).isEqualTo(302);
    }

    @Test
    void the_enterprise_page_shows_and_edits_the_details() throws Exception {
        Workbench w = Workbench.loggedIn(port, "enterprise");
        long sme = smeId();
        String page = w.get("/enterprises/" + sme + "?lang=zh").body();
        assertThat(page).contains("工业母机").contains("专精特新中小企业").contains("年度财务数据").contains("闽江重型装备集团股份有限公司");
        var saved = w.post("/enterprises/" + sme + "/statements", Map.of("_csrf", Workbench.csrf(page), "year", "2020",
                "revenue", "10", "mainBusinessRevenue", "20", "rdExpense", "1", "netProfit", "1", "totalAssets", "5",
                "totalLiabilities", "1", "equity", "4"));
        assertThat(saved.statusCode()).isEqualTo(302);
        String after = w.get("/enterprises/" + sme).body();
        assertThat(after).contains("主营业务收入（20.00）不能大于营业收入（10.00）")
                .as("the refused figures come back for correction").contains("name=\"mainBusinessRevenue\" id=\"st-mainBusinessRevenue\" value=\"20\"");
        var unreadable = w.post("/enterprises/" + sme + "/statements", Map.of("_csrf", Workbench.csrf(after), "year", "2020",
                "revenue", "1e3", "mainBusinessRevenue", "20", "rdExpense", "1", "netProfit", "1", "totalAssets", "5",
                "totalLiabilities", "1", "equity", "4.001"));
        assertThat(unreadable.statusCode()).isEqualTo(302);
        after = w.get("/enterprises/" + sme).body();
        assertThat(after).as("the form reads its amounts and names every one it cannot")
                .contains("“1e3”不是十进制金额").contains("“4.001”最多保留2位小数");
        var tags = w.post("/enterprises/" + sme + "/chain-tags", Map.of("_csrf", Workbench.csrf(after), "tag", "MACHINE_TOOLS"));
        assertThat(tags.statusCode()).isEqualTo(302);
        assertThat(Api.as(port, "enterprise").get("/api/v1/enterprises/" + sme + "/chain-tags").json()
                .findValuesAsString("code")).containsExactly("MACHINE_TOOLS");
        Api.as(port, "enterprise").put("/api/v1/enterprises/" + sme + "/chain-tags",
                Map.of("tags", List.of("MACHINE_TOOLS", "HIGH_END_EQUIPMENT")));
        String bankView = Workbench.loggedIn(port, "bank").get("/enterprises/" + sme).body();
        assertThat(bankView).doesNotContain("statement-form").doesNotContain("闽江重型装备集团股份有限公司");
    }
}
