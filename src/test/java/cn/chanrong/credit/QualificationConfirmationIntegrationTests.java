package cn.chanrong.credit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.Fixtures;
import cn.chanrong.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The rules suggest; only an MIIT-type regulator, within its region, confirms — and only what the rules suggest. */
@IntegrationTest
class QualificationConfirmationIntegrationTests {

    @LocalServerPort
    int port;

    long enterpriseIn(String region) {
        Map<String, Object> e = new java.util.LinkedHashMap<>(Fixtures.enterprise(Fixtures.freshCreditCode(region)));
        e.put("regionCode", region);
        var made = Api.as(port, "admin").post("/api/v1/enterprises", e);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().get("id").asLong();
        // the direct route needs high-tech status verified: on the authority's list, not only declared
        String code = Api.as(port, "admin").get("/api/v1/enterprises/" + id).json().get("creditCode").asString();
        var highTech = Api.as(port, "regulator-miit").postBytes("/api/v1/status-lists", "text/csv",
                ("list,issuer,document,credit_code,valid_from,valid_to\n高新技术企业,广东省科学技术厅,粤科高字〔2025〕1号 GR202544000001,"
                        + code + ",2025-01-01,\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(highTech.status()).as(highTech.body()).isEqualTo(200);
        return id;
    }

    static Map<String, Object> request(String scheme) {
        return Map.of("scheme", scheme, "certificate", "CX-2026-001", "validFrom", "2026-01-01");
    }

    @Test
    void the_guangdong_bureau_confirms_an_innovative_sme_the_rules_suggest_and_nothing_else() {
        long gd = enterpriseIn("440100");
        String path = "/api/v1/enterprises/" + gd + "/qualification-confirmations";
        assertThat(Api.as(port, "regulator").post(path, request("innovative_sme")).status()).as("PBOC is not MIIT").isEqualTo(403);
        var notSuggested = Api.as(port, "regulator-gd").header("Accept-Language", "en").post(path, request("little_giant"));
        assertThat(notSuggested.status()).isEqualTo(422);
        assertThat(notSuggested.body()).contains("do not suggest little_giant");
        var confirmed = Api.as(port, "regulator-gd").post(path, request("innovative_sme"));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
        assertThat(confirmed.json().get("type").asString()).isEqualTo("INNOVATIVE_SME");
        assertThat(Api.as(port, "admin").get("/api/v1/enterprises/" + gd + "/qualifications").body()).contains("INNOVATIVE_SME", "MIIT");
        // a confirmation verifies: the profile shows it verified, from the regulator's confirmation
        var statuses = Api.as(port, "admin").get("/api/v1/enterprises/" + gd + "/statuses").json();
        assertThat(statuses.get("verifiedQualifications").toString()).contains("INNOVATIVE_SME", "HIGH_TECH");
        assertThat(statuses.get("statuses").toString()).contains("CONFIRMATION");

        long fujian = enterpriseIn("350100");
        assertThat(Api.as(port, "regulator-gd").post("/api/v1/enterprises/" + fujian + "/qualification-confirmations",
                request("innovative_sme")).status()).as("outside its province").isEqualTo(404);
    }
}
