package cn.chanrong.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.Fixtures;
import cn.chanrong.support.IntegrationTest;
import java.util.ArrayList;
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
    void a_receivable_filed_by_one_bank_is_refused_to_a_second_bank_with_the_first_filing_cited() {
        String grantor = Fixtures.freshCreditCode("350100");
        String invoice = "INV-" + UUID.randomUUID();
        var first = Api.as(port, "bank").post("/api/v1/registry/filings", filing(grantor, "RECEIVABLES_PLEDGE",
                List.of(invoice, "AR-2026-001"), null));
        assertThat(first.status()).isEqualTo(201);
        String number = first.json().get("number").asString();

        var factoring = Api.as(port, "bank2").post("/api/v1/registry/filings", filing(grantor, "FACTORING", List.of(invoice), null));
        assertThat(factoring.status()).isEqualTo(409);
        assertThat(factoring.json().get("conflicts").get(0).get("number").asString()).isEqualTo(number);
        assertThat(factoring.json().get("conflicts").get(0).get("identifier").asString()).isEqualTo(invoice);
        assertThat(factoring.json().get("title").asString()).contains(number);

        var check = Api.as(port, "bank2").post("/api/v1/registry/checks", filing(grantor, "RECEIVABLES_PLEDGE",
                List.of(invoice, "OTHER"), null)).json();
        assertThat(check.get("conflicts").size()).isEqualTo(1);
        assertThat(Api.as(port, "bank").post("/api/v1/registry/checks", filing(grantor, "RECEIVABLES_PLEDGE",
                List.of(invoice), null)).json().get("conflicts").size()).as("own filings are no conflict").isZero();
        assertThat(Api.as(port, "bank2").post("/api/v1/registry/filings", filing(grantor, "RECEIVABLES_PLEDGE",
                List.of("OTHER-" + UUID.randomUUID()), null)).status()).as("another receivable is free").isEqualTo(201);
        assertThat(Api.as(port, "bank2").post("/api/v1/registry/filings", filing(grantor, "INVENTORY",
                List.of(invoice), null)).status()).as("goods are another asset class").isEqualTo(201);

        var search = Api.as(port, "enterprise").get("/api/v1/registry/filings?grantor=" + grantor).json();
        assertThat(search.size()).isEqualTo(3);
        assertThat(search.get(0).get("seq").asLong()).isLessThan(search.get(1).get("seq").asLong());
    }

    @Test
    void a_blanket_filing_covers_every_receivable_of_the_grantor() {
        String grantor = Fixtures.freshCreditCode("440300");
        var blanket = Api.as(port, "bank").post("/api/v1/registry/filings",
                filing(grantor, "RECEIVABLES_PLEDGE", List.of(), "all receivables owed by buyer Y"));
        assertThat(blanket.status()).isEqualTo(201);
        var specific = Api.as(port, "bank2").post("/api/v1/registry/filings",
                filing(grantor, "FACTORING", List.of("INV-9"), null));
        assertThat(specific.status()).isEqualTo(409);
        assertThat(specific.json().get("conflicts").get(0).get("reason").asString()).isEqualTo("BLANKET");
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
    void concurrent_filings_on_one_receivable_are_strictly_ordered_and_only_the_first_bank_gets_it() throws Exception {
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
        assertThat(statuses).containsOnly(201, 409);
        List<Long> parties = jdbc.sql("""
                        SELECT DISTINCT f.secured_party FROM registry_filing f JOIN registry_identifier i ON i.filing_id = f.id
                        WHERE f.grantor = :g AND i.identifier = :i""")
                .param("g", grantor).param("i", invoice).query(Long.class).list();
        assertThat(parties).as("one secured party holds the receivable").hasSize(1);
        List<Long> seqs = jdbc.sql("SELECT seq FROM registry_filing WHERE grantor = :g ORDER BY registered_at, seq")
                .param("g", grantor).query(Long.class).list();
        assertThat(seqs).isSorted();
    }
}
