package cn.chanrong.credit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17 §4 end to end: the demo's core enterprise declares 专精特新 and the decision does not count it
 * as supported (no unsecured credit, no 120-month term), saying why; once the authority's list names it,
 * it does ({@code VerifiedStatusDecisionTests} shows the term and unsecured rules themselves). The core
 * enterprise is on the 链主 list, but its only tag is an emerging industry: no key chain.
 */
@IntegrationTest
class VerifiedStatusDecisionIntegrationTests {

    @LocalServerPort
    int port;

    List<String> reasons(long core) {
        var made = Api.as(port, "bank").post("/api/v1/credit-decisions", Map.of("enterpriseId", core, "amount", 100000,
                "months", 96, "purpose", "TECH_TRANSFORMATION", "secured", false));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        List<String> codes = new ArrayList<>();
        made.json().get("decision").get("reasons").forEach(r -> codes.add(r.get("code").asString()));
        return codes;
    }

    void list(String code, String validTo) {
        var r = Api.as(port, "regulator-miit").postBytes("/api/v1/status-lists", "text/csv",
                ("list,issuer,document,credit_code,valid_from,valid_to\n专精特新,福建省工业和信息化厅,闽工信函企业〔2024〕88号,"
                        + code + ",2024-01-01," + validTo + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void a_declared_specialised_sme_buys_nothing_and_a_verified_one_gets_the_long_unsecured_term() {
        Api core = Api.as(port, "core");
        var me = core.get("/api/v1/enterprises").json().get("items").get(0);
        long id = me.get("id").asLong();
        String code = me.get("creditCode").asString();
        var asked = Api.as(port, "bank").post("/api/v1/consents", Map.of("enterpriseId", id, "purpose", "PRE_LOAN",
                "periodFrom", "2020-01-01", "periodTo", LocalDate.now().toString(),
                "expiresOn", LocalDate.now().plusMonths(2).toString()));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(core.post("/api/v1/consents/" + asked.json().get("id").asLong() + "/grant", Map.of()).status()).isEqualTo(200);
        var declared = core.post("/api/v1/enterprises/" + id + "/qualifications", Map.of("type", "SPECIALISED_SME",
                "issuer", "福建省工业和信息化厅", "validFrom", "2024-01-01"));
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        try {
            // (the core enterprise's grade declines it either way; what the status buys is the policy's support)
            assertThat(reasons(id)).contains("policy.declared-only").doesNotContain("policy.supported");
            list(code, "2099-01-01");
            assertThat(reasons(id)).contains("policy.supported").doesNotContain("policy.declared-only");
        } finally {
            // the row again, ended the day after it began: the core enterprise is as the demo left it
            list(code, "2024-01-02");
            core.send("DELETE", "/api/v1/enterprises/" + id + "/qualifications/" + declared.json().get("id").asLong(), null);
        }
        assertThat(reasons(id)).doesNotContain("policy.supported");
    }
}
