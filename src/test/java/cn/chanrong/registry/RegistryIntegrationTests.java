package cn.chanrong.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.Fixtures;
import cn.chanrong.support.IntegrationTest;
import java.util.ArrayList;
import tools.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class RegistryIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    cn.chanrong.reference.BusinessDate businessDate;

    @Autowired
    cn.chanrong.registry.FilingGenerator generator;

    /** The benchmark's generator writes filings the register ranks like any other (bench registry runs on it). */
    @Test
    void generated_filings_are_registered_and_rank_in_the_check() {
        var targets = generator.generate(60, 3, 25, n -> { });
        assertThat(targets.grantors()).hasSize(3);
        for (int k = 0; k < 3; k++) {
            // the generator files for the first two institutions; the demo's third bank checks
            var check = Api.as(port, "bank3").post("/api/v1/registry/checks", filing(targets.grantors().get(k),
                    "RECEIVABLES_PLEDGE", List.of(targets.identifiers().get(k)), null));
            assertThat(check.status()).as(check.body()).isEqualTo(200);
            assertThat(check.json().get("position").asInt()).as("the generated filing ranks ahead").isEqualTo(2);
            assertThat(check.json().get("ahead").get(0).get("number").asString())
                    .isEqualTo(targets.identifiers().get(k).substring("ID-".length()));
        }
    }

    static Map<String, Object> filing(String grantor, String type, List<String> ids, String blanket) {
        Map<String, Object> m = new HashMap<>();
        m.put("grantor", grantor);
        m.put("collateralType", type);
        m.put("description", "应收账款质押 / receivables pledge");
        m.put("identifiers", ids);
        m.put("blanketScope", blanket);
        m.put("termMonths", 12);
        return m;
    }

    @Test
    void a_second_secured_party_is_registered_behind_the_first_and_told_who_ranks_ahead() {
        String grantor = Fixtures.freshCreditCode("350100");
        String invoice = "INV-" + UUID.randomUUID();
        var first = Api.as(port, "bank").post("/api/v1/registry/filings", filing(grantor, "RECEIVABLES_PLEDGE",
                List.of(invoice, "AR-2026-001"), null));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("position").asInt()).isEqualTo(1);
        assertThat(first.json().get("ahead").size()).isZero();
        String number = first.json().get("number").asString();

        var check = Api.as(port, "bank2").post("/api/v1/registry/checks", filing(grantor, "RECEIVABLES_PLEDGE",
                List.of(invoice, "OTHER"), null)).json();
        assertThat(check.get("conflicts").size()).isEqualTo(1);
        assertThat(check.get("position").asInt()).as("a filing made now would rank second").isEqualTo(2);
        assertThat(check.get("ahead").get(0).get("number").asString()).isEqualTo(number);
        assertThat(check.get("ahead").get(0).get("rule").asString()).isEqualTo("REGISTRATION_ORDER");

        var second = Api.as(port, "bank2").post("/api/v1/registry/filings", filing(grantor, "RECEIVABLES_PLEDGE",
                List.of(invoice), null));
        assertThat(second.status()).as("the register refuses no valid filing (Civil Code 414)").isEqualTo(201);
        assertThat(second.json().get("position").asInt()).isEqualTo(2);
        JsonNode ahead = second.json().get("ahead").get(0);
        assertThat(ahead.get("number").asString()).isEqualTo(number);
        assertThat(ahead.get("identifier").asString()).isEqualTo(invoice);
        assertThat(ahead.get("registeredAt").asString()).isNotBlank();
        assertThat(second.json().get("seq").asLong()).isGreaterThan(first.json().get("seq").asLong());

        assertThat(Api.as(port, "bank").post("/api/v1/registry/checks", filing(grantor, "RECEIVABLES_PLEDGE",
                List.of("AR-2026-001"), null)).json().get("conflicts").size()).as("own filings are no conflict").isZero();
        assertThat(Api.as(port, "bank2").post("/api/v1/registry/filings", filing(grantor, "INVENTORY",
                List.of(invoice), null)).json().get("position").asInt()).as("goods are another asset class").isEqualTo(1);

        var search = Api.as(port, "enterprise").get("/api/v1/registry/filings?grantor=" + grantor).json();
        assertThat(search.size()).isEqualTo(3);
        assertThat(search.get(0).get("seq").asLong()).isLessThan(search.get(1).get("seq").asLong());
    }

    @Test
    void a_blanket_filing_ranks_ahead_of_every_later_filing_on_the_grantor_s_receivables() {
        String grantor = Fixtures.freshCreditCode("440300");
        var blanket = Api.as(port, "bank").post("/api/v1/registry/filings",
                filing(grantor, "RECEIVABLES_PLEDGE", List.of(), "all receivables owed by buyer Y"));
        assertThat(blanket.status()).isEqualTo(201);
        var specific = Api.as(port, "bank2").post("/api/v1/registry/filings",
                filing(grantor, "FACTORING", List.of("INV-9"), null));
        assertThat(specific.status()).isEqualTo(201);
        assertThat(specific.json().get("position").asInt()).isEqualTo(2);
        assertThat(specific.json().get("ahead").get(0).get("reason").asString()).isEqualTo("BLANKET");
    }

    @Test
    void a_purchase_money_mortgage_registered_within_ten_days_of_delivery_ranks_ahead_of_an_earlier_charge() {
        String grantor = Fixtures.freshCreditCode("350100");
        var floating = Api.as(port, "bank").post("/api/v1/registry/filings",
                filing(grantor, "EQUIPMENT", List.of(), "all present and future equipment")).json();
        var seller = filing(grantor, "EQUIPMENT", List.of("SN-PM-" + UUID.randomUUID()), null);
        seller.put("purchaseMoney", true);
        seller.put("deliveredOn", today().minusDays(10).toString());
        var pm = Api.as(port, "bank2").post("/api/v1/registry/filings", seller);
        assertThat(pm.status()).isEqualTo(201);
        assertThat(pm.json().get("position").asInt()).as("Civil Code 416").isEqualTo(1);
        assertThat(pm.json().get("purchaseMoney").asBoolean()).isTrue();
        var rankOfFloating = Api.as(port, "bank").post("/api/v1/registry/checks", filing(grantor, "EQUIPMENT",
                List.of(pm.json().get("identifiers").get(0).asString()), null)).json();
        assertThat(rankOfFloating.get("ahead").get(0).get("rule").asString()).isEqualTo("PURCHASE_MONEY");
        assertThat(rankOfFloating.get("ahead").get(0).get("bindsOrdinaryCourseBuyer").asBoolean())
                .as("a mortgage does not bind an ordinary-course buyer (Civil Code 404)").isFalse();

        seller.put("identifiers", List.of("SN-PM-" + UUID.randomUUID()));
        seller.put("deliveredOn", today().minusDays(11).toString());
        var late = Api.as(port, "bank2").post("/api/v1/registry/filings", seller).json();
        assertThat(late.get("position").asInt()).as("the eleventh day is too late").isEqualTo(2);
        assertThat(late.get("ahead").get(0).get("number").asString()).isEqualTo(floating.get("number").asString());

        var pledge = filing(grantor, "RECEIVABLES_PLEDGE", List.of("AR-1"), null);
        pledge.put("purchaseMoney", true);
        var refused = Api.as(port, "bank2").post("/api/v1/registry/filings", pledge);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("code").asString()).isEqualTo("registry.purchase-money-type");
    }

    private java.time.LocalDate today() {
        return businessDate.today();
    }

    @Test
    void bad_filings_are_refused_with_the_reason_and_nothing_is_written() {
        String grantor = Fixtures.freshCreditCode("350100");
        var excluded = Api.as(port, "bank").post("/api/v1/registry/filings", filing(grantor, "VEHICLE", List.of("VIN1"), null));
        assertThat(excluded.status()).isEqualTo(422);
        assertThat(excluded.json().get("errors").get(0).get("message").asString()).contains("专门的登记系统");
        var longTerm = filing(grantor, "EQUIPMENT", List.of("SN-1"), null);
        longTerm.put("termMonths", 361);
        assertThat(Api.as(port, "bank").post("/api/v1/registry/filings", longTerm).json().get("errors").get(0)
                .get("field").asString()).isEqualTo("termMonths");
        var badGrantor = filing("91350100M000100Y44", "EQUIPMENT", List.of("SN-1"), null);
        assertThat(Api.as(port, "bank").post("/api/v1/registry/filings", badGrantor).json().get("errors").get(0)
                .get("field").asString()).isEqualTo("grantor");
        assertThat(Api.as(port, "bank-approver").post("/api/v1/registry/filings", filing(grantor, "EQUIPMENT",
                List.of("SN-1"), null)).status()).as("only operators file").isEqualTo(403);
        assertThat(Api.as(port, "enterprise").post("/api/v1/registry/filings", filing(grantor, "EQUIPMENT",
                List.of("SN-1"), null)).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM registry_filing WHERE grantor = :g").param("g", grantor)
                .query(Long.class).single()).isZero();
    }

    @Test
    void a_certificate_verifies_and_a_tampered_one_does_not() throws Exception {
        String grantor = Fixtures.freshCreditCode("350200");
        var filed = Api.as(port, "bank").post("/api/v1/registry/filings",
                filing(grantor, "WAREHOUSE_RECEIPT", List.of("WR-001", "WR-002"), null)).json();
        String number = filed.get("number").asString();
        var html = Api.as(port, "bank2").header("Accept-Language", "en").get("/api/v1/registry/filings/" + number + "/certificate");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).contains("registration certificate").contains("WR-001, WR-002");
        String hash = html.body().replaceAll("(?s).*<dd id=\"hash\">([0-9a-f]{64})</dd>.*", "$1");
        assertThat(hash).hasSize(64);

        Map<String, Object> claim = new HashMap<>();
        claim.put("hash", hash);
        claim.put("grantor", grantor);
        claim.put("identifiers", List.of("WR-002", "WR-001"));
        var ok = Api.as(port, "enterprise").post("/api/v1/registry/filings/" + number + "/verify", claim).json();
        assertThat(ok.get("valid").asBoolean()).isTrue();

        claim.put("identifiers", List.of("WR-001", "WR-002", "WR-003"));
        var tampered = Api.as(port, "enterprise").post("/api/v1/registry/filings/" + number + "/verify", claim).json();
        assertThat(tampered.get("valid").asBoolean()).isFalse();
        assertThat(tampered.get("mismatches").get(0).asString()).isEqualTo("identifiers");
        claim.put("identifiers", List.of("WR-001", "WR-002"));
        claim.put("hash", hash.substring(0, 63) + (hash.endsWith("0") ? "1" : "0"));
        assertThat(Api.as(port, "enterprise").post("/api/v1/registry/filings/" + number + "/verify", claim).json()
                .get("valid").asBoolean()).isFalse();
    }

    @Test
    void only_the_secured_party_cancels_and_only_once_and_the_asset_is_then_free() {
        String grantor = Fixtures.freshCreditCode("350100");
        String number = Api.as(port, "bank").post("/api/v1/registry/filings",
                filing(grantor, "EQUIPMENT", List.of("SN-77"), null)).json().get("number").asString();
        String url = "/api/v1/registry/filings/" + number + "/cancel";
        assertThat(Api.as(port, "bank2").post(url, Map.of("reason", "repaid")).status()).isEqualTo(403);
        assertThat(Api.as(port, "bank").post(url, Map.of("reason", "贷款已结清")).json().get("status").asString())
                .isEqualTo("CANCELLED");
        assertThat(Api.as(port, "bank").post(url, Map.of("reason", "again")).status()).isEqualTo(409);
        assertThat(Api.as(port, "bank2").post("/api/v1/registry/filings", filing(grantor, "FINANCIAL_LEASING",
                List.of("SN-77"), null)).status()).as("a cancelled filing no longer blocks").isEqualTo(201);
    }

    @Test
    void concurrent_filings_on_one_receivable_are_all_registered_in_strict_order() throws Exception {
        String grantor = Fixtures.freshCreditCode("320500");
        String invoice = "INV-RACE-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String user = i % 2 == 0 ? "bank" : "bank2";
            String type = i % 4 < 2 ? "RECEIVABLES_PLEDGE" : "FACTORING";
            calls.add(() -> Api.as(port, user).post("/api/v1/registry/filings",
                    filing(grantor, type, List.of(invoice), null)).status());
        }
        List<Integer> statuses = new ArrayList<>();
        try {
            for (var f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).as("the register refuses no valid filing").containsOnly(201);
        List<java.time.Instant> times = jdbc.sql("SELECT registered_at FROM registry_filing WHERE grantor = :g ORDER BY seq")
                .param("g", grantor).query(java.time.Instant.class).list();
        assertThat(times).hasSize(16);
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i)).as("distinct, strictly ordered registration times").isAfter(times.get(i - 1));
        }
    }
}
