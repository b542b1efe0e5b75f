package cn.chanrong.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.Fixtures;
import cn.chanrong.support.IntegrationTest;
import cn.chanrong.support.Workbench;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 §7: the profile names the enterprise's main products — bounded in number and length — which the
 * restricted-industry catalogue is matched against. A PUT that leaves them out and the registry import
 * (which has no such column) keep them; an empty list clears them; the form edits them in one field.
 */
@IntegrationTest
class MainProductsIntegrationTests {

    @LocalServerPort
    int port;

    Map<String, Object> body(String code, List<String> products) {
        Map<String, Object> m = new HashMap<>(Fixtures.enterprise(code));
        if (products != null) {
            m.put("mainProducts", products);
        }
        return m;
    }

    @Test
    void main_products_are_trimmed_bounded_kept_when_left_out_and_cleared_when_empty() throws Exception {
        Api admin = Api.as(port, "admin").header("Accept-Language", "en");
        String code = Fixtures.freshCreditCode("350100");
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("产品" + i);
        }
        var tooMany = admin.post("/api/v1/enterprises", body(code, eleven));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.body()).contains("\"field\":\"mainProducts\"", "enterprise.main-products.count");
        var tooLong = admin.post("/api/v1/enterprises", body(code, List.of("长".repeat(51))));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("enterprise.main-product.length");

        var made = admin.post("/api/v1/enterprises", body(code, List.of(" 数控立式加工中心 ", "", "数控卧式车床", "数控立式加工中心")));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().get("id").asLong();
        assertThat(made.json().get("mainProducts").toString()).isEqualTo("[\"数控立式加工中心\",\"数控卧式车床\"]");

        var leftOut = admin.header("If-Match", "\"0\"").put("/api/v1/enterprises/" + id, body(code, null));
        assertThat(leftOut.status()).as(leftOut.body()).isEqualTo(200);
        assertThat(leftOut.json().get("mainProducts").size()).as("left out: kept").isEqualTo(2);

        // the registry import has no column for them: a re-import of the profile keeps them
        String csv = EnterpriseImports.ENTERPRISE_COLUMNS + "\n" + String.join(",", code, "测试精密机械有限公司",
                "\"Test Precision Machinery Co., Ltd.\"", "350100", "C3421", "PRIVATE", "2019-05-01", "130", "56000000.00", "", "", "")
                + "\n";
        // (sent past the contract check, as ImportIntegrationTests does: the import's 200 is not described as JSON)
        var imported = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/imports/enterprises"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:demo".getBytes()))
                .header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(csv.getBytes(StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(imported.body()).contains("\"updated\":1");
        JsonNode after = admin.get("/api/v1/enterprises/" + id).json();
        assertThat(after.get("employees").asInt()).isEqualTo(130);
        assertThat(after.get("mainProducts").size()).isEqualTo(2);

        var cleared = admin.header("If-Match", "\"" + after.get("version").asInt() + "\"").put("/api/v1/enterprises/" + id,
                body(code, List.of()));
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().get("mainProducts").size()).isZero();
    }

    @Test
    void the_form_edits_them_in_one_field() throws Exception {
        String code = Fixtures.freshCreditCode("350100");
        var made = Api.as(port, "admin").post("/api/v1/enterprises", body(code, List.of("热浸镀锌件")));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().get("id").asLong();
        Workbench admin = Workbench.loggedIn(port, "admin");
        String form = admin.get("/enterprises/" + id + "/edit").body();
        assertThat(form).contains("name=\"mainProducts\"", "热浸镀锌件");
        Map<String, String> fields = new HashMap<>(Map.of("_csrf", Workbench.csrf(form), "version", "0", "creditCode", code,
                "name", "测试精密机械有限公司", "regionCode", "350100", "industryCode", "C3421", "ownership", "PRIVATE",
                "foundingDate", "2019-05-01", "employees", "120", "annualRevenue", "56000000.00"));
        fields.put("mainProducts", "热浸镀锌件；紧固件、 法兰");
        var saved = admin.post("/enterprises/" + id + "/edit", fields);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(Api.as(port, "admin").get("/api/v1/enterprises/" + id).json().get("mainProducts").toString())
                .isEqualTo("[\"热浸镀锌件\",\"紧固件\",\"法兰\"]");
        assertThat(admin.get("/enterprises/" + id).body()).contains("id=\"main-products\"", "紧固件");
        fields.put("version", "1");
        fields.put("mainProducts", "长".repeat(51));
        var refused = admin.post("/enterprises/" + id + "/edit", fields);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("data-field=\"mainProducts\"");
    }
}
