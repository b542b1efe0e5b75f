package cn.chanrong.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.Fixtures;
import cn.chanrong.support.IntegrationTest;
import cn.chanrong.support.Workbench;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** National-registry search results in the double-financing check; refused attempts counted for regulators. */
@IntegrationTest
class RegistryExternalIntegrationTests {

    @LocalServerPort
    int port;

    static final String HEADER = "number,registered_at,grantor,secured_party,collateral_type,description,identifiers,"
            + "blanket_scope,expires_on\n";

    @Test
    void an_imported_national_filing_blocks_a_platform_filing_and_is_cited_as_external() {
        String grantor = Fixtures.freshCreditCode("350100");
        String invoice = "INV-" + UUID.randomUUID();
        String number = "Z" + System.nanoTime();
        String bad = HEADER + number + ",2026-03-01T10:00:00+08:00," + grantor + ",某商业保理有限公司,FACTORING,保理,"
                + invoice + ",,2027-03-01\n" + "X1,not-a-time,NOTACODE,某,VEHICLE,,,,2027-01-01\n";
        var refused = Api.as(port, "bank").postText("/api/v1/registry/external-filings", "text/csv", bad);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("registeredAt", "grantor", "collateralType");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("3");

        String good = HEADER + number + ",2026-03-01T10:00:00+08:00," + grantor + ",某商业保理有限公司,FACTORING,保理,"
                + invoice + ";" + invoice + "-2,,2027-03-01\n";
        var imported = Api.as(port, "bank").postText("/api/v1/registry/external-filings", "text/csv", good);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(1);

        var check = Api.as(port, "bank").post("/api/v1/registry/checks",
                RegistryIntegrationTests.filing(grantor, "RECEIVABLES_PLEDGE", List.of(invoice), null)).json();
        assertThat(check.get("conflicts").get(0).get("external").asBoolean()).isTrue();
        assertThat(check.get("conflicts").get(0).get("securedPartyName").asString()).isEqualTo("某商业保理有限公司");
        var filed = Api.as(port, "bank").post("/api/v1/registry/filings",
                RegistryIntegrationTests.filing(grantor, "RECEIVABLES_PLEDGE", List.of(invoice), null));
        assertThat(filed.status()).as("registered behind the national filing").isEqualTo(201);
        assertThat(filed.json().get("position").asInt()).isEqualTo(2);
        assertThat(filed.json().get("ahead").get(0).get("number").asString()).isEqualTo(number);
        assertThat(filed.json().get("ahead").get(0).get("external").asBoolean()).isTrue();
        assertThat(check.get("position").asInt()).isEqualTo(2);

        var stats = Api.as(port, "regulator").get("/api/v1/registry/statistics").json();
        assertThat(stats.has("blockedAttempts")).isTrue();
        assertThat(Api.as(port, "bank").get("/api/v1/registry/statistics").status()).isEqualTo(403);
    }

    @Test
    void a_certificate_verifies_in_the_workbench_and_a_wrong_hash_does_not() throws Exception {
        String grantor = Fixtures.freshCreditCode("350100");
        var filing = Api.as(port, "bank").post("/api/v1/registry/filings", RegistryIntegrationTests.filing(grantor,
                "EQUIPMENT", List.of("SN-" + UUID.randomUUID()), null)).json();
        String number = filing.get("number").asString();
        String certificate = Api.as(port, "bank").get("/api/v1/registry/filings/" + number + "/certificate").body();
        String hash = certificate.replaceAll("(?s).*<dd id=\"hash\">([0-9a-f]{64})</dd>.*", "$1");
        var enterprise = Workbench.loggedIn(port, "enterprise");
        String page = enterprise.get("/registry").body();
        enterprise.post("/registry/verify", Map.of("_csrf", Workbench.csrf(page), "number", number, "hash", hash));
        assertThat(enterprise.get("/registry?grantor=" + grantor).body()).contains("核验通过");
        String again = enterprise.get("/registry").body();
        enterprise.post("/registry/verify", Map.of("_csrf", Workbench.csrf(again), "number", number,
                "hash", hash.replace(hash.charAt(0), hash.charAt(0) == 'a' ? 'b' : 'a')));
        assertThat(enterprise.get("/registry?grantor=" + grantor).body()).contains("核验未通过");
    }

    @Test
    void the_certificate_is_also_a_pdf_carrying_the_same_hash() throws Exception {
        String grantor = Fixtures.freshCreditCode("350100");
        String number = Api.as(port, "bank").post("/api/v1/registry/filings", RegistryIntegrationTests.filing(grantor,
                "WAREHOUSE_RECEIPT", List.of("WR-" + UUID.randomUUID()), null)).json().get("number").asString();
        String html = Api.as(port, "bank").get("/api/v1/registry/filings/" + number + "/certificate").body();
        String hash = html.replaceAll("(?s).*<dd id=\"hash\">([0-9a-f]{64})</dd>.*", "$1");
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + "/api/v1/registry/filings/" + number + "/certificate.pdf"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("regulator:demo".getBytes()))
                .build();
        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(new String(response.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        var reader = new org.openpdf.text.pdf.PdfReader(response.body());
        String text = new org.openpdf.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text.replaceAll("\\s", "")).contains(hash, number, grantor);
        if (java.nio.file.Files.exists(java.nio.file.Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"))) {
            assertThat(text).contains("动产融资登记证明");
        }
    }
}
