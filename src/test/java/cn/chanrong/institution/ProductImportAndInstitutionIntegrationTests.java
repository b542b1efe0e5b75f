package cn.chanrong.institution;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.Fixtures;
import cn.chanrong.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ProductImportAndInstitutionIntegrationTests {

    @LocalServerPort
    int port;

    record Result(int status, JsonNode json) {
    }

    Result upload(String user, String products, String clauses) throws Exception {
        String boundary = "----chanrong" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"products\"; filename=\"products.csv\"\r\n")
                .append("Content-Type: text/csv\r\n\r\n").append(products).append("\r\n");
        if (clauses != null) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"clauses\"; filename=\"product_clauses.csv\"\r\n")
                    .append("Content-Type: text/csv\r\n\r\n").append(clauses).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        var req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports/products"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        var r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        return new Result(r.statusCode(), Api.JSON.readTree(r.body()));
    }

    String bankCode() {
        for (var i : Api.as(port, "admin").get("/api/v1/institutions").json()) {
            if (i.get("name").asString().startsWith("闽江城市商业银行")) {
                return i.get("creditCode").asString();
            }
        }
        throw new AssertionError("demo bank missing");
    }

    @Test
    void products_import_with_their_clauses_all_or_nothing_and_idempotent() throws Exception {
        String code = "IMP-" + UUID.randomUUID().toString().substring(0, 6);
        String bank = bankCode();
        String products = ProductImports.PRODUCT_COLUMNS + "\n"
                + code + "," + bank + ",导入流贷,Imported loan,WORKING_CAPITAL_LOAN,100000,2000000,3,24,LPR_SPREAD,10,90,,CREDIT,IC;SERVERS,SMALL;MICRO,PUBLISHED\n";
        String clauses = ProductImports.CLAUSE_COLUMNS + "\n" + code + ",1,小微企业,Micro or small,\"e.sizeClass in ['MICRO','SMALL']\"\n";
        var first = upload("bank", products, clauses);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("created").asInt()).isEqualTo(1);
        var again = upload("bank", products, clauses);
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(1);
        var listed = Api.as(port, "enterprise").get("/api/v1/products?size=200").json();
        List<String> codes = new ArrayList<>();
        listed.get("items").forEach(p -> codes.add(p.get("code").asString()));
        assertThat(codes).as("published on import").contains(code);

        String bad = ProductImports.PRODUCT_COLUMNS + "\n"
                + code + "-2," + bank + ",坏产品,Bad,WORKING_CAPITAL_LOAN,100000,2000000,3,48,LPR_SPREAD,10,90,,CREDIT,,,PUBLISHED\n"
                + code + "-3," + bank + ",另一个,Other,WORKING_CAPITAL_LOAN,100000,2000000,3,24,LPR_SPREAD,10,90,,CREDIT,,,DRAFT\n";
        String badClauses = ProductImports.CLAUSE_COLUMNS + "\n" + code + "-2,1,坏条件,Bad,e.employees >\n";
        var refused = upload("bank", bad, badClauses);
        assertThat(refused.status()).isEqualTo(422);
        List<String> where = new ArrayList<>();
        refused.json().get("errors").forEach(e -> where.add(e.get("line").asInt() + ":" + e.get("column").asString()));
        assertThat(where).containsExactly("2:max_term_months", "2:product_clauses.csv clauses[0]");
        assertThat(Api.as(port, "bank").get("/api/v1/products?size=200").json().toString()).doesNotContain(code + "-3");

        var foreign = upload("bank2", products.replace(code, code + "-x"), null);
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.json().get("errors").get(0).get("column").asString()).isEqualTo("institution_credit_code");
    }

    @Test
    void amounts_the_import_cannot_read_are_reported_with_the_rules_verdict() throws Exception {
        String code = "IMA-" + UUID.randomUUID().toString().substring(0, 6);
        String products = ProductImports.PRODUCT_COLUMNS + "\n"
                + code + "," + bankCode() + ",金额有误,Bad amounts,WORKING_CAPITAL_LOAN,1e3,,3,48,LPR_SPREAD,10,90,,CREDIT,,,DRAFT\n";
        var refused = upload("bank", products, null);
        assertThat(refused.status()).isEqualTo(422);
        List<String> where = new ArrayList<>();
        refused.json().get("errors").forEach(e -> where.add(e.get("line").asInt() + ":" + e.get("column").asString() + ":"
                + e.get("code").asString()));
        assertThat(where).containsExactly("2:min_amount:amount.format", "2:max_amount:required",
                "2:max_term_months:product.term-above-maximum");
    }

    @Test
    void institutions_show_branches_and_effective_dated_policy_tools() {
        Api admin = Api.as(port, "admin");
        var created = admin.post("/api/v1/institutions", Map.of("creditCode", Fixtures.freshCreditCode("310100"),
                "name", "浦江银行股份有限公司", "type", "JOINT_STOCK_BANK"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(admin.post("/api/v1/institutions/" + id + "/branches", Map.of("name", "浦江银行苏州分行",
                "regionCode", "320500")).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/institutions/" + id + "/branches", Map.of("name", "x", "regionCode", "990000"))
                .json().get("errors").size()).isEqualTo(2);
        assertThat(admin.post("/api/v1/institutions/" + id + "/policy-tools", Map.of("tool", "CARBON_REDUCTION",
                "validFrom", "2024-01-01", "validTo", "2023-01-01")).status()).isEqualTo(422);
        assertThat(admin.post("/api/v1/institutions/" + id + "/policy-tools", Map.of("tool", "CARBON_REDUCTION",
                "validFrom", "2024-01-01")).status()).isEqualTo(201);
        var details = Api.as(port, "bank").get("/api/v1/institutions/" + id).json();
        assertThat(details.get("branches").get(0).get("regionCode").asString()).isEqualTo("320500");
        assertThat(details.get("policyTools").get(0).get("tool").asString()).isEqualTo("CARBON_REDUCTION");
        assertThat(Api.as(port, "bank").post("/api/v1/institutions", Map.of("creditCode", Fixtures.freshCreditCode("310100"),
                "name", "某银行", "type", "JOINT_STOCK_BANK")).status()).isEqualTo(403);
        var bank = Api.as(port, "bank").get("/api/v1/institutions").json();
        long demoBank = 0;
        for (var i : bank) {
            if (i.get("name").asString().startsWith("闽江城市商业银行")) {
                demoBank = i.get("id").asLong();
            }
        }
        // the demo's city commercial bank takes part in the local banks' tools, not the national banks' re-lending
        var tools = Api.as(port, "bank").get("/api/v1/institutions/" + demoBank).json().get("policyTools");
        assertThat(tools.size()).isEqualTo(2);
        assertThat(tools.get(0).get("tool").asString()).isEqualTo("SMALL_BUSINESS_RELENDING");
        assertThat(tools.get(0).get("validTo").asString()).isEqualTo("2025-12-31");
        assertThat(tools.get(1).get("tool").asString()).isEqualTo("REDISCOUNT");
        assertThat(admin.post("/api/v1/institutions", Map.of("creditCode", Fixtures.freshCreditCode("310100"),
                "name", "某银行", "type", "BANK")).json().get("errors").get(0).get("code").asString())
                .as("a type outside the closed list is refused by name").isEqualTo("enum");
    }
}
