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
        var highTech = Api.as(port, "admin").post("/api/v1/enterprises/" + id + "/qualifications", Map.of("type", "HIGH_TECH",
                "issuer", "广东省科学技术厅", "certificate", "GR202544000001", "validFrom", "2025-01-01"));
        assertThat(highTech.status()).as(highTech.body()).isEqualTo(201);
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

        long fujian = enterpriseIn("350100");
        assertThat(Api.as(port, "regulator-gd").post("/api/v1/enterprises/" + fujian + "/qualification-confirmations",
                request("innovative_sme")).status()).as("outside its province").isEqualTo(404);
    }
}
