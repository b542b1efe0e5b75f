package cn.chanrong.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.Fixtures;
import cn.chanrong.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class EnterpriseApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api admin() {
        return Api.as(port, "admin");
    }

    long rows(String creditCode) {
        return jdbc.sql("SELECT count(*) FROM enterprise WHERE credit_code = :c").param("c", creditCode)
                .query(Long.class).single();
    }

    @Test
    void an_administrator_registers_an_enterprise_and_reads_it_back_with_derived_fields() {
        String code = Fixtures.freshCreditCode("350100");
        var created = admin().post("/api/v1/enterprises", Fixtures.enterprise(code));
        assertThat(created.status()).isEqualTo(201);
        var body = created.json();
        assertThat(created.header("Location")).isEqualTo("/api/v1/enterprises/" + body.get("id").asLong());
        assertThat(body.get("sizeClass").asString()).isEqualTo("SMALL");
        assertThat(body.get("growthStage").asString()).isEqualTo("GROWTH");
        assertThat(body.get("annualRevenue").asString()).isEqualTo("56000000.00");

        var read = admin().get(created.header("Location"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.json().get("creditCode").asString()).isEqualTo(code);
        assertThat(read.json().get("industryName").asString()).isEqualTo("金属切削机床制造");
        assertThat(admin().header("Accept-Language", "en").get(created.header("Location")).json()
                .get("industryName").asString()).isEqualTo("Manufacture of metal-cutting machine tools");
    }

    /** The strict JSON binding reads the amounts; the rules never see text. */
    @Test
    void an_amount_the_json_binding_cannot_read_is_refused_with_its_field_named() {
        String code = Fixtures.freshCreditCode("350100");
        var body = Fixtures.enterprise(code);
        body.put("annualRevenue", "1e3");
        var r = admin().post("/api/v1/enterprises", body);
        assertThat(r.status()).as("refused where the body is read, 422: %s", r.body())
                .isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("annualRevenue");
        assertThat(r.json().get("errors").get(0).get("code").asString()).isEqualTo("amount.format");
        assertThat(rows(code)).isZero();
        body.put("annualRevenue", new java.math.BigDecimal("56000000.50"));
        var numeric = admin().post("/api/v1/enterprises", body);
        assertThat(numeric.status()).as(numeric.body()).isEqualTo(201);
        assertThat(numeric.json().get("annualRevenue").asString()).isEqualTo("56000000.50");
        var statement = new java.util.LinkedHashMap<String, Object>(Map.of("revenue", "1000", "mainBusinessRevenue", "900",
                "rdExpense", "10", "netProfit", "1", "totalAssets", "800", "totalLiabilities", "300", "equity", "500.001"));
        var s = admin().put("/api/v1/enterprises/" + numeric.json().get("id").asLong() + "/annual-statements/2024", statement);
        assertThat(s.status()).as(s.body()).isEqualTo(422);
        assertThat(s.json().get("errors").get(0).get("field").asString()).isEqualTo("equity");
        assertThat(s.json().get("errors").get(0).get("code").asString()).isEqualTo("amount.scale");
    }

    @Test
    void the_list_filters_by_credit_code_name_region_and_industry_and_pages() {
        var byCode = admin().get("/api/v1/enterprises?creditCode=91350100MA53X7NY2G");
        var sme = admin().get("/api/v1/enterprises?name=" + java.net.URLEncoder.encode("精工数控", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(sme.json().get("total").asLong()).isEqualTo(1);
        String smeCode = sme.json().get("items").get(0).get("creditCode").asString();
        assertThat(admin().get("/api/v1/enterprises?creditCode=" + smeCode).json().get("total").asLong()).isEqualTo(1);
        assertThat(byCode.status()).isEqualTo(200);

        var guangdong = admin().get("/api/v1/enterprises?region=440000&size=200").json();
        assertThat(guangdong.get("total").asLong()).isGreaterThanOrEqualTo(7);
        guangdong.get("items").forEach(e -> assertThat(e.get("regionCode").asString()).startsWith("44"));
        var shenzhen = admin().get("/api/v1/enterprises?region=440300&size=200").json();
        shenzhen.get("items").forEach(e -> assertThat(e.get("regionCode").asString()).isEqualTo("440300"));
        var ic = admin().get("/api/v1/enterprises?industry=C397&size=200").json();
        assertThat(ic.get("total").asLong()).isGreaterThanOrEqualTo(4);
        ic.get("items").forEach(e -> assertThat(e.get("industryCode").asString()).startsWith("C397"));

        var page0 = admin().get("/api/v1/enterprises?size=5&page=0").json();
        var page1 = admin().get("/api/v1/enterprises?size=5&page=1").json();
        assertThat(page0.get("items").size()).isEqualTo(5);
        assertThat(page0.get("totalPages").asLong()).isEqualTo((page0.get("total").asLong() + 4) / 5);
        assertThat(page0.get("items").get(0).get("id").asLong()).isNotEqualTo(page1.get("items").get(0).get("id").asLong());
        assertThat(admin().get("/api/v1/enterprises?size=1000").status()).isEqualTo(422);
        assertThat(admin().get("/api/v1/enterprises?page=x").status()).isEqualTo(400);
    }

    @Test
    void bad_input_is_refused_field_by_field_in_the_caller_s_language_and_nothing_is_written() {
        var body = Fixtures.enterprise("91350100M000100Y44");
        body.put("regionCode", "990000");
        body.put("industryCode", "C9999");
        body.put("employees", -3);
        body.put("foundingDate", "2099-01-01");
        var zh = admin().post("/api/v1/enterprises", body);
        assertThat(zh.status()).isEqualTo(422);
        assertThat(zh.header("Content-Type")).startsWith("application/problem+json");
        var errors = zh.json().get("errors");
        List<String> fields = new ArrayList<>();
        errors.forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactly("creditCode", "regionCode", "industryCode", "foundingDate", "employees");
        assertThat(errors.get(0).get("message").asString()).contains("第18位").contains("“3”");
        var en = admin().header("Accept-Language", "en-US,en;q=0.8").post("/api/v1/enterprises", body);
        assertThat(en.json().get("errors").get(0).get("message").asString())
                .isEqualTo("Unified social credit code: the check character at position 18 should be \"3\", not \"4\"");
        assertThat(rows("91350100M000100Y44")).isZero();
    }

    @Test
    void a_wrongly_typed_field_is_named() {
        var r = admin().post("/api/v1/enterprises", "{\"creditCode\":\"x\",\"employees\":\"many\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("employees");
        assertThat(admin().post("/api/v1/enterprises", "{not json").status()).isEqualTo(400);
    }

    @Test
    void html_in_names_is_stored_as_text() {
        String code = Fixtures.freshCreditCode("350100");
        var body = Fixtures.enterprise(code);
        body.put("name", "<script>alert('x')</script>机械厂");
        var r = admin().post("/api/v1/enterprises", body);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("name").asString()).isEqualTo("<script>alert('x')</script>机械厂");
    }

    @Test
    void a_body_over_the_limit_gets_413_problem() {
        String big = "{\"name\":\"" + "x".repeat(1_200_000) + "\"}";
        var r = admin().post("/api/v1/enterprises", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void a_chunked_body_growing_past_the_limit_gets_413_problem() throws Exception {
        byte[] big = ("{\"name\":\"" + "y".repeat(1_300_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/enterprises"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:demo".getBytes()))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                .build();
        var r = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("payload-too-large");
    }

    @Test
    void a_retry_with_the_same_idempotency_key_returns_the_first_result_and_creates_once() {
        String code = Fixtures.freshCreditCode("440300");
        String key = UUID.randomUUID().toString();
        Api keyed = admin().header("Idempotency-Key", key);
        var first = keyed.post("/api/v1/enterprises", Fixtures.enterprise(code));
        var second = keyed.post("/api/v1/enterprises", Fixtures.enterprise(code));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(rows(code)).isEqualTo(1);

        var changed = Fixtures.enterprise(code);
        changed.put("employees", 121);
        var reused = keyed.post("/api/v1/enterprises", changed);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("code").asString()).isEqualTo("idempotency-key-reused");
        // another caller's key space is separate: the same key does not replay admin's result
        assertThat(Api.as(port, "bank").header("Idempotency-Key", key).post("/api/v1/enterprises",
                Fixtures.enterprise(code)).status()).isEqualTo(403);
    }

    @Test
    void an_unusable_idempotency_key_is_refused_by_name() {
        var r = admin().header("Idempotency-Key", "k".repeat(201)).post("/api/v1/enterprises",
                Fixtures.enterprise(Fixtures.freshCreditCode("350100")));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    }

    @Test
    void concurrent_retries_with_one_key_create_one_enterprise() throws Exception {
        String code = Fixtures.freshCreditCode("320500");
        Api keyed = admin().header("Idempotency-Key", UUID.randomUUID().toString());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> keyed.post("/api/v1/enterprises", Fixtures.enterprise(code)));
            }
            List<String> bodies = new ArrayList<>();
            for (Future<Api.Response> f : pool.invokeAll(calls)) {
                assertThat(f.get().status()).isEqualTo(201);
                bodies.add(f.get().body());
            }
            assertThat(bodies).allMatch(b -> b.equals(bodies.get(0)));
        } finally {
            pool.shutdown();
        }
        assertThat(rows(code)).isEqualTo(1);
    }

    @Test
    void a_failed_create_leaves_the_key_free_for_a_corrected_retry() {
        String code = Fixtures.freshCreditCode("350100");
        Api keyed = admin().header("Idempotency-Key", UUID.randomUUID().toString());
        var bad = Fixtures.enterprise(code);
        bad.put("industryCode", "C0000");
        assertThat(keyed.post("/api/v1/enterprises", bad).status()).isEqualTo(422);
        assertThat(keyed.post("/api/v1/enterprises", Fixtures.enterprise(code)).status()).isEqualTo(201);
    }

    @Test
    void updates_need_the_current_version() {
        String code = Fixtures.freshCreditCode("350100");
        var created = admin().post("/api/v1/enterprises", Fixtures.enterprise(code));
        String url = created.header("Location");
        Map<String, Object> body = Fixtures.enterprise(code);
        body.put("employees", 130);

        var missing = admin().put(url, body);
        assertThat(missing.status()).isEqualTo(428);
        var ok = admin().header("If-Match", "\"0\"").put(url, body);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("ETag")).isEqualTo("\"1\"");
        assertThat(ok.json().get("employees").asInt()).isEqualTo(130);

        body.put("employees", 140);
        var staleHeader = admin().header("If-Match", "\"0\"").put(url, body);
        assertThat(staleHeader.status()).isEqualTo(412);
        body.put("version", 0);
        var staleBody = admin().put(url, body);
        assertThat(staleBody.status()).isEqualTo(409);
        assertThat(staleBody.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
        body.put("version", 1);
        assertThat(admin().put(url, body).status()).isEqualTo(200);
        assertThat(admin().get(url).json().get("employees").asInt()).isEqualTo(140);
    }

    @Test
    void concurrent_updates_with_one_version_let_exactly_one_win() throws Exception {
        String code = Fixtures.freshCreditCode("350100");
        String url = admin().post("/api/v1/enterprises", Fixtures.enterprise(code)).header("Location");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int staff = 200 + i;
                calls.add(() -> {
                    var b = Fixtures.enterprise(code);
                    b.put("employees", staff);
                    return admin().header("If-Match", "\"0\"").put(url, b).status();
                });
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 412).hasSize(3);
        } finally {
            pool.shutdown();
        }
        assertThat(admin().get(url).json().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void a_pilot_code_override_needs_an_admin_reason_and_is_audited() {
        String failing = Fixtures.freshCreditCode("350100");
        char check = failing.charAt(17);
        String code = failing.substring(0, 17) + (check == '0' ? '1' : '0');
        var body = Fixtures.enterprise(code);
        assertThat(admin().post("/api/v1/enterprises", body).status()).isEqualTo(422);
        body.put("creditCodeOverrideReason", "2014 pilot code issued before GB 32100");
        var r = admin().post("/api/v1/enterprises", body);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("creditCodeOverridden").asBoolean()).isTrue();
        String detail = jdbc.sql("SELECT detail FROM audit_entry WHERE action = 'enterprise.create' AND target_id = :id")
                .param("id", r.json().get("id").asString()).query(String.class).single();
        assertThat(detail).contains("override").contains("2014 pilot code");
    }

    @Test
    void no_credentials_get_401_problem_json_never_a_redirect() {
        var r = Api.anonymous(port).get("/api/v1/enterprises");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(401);
        assertThat(admin().get("/api/v1/enterprises").status()).isEqualTo(200);
        // remembered credentials never let a wrong password through
        var wrong = Api.anonymous(port).header("Authorization", "Basic YWRtaW46d3Jvbmc=").get("/api/v1/enterprises");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("Location")).isNull();
    }

    @Test
    void health_is_public_and_metrics_are_for_admins() {
        assertThat(Api.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
        assertThat(Api.anonymous(port).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(Api.as(port, "bank").get("/actuator/prometheus").status()).isEqualTo(403);
        var metrics = admin().get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(admin().get("/actuator/info").json().get("database").get("serverVersion").asString()).startsWith("15");
        assertThat(Api.anonymous(port).get("/v3/api-docs").body()).contains("/api/v1/enterprises");
    }
}
