package cn.chanrong.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.Fixtures;
import cn.chanrong.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Amendments, extensions and objections on filings. */
@IntegrationTest
class RegistryAmendmentIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void an_identifier_added_by_amendment_ranks_from_the_amendment_and_a_removed_one_ranks_no_more() {
        String grantor = Fixtures.freshCreditCode("350100");
        String a = "INV-" + UUID.randomUUID();
        String b = "INV-" + UUID.randomUUID();
        var filed = Api.as(port, "bank").post("/api/v1/registry/filings",
                RegistryIntegrationTests.filing(grantor, "RECEIVABLES_PLEDGE", List.of(a), null)).json();
        String number = filed.get("number").asString();

        var other = Api.as(port, "bank2").post("/api/v1/registry/filings",
                RegistryIntegrationTests.filing(grantor, "FACTORING", List.of(b), null)).json();
        var behind = Api.as(port, "bank").post("/api/v1/registry/filings/" + number + "/amendments",
                Map.of("addIdentifiers", List.of(b)));
        assertThat(behind.status()).as("the register refuses no valid amendment").isEqualTo(200);
        var rank = Api.as(port, "bank").post("/api/v1/registry/checks",
                RegistryIntegrationTests.filing(grantor, "RECEIVABLES_PLEDGE", List.of(b), null)).json();
        assertThat(rank.get("ahead").get(0).get("number").asString()).as("b was filed by the other bank first")
                .isEqualTo(other.get("number").asString());

        String c = "INV-" + UUID.randomUUID();
        var amended = Api.as(port, "bank").post("/api/v1/registry/filings/" + number + "/amendments",
                Map.of("addIdentifiers", List.of(c), "removeIdentifiers", List.of(a)));
        assertThat(amended.status()).as(amended.body()).isEqualTo(200);
        assertThat(amended.json().get("identifiers").toString()).contains(c).doesNotContain(a);
        var amendments = amended.json().get("amendments");
        var amendment = amendments.get(amendments.size() - 1);
        assertThat(amendment.get("seq").asLong()).isGreaterThan(filed.get("seq").asLong());
        assertThat(Api.as(port, "bank2").post("/api/v1/registry/filings",
                RegistryIntegrationTests.filing(grantor, "FACTORING", List.of(a), null)).json().get("position").asInt())
                .as("a removed identifier ranks no more").isEqualTo(1);
        var onC = Api.as(port, "bank2").post("/api/v1/registry/filings",
                RegistryIntegrationTests.filing(grantor, "FACTORING", List.of(c), null)).json();
        assertThat(onC.get("position").asInt()).isEqualTo(2);
        assertThat(onC.get("ahead").get(0).get("seq").asLong()).as("c ranks from its amendment")
                .isEqualTo(amendment.get("seq").asLong());

        assertThat(Api.as(port, "bank2").post("/api/v1/registry/filings/" + number + "/amendments",
                Map.of("description", "改")).status()).as("someone else's filing").isEqualTo(403);
        assertThat(Api.as(port, "bank").post("/api/v1/registry/filings/" + number + "/amendments", Map.of()).status())
                .isEqualTo(422);
    }

    @Test
    void an_extension_lengthens_the_term_within_360_months() {
        String grantor = Fixtures.freshCreditCode("350100");
        String number = Api.as(port, "bank").post("/api/v1/registry/filings", RegistryIntegrationTests.filing(grantor,
                "EQUIPMENT", List.of("SN-" + UUID.randomUUID()), null)).json().get("number").asString();
        var extended = Api.as(port, "bank").post("/api/v1/registry/filings/" + number + "/extensions",
                Map.of("termMonths", 12));
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(extended.json().get("termMonths").asInt()).isEqualTo(24);
        assertThat(extended.json().get("expiresOn").asString()).isEqualTo("2028-06-30");
        assertThat(extended.json().get("amendments").get(0).get("kind").asString()).isEqualTo("EXTENSION");
        var tooLong = Api.as(port, "bank").post("/api/v1/registry/filings/" + number + "/extensions",
                Map.of("termMonths", 337));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("termMonths");
    }

    @Test
    void an_enterprise_objects_the_objection_shows_on_the_filing_until_the_secured_party_resolves_it() {
        String grantor = Fixtures.freshCreditCode("350100");
        String number = Api.as(port, "bank").post("/api/v1/registry/filings", RegistryIntegrationTests.filing(grantor,
                "INVENTORY", List.of("WH-" + UUID.randomUUID()), null)).json().get("number").asString();
        var objected = Api.as(port, "enterprise").post("/api/v1/registry/filings/" + number + "/objections",
                Map.of("reason", "该批存货已于上月出售，登记与事实不符"));
        assertThat(objected.status()).as(objected.body()).isEqualTo(201);
        long id = objected.json().get("objections").get(0).get("id").asLong();
        var search = Api.as(port, "regulator").get("/api/v1/registry/filings?grantor=" + grantor).json();
        assertThat(search.get(0).get("objections").get(0).get("reason").asString()).contains("不符");
        assertThat(Api.as(port, "bank").post("/api/v1/registry/filings/" + number + "/objections",
                Map.of("reason", "机构不能提异议")).status()).as("objections come from enterprises").isEqualTo(403);
        assertThat(Api.as(port, "bank2").post("/api/v1/registry/filings/" + number + "/objections/" + id + "/resolution",
                Map.of("resolution", "不是我们的")).status()).isEqualTo(403);
        var resolved = Api.as(port, "bank").post("/api/v1/registry/filings/" + number + "/objections/" + id + "/resolution",
                Map.of("resolution", "核实后已变更登记"));
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.json().get("objections").get(0).get("resolvedBy").asString()).isEqualTo("bank");
        assertThat(Api.as(port, "bank").post("/api/v1/registry/filings/" + number + "/objections/" + id + "/resolution",
                Map.of("resolution", "再次处理")).status()).isEqualTo(409);
    }

    @Test
    void the_workbench_files_ranks_a_second_bank_behind_the_first_filing_and_takes_an_objection() throws Exception {
        String grantor = Fixtures.freshCreditCode("350100");
        String receivable = "AR-" + UUID.randomUUID();
        var bank = cn.chanrong.support.Workbench.loggedIn(port, "bank");
        String page = bank.get("/registry?grantor=" + grantor).body();
        assertThat(page).contains("办理初始登记", "共 0 笔有效登记");
        var filed = bank.post("/registry/filings", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(page), "grantor", grantor,
                "collateralType", "RECEIVABLES_PLEDGE", "description", "应收账款质押", "identifiers", receivable,
                "termMonths", "12"));
        assertThat(filed.statusCode()).isEqualTo(302);
        String after = bank.get("/registry?grantor=" + grantor).body();
        assertThat(after).contains("共 1 笔有效登记", receivable, "应收账款质押");
        String number = Api.as(port, "bank").get("/api/v1/registry/filings?grantor=" + grantor).json().get(0)
                .get("number").asString();

        var bank2 = cn.chanrong.support.Workbench.loggedIn(port, "bank2");
        String page2 = bank2.get("/registry?grantor=" + grantor).body();
        bank2.post("/registry/filings", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(page2), "grantor", grantor,
                "collateralType", "FACTORING", "description", "保理", "identifiers", receivable, "termMonths", "12"));
        assertThat(bank2.get("/registry?grantor=" + grantor).body()).as("registered, second, the first filing named")
                .contains("共 2 笔有效登记", "顺位第2", number);

        var enterprise = cn.chanrong.support.Workbench.loggedIn(port, "enterprise");
        String page3 = enterprise.get("/registry?grantor=" + grantor).body();
        enterprise.post("/registry/filings/" + number + "/object", Map.of("_csrf", cn.chanrong.support.Workbench.csrf(page3),
                "grantor", grantor, "reason", "应收账款已经收回"));
        assertThat(enterprise.get("/registry?grantor=" + grantor + "&lang=en").body())
                .contains("open objection", "Collateral registry");
    }
}
