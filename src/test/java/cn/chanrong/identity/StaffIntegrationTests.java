package cn.chanrong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.registry.RegistryIntegrationTestsAccess;
import cn.chanrong.support.Api;
import cn.chanrong.support.Fixtures;
import cn.chanrong.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An institution's administrator creates its operators; only operators file in the registry. */
@IntegrationTest
class StaffIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void the_institution_administrator_creates_an_operator_who_can_then_file() {
        String username = "op-" + System.nanoTime();
        assertThat(Api.as(port, "bank").post("/api/v1/institution-staff", Map.of("username", username, "password", "demo",
                "displayName", "新经办", "authorities", Set.of("operator"))).status()).as("not an administrator").isEqualTo(403);
        var self = Api.as(port, "bank-admin").post("/api/v1/institution-staff", Map.of("username", username + "x",
                "password", "demo", "displayName", "新管理员", "authorities", Set.of("institution-admin")));
        assertThat(self.status()).as("administrators are made by the platform").isEqualTo(422);
        var made = Api.as(port, "bank-admin").post("/api/v1/institution-staff", Map.of("username", username,
                "password", "demo", "displayName", "新登记经办", "authorities", Set.of("operator")));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(Api.as(port, "bank-admin").get("/api/v1/institution-staff").body()).contains(username, "bank-approver")
                .doesNotContain("bank2");
        var filing = Api.as(port, username).post("/api/v1/registry/filings", RegistryIntegrationTestsAccess.filing(
                Fixtures.freshCreditCode("350100"), "INVENTORY", List.of("WH-" + System.nanoTime()), null));
        assertThat(filing.status()).as(filing.body()).isEqualTo(201);
        assertThat(Api.as(port, "bank-admin").post("/api/v1/registry/filings", RegistryIntegrationTestsAccess.filing(
                Fixtures.freshCreditCode("350100"), "INVENTORY", List.of("WH-" + System.nanoTime()), null)).status())
                .as("administrators do not file").isEqualTo(403);
    }
}
