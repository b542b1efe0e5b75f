package cn.chanrong.institution;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ProductApiIntegrationTests {

    @LocalServerPort
    int port;

    Api bank() {
        return Api.as(port, "bank");
    }

    static Map<String, Object> product(String code) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("name", "测试流动资金贷");
        m.put("nameEn", "Test working-capital loan");
        m.put("type", "WORKING_CAPITAL_LOAN");
        m.put("minAmount", "100000");
        m.put("maxAmount", "5000000");
        m.put("minTermMonths", 3);
        m.put("maxTermMonths", 24);
        m.put("pricing", "LPR_SPREAD");
        m.put("spreadMinBp", 30);
        m.put("spreadMaxBp", 90);
        m.put("security", "CREDIT");
        m.put("targetChains", List.of("IC"));
        m.put("clauses", List.of(
                Map.of("labelZh", "中小企业", "labelEn", "SME", "expression", "e.sizeClass != 'LARGE'"),
                Map.of("labelZh", "成立满3年", "labelEn", "Three years in business", "expression", "e.ageYears >= 3")));
        return m;
    }

    static String code() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    List<String> fields(Api.Response r) {
        List<String> out = new ArrayList<>();
        r.json().get("errors").forEach(e -> out.add(e.get("field").asString()));
        return out;
    }

    long id(String user) {
        return Api.as(port, user).get("/api/v1/enterprises").json().get("items").get(0).get("id").asLong();
    }

    @Test
    void an_operator_creates_publishes_and_withdraws_a_product() {
        var created = bank().header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/products", product(code()));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.json().get("typeName").asString()).isEqualTo("流动资金贷款");
        String url = created.header("Location");
        assertThat(Api.as(port, "bank2").get(url).status()).as("another bank does not see a draft").isEqualTo(404);
        assertThat(Api.as(port, "enterprise").get(url).status()).isEqualTo(404);
        assertThat(Api.as(port, "bank2").post(url + "/publish", null).status()).isEqualTo(404);
        assertThat(Api.as(port, "bank-approver").post(url + "/publish", null).json().get("status").asString())
                .isEqualTo("PUBLISHED");
        assertThat(Api.as(port, "enterprise").get(url).status()).isEqualTo(200);
        assertThat(Api.as(port, "bank2").post(url + "/withdraw", null).status()).isEqualTo(403);
        assertThat(bank().post(url + "/withdraw", null).json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(Api.as(port, "enterprise").get(url).status()).isEqualTo(404);
    }

    @Test
    void bad_products_are_refused_field_by_field() {
        var p = product(code());
        p.put("minAmount", "5000000");
        p.put("maxAmount", "100000");
        p.put("maxTermMonths", 48);
        p.put("spreadMinBp", 90);
        p.put("spreadMaxBp", 30);
        p.put("targetChains", List.of("IC", "CHIPS"));
        p.put("clauses", List.of(Map.of("labelZh", "坏条件", "labelEn", "Bad", "expression", "e.employees >")));
        var r = bank().post("/api/v1/products", p);
        assertThat(r.status()).isEqualTo(422);
        assertThat(fields(r)).containsExactly("maxAmount", "maxTermMonths", "spreadMaxBp", "targetChains", "clauses[0]");
        var messages = r.json().get("errors").findValuesAsString("message");
        assertThat(messages.get(1)).contains("48").contains("36");
        assertThat(messages.get(4)).contains("坏条件").contains("无法编译");

        var unknownField = product(code());
        unknownField.put("clauses", List.of(Map.of("labelZh", "拼错字段", "labelEn", "Misspelt", "expression", "e.employes > 3")));
        assertThat(fields(bank().post("/api/v1/products", unknownField))).containsExactly("clauses[0]");

        var insurance = product(code());
        insurance.put("type", "TECH_INSURANCE");
        var notOffered = bank().post("/api/v1/products", insurance);
        assertThat(fields(notOffered)).containsExactly("type");
        assertThat(Api.as(port, "bank-approver").post("/api/v1/products", product(code())).status())
                .as("only operators create").isEqualTo(403);
        assertThat(Api.as(port, "enterprise").post("/api/v1/products", product(code())).status()).isEqualTo(403);
    }

    @Test
    void updates_are_versioned() {
        var created = bank().post("/api/v1/products", product(code()));
        String url = created.header("Location");
        var body = product(created.json().get("code").asString());
        body.put("maxAmount", "8000000");
        assertThat(bank().put(url, body).status()).isEqualTo(428);
        assertThat(bank().header("If-Match", "\"0\"").put(url, body).json().get("maxAmount").asString())
                .isEqualTo("8000000.00");
        assertThat(bank().header("If-Match", "\"0\"").put(url, body).status()).isEqualTo(412);
        body.put("version", 0);
        assertThat(bank().put(url, body).status()).isEqualTo(409);
    }

    @Test
    void eligibility_is_explained_clause_by_clause_without_private_values_for_banks() {
        long product = bank().get("/api/v1/products?type=TECH_INNOVATION_LOAN").json().get("items").get(0).get("id").asLong();
        long sme = id("enterprise");
        long core = id("core");
        var smeResult = bank().get("/api/v1/products/" + product + "/eligibility?enterprise=" + sme).json();
        assertThat(smeResult.get("eligible").asBoolean()).isTrue();
        assertThat(smeResult.get("clauses").size()).isEqualTo(3);
        assertThat(smeResult.get("facts").isNull()).isTrue();

        var coreResult = bank().header("Accept-Language", "en").get("/api/v1/products/" + product + "/eligibility?enterprise=" + core).json();
        assertThat(coreResult.get("eligible").asBoolean()).isFalse();
        List<String> failing = new ArrayList<>();
        coreResult.get("failing").forEach(f -> failing.add(f.asString()));
        assertThat(failing).containsExactly("Small or medium enterprise",
                "Verified specialised SME or little giant");
        assertThat(coreResult.get("clauses").get(2).get("passed").asBoolean()).isTrue();

        var own = Api.as(port, "enterprise").get("/api/v1/products/" + product + "/eligibility?enterprise=" + sme).json();
        assertThat(own.get("facts").get("sizeClass").asString()).isEqualTo("SMALL");
        assertThat(Api.as(port, "enterprise").get("/api/v1/products/" + product + "/eligibility?enterprise=" + core)
                .status()).as("an enterprise may not test another").isEqualTo(404);
    }

    @Test
    void the_catalogue_filters_by_type_status_and_chain() {
        var ic = bank().get("/api/v1/products?chainTag=IC&size=100").json();
        assertThat(ic.get("total").asLong()).isPositive();
        for (var p : ic.get("items")) {
            List<String> chains = new ArrayList<>();
            p.get("targetChains").forEach(c -> chains.add(c.asString()));
            assertThat(chains).contains("IC");
        }
        var published = Api.as(port, "enterprise").get("/api/v1/products?size=100").json();
        published.get("items").forEach(p -> assertThat(p.get("status").asString()).isEqualTo("PUBLISHED"));
        assertThat(Api.as(port, "bank2").get("/api/v1/products?status=DRAFT").json().get("total").asLong()).isPositive();
        assertThat(Api.as(port, "enterprise").get("/api/v1/products?status=DRAFT").json().get("total").asLong()).isZero();
        assertThat(bank().get("/api/v1/products?type=LOANS").status()).isEqualTo(422);
    }
}
