package cn.chanrong.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import cn.chanrong.support.Workbench;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * One error shape before and after the controller (issue 15 §2, §3): a bad request is a 4xx
 * RFC 9457 problem naming the parameter or field — never a 500, never Spring Boot's or Tomcat's own
 * body — localised, and a page outside the API gets the styled error page instead.
 */
@IntegrationTest
class ErrorShapeIntegrationTests {

    @LocalServerPort
    int port;

    private Api as(String user) {
        return Api.as(port, user).header("Accept-Language", "en");
    }

    private static JsonNode problem(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(r.body()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("type").asString()).startsWith("urn:chanrong:problem:");
        assertThat(p.get("code").asString()).isNotBlank();
        assertThat(p.get("title").asString()).isNotBlank();
        return p;
    }

    private static String field(JsonNode p) {
        return p.get("errors").get(0).get("field").asString();
    }

    // ---- §2: no 5xx on bad requests

    @Test
    void a_missing_required_query_parameter_is_a_400_naming_it() {
        JsonNode filings = problem(as("bank").get("/api/v1/registry/filings"), 400);
        assertThat(field(filings)).isEqualTo("grantor");
        assertThat(filings.get("errors").get(0).get("code").asString()).isEqualTo("parameter.missing");
        assertThat(filings.get("detail").asString()).startsWith("Query parameter").endsWith("is required");
        JsonNode message = problem(as("core").get("/api/v1/receivables/1/message"), 400);
        assertThat(field(message)).isEqualTo("decision");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/csv"})
    void an_accept_the_endpoint_cannot_produce_is_a_406_problem(String accept) {
        JsonNode p = problem(as("admin").header("Accept", accept).get("/api/v1/enterprises"), 406);
        assertThat(p.get("code").asString()).isEqualTo("not-acceptable");
        assertThat(field(p)).isEqualTo("Accept");
        assertThat(p.get("detail").asString()).contains(accept);
    }

    @Test
    void an_empty_json_object_names_the_missing_fields_instead_of_failing() {
        JsonNode assess = problem(as("enterprise").post("/api/v1/denucleated-financings", "{}"), 422);
        assertThat(assess.get("errors").size()).isPositive();
        assertThat(assess.get("errors").get(0).has("field")).isTrue();
        JsonNode decide = problem(as("core").post("/api/v1/receivables/1/decision", "{}"), 422);
        assertThat(field(decide)).isEqualTo("decision");
        JsonNode batch = problem(as("core").post("/api/v1/receivables/decisions", "{}"), 422);
        assertThat(field(batch)).isEqualTo("decision");
    }

    @Test
    void a_multipart_import_without_its_part_or_without_a_boundary_is_a_400_problem() {
        String boundary = "----chanrong-test";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"; filename=\"x.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\ncode\r\n--" + boundary + "--\r\n";
        JsonNode noPart = problem(as("admin").postText("/api/v1/imports/products",
                "multipart/form-data; boundary=" + boundary, body), 400);
        assertThat(field(noPart)).isEqualTo("products");
        assertThat(noPart.get("errors").get(0).get("code").asString()).isEqualTo("part.missing");
        JsonNode noBoundary = problem(as("admin").postText("/api/v1/imports/products", "multipart/form-data", "x"), 400);
        assertThat(noBoundary.get("errors").get(0).get("code").asString()).isEqualTo("multipart.malformed");
    }

    // ---- §3: one error shape, before and after the controller

    @Test
    void method_media_type_and_unknown_routes_answer_problems_in_the_callers_language() {
        JsonNode method = problem(as("admin").send("DELETE", "/api/v1/enterprises", null), 405);
        assertThat(method.get("detail").asString()).contains("DELETE").contains("GET");
        JsonNode media = problem(as("enterprise").postText("/api/v1/denucleated-financings", "text/plain", "x"), 415);
        assertThat(field(media)).isEqualTo("Content-Type");
        assertThat(media.get("detail").asString()).contains("text/plain").contains("application/json");
        JsonNode unknown = problem(as("admin").get("/api/v1/no-such-thing"), 404);
        assertThat(unknown.get("detail").asString()).isEqualTo("There is no GET /api/v1/no-such-thing");
        JsonNode zh = problem(Api.as(port, "admin").get("/api/v1/no-such-thing"), 404);
        assertThat(zh.get("detail").asString()).isEqualTo("不存在GET /api/v1/no-such-thing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/%2e%2e/enterprises", "/api/v1//enterprises", "/api/v1/enterprises;jsessionid=0A1B"})
    void the_firewalls_refusals_are_400_problems(String path) throws IOException {
        Raw r = Raw.get(port, path, "admin", "application/json", "en");
        assertThat(r.status).as(r.body).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = Api.JSON.readTree(r.body);
        assertThat(p.get("errors").get(0).get("code").asString()).isEqualTo("path.rejected");
        assertThat(p.get("instance").asString()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/enterprises%2f1", "/api/v1/enterprises%001", "/api/v1/enterprises%5c1"})
    void tomcats_own_refusals_are_400_problems_not_its_html(String path) throws IOException {
        Raw r = Raw.get(port, path, "admin", "*/*", "zh-CN");
        assertThat(r.status).as(r.body).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body).doesNotContain("Tomcat").doesNotContain("<html");
        JsonNode p = Api.JSON.readTree(r.body);
        assertThat(p.get("code").asString()).isEqualTo("malformed");
        assertThat(p.get("errors").get(0).get("code").asString()).isEqualTo("path.invalid");
        assertThat(p.get("title").asString()).isEqualTo("请求格式错误");
    }

    @Test
    void a_url_over_8_kb_is_a_problem_too() throws IOException {
        Raw r = Raw.get(port, "/api/v1/enterprises?q=" + "a".repeat(9000), "admin", "application/json", "en");
        assertThat(r.status).as(r.body).isBetween(400, 431);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = Api.JSON.readTree(r.body);
        assertThat(p.get("errors").get(0).get("code").asString()).isEqualTo("request.too-long");
    }

    @Test
    void a_refused_csv_import_reports_as_a_problem_with_its_rows() {
        var r = as("admin").postText("/api/v1/imports/enterprises", "text/csv", "\"unterminated\n");
        JsonNode p = problem(r, 422);
        assertThat(p.get("code").asString()).isEqualTo("invalid");
        assertThat(p.get("kind").asString()).isEqualTo("enterprises");
        assertThat(p.get("errors").get(0).get("code").asString()).isEqualTo("csv.malformed");
        assertThat(p.get("errors").get(0).has("line")).isTrue();
        assertThat(p.get("detail").asString()).startsWith("Malformed CSV");
    }

    @Test
    void a_body_over_the_limit_is_the_same_problem_shape() {
        JsonNode p = problem(as("admin").post("/api/v1/enterprises", "{\"name\":\"" + "x".repeat(1_100_000) + "\"}"), 413);
        assertThat(p.get("code").asString()).isEqualTo("payload-too-large");
        assertThat(p.get("instance").asString()).isEqualTo("/api/v1/enterprises");
        assertThat(p.get("detail").asString()).contains("1,048,576");
    }

    @Test
    void a_number_out_of_range_names_the_field_and_the_rule() {
        JsonNode term = problem(as("enterprise").post("/api/v1/loan-applications", "{\"termMonths\": 2147483648}"), 400);
        assertThat(field(term)).isEqualTo("termMonths");
        assertThat(term.get("errors").get(0).get("code").asString()).isEqualTo("body.number-range");
        assertThat(term.get("detail").asString()).contains("2147483648").contains("int32");
        JsonNode spread = problem(as("enterprise").post("/api/v1/loan-applications", "{\"spreadBp\": 1e12}"), 400);
        assertThat(field(spread)).isEqualTo("spreadBp");
        assertThat(spread.get("errors").get(0).get("code").asString()).isNotEqualTo("body.malformed");
        JsonNode fraction = problem(as("enterprise").post("/api/v1/loan-applications", "{\"termMonths\": 12.5}"), 400);
        assertThat(field(fraction)).isEqualTo("termMonths");
    }

    @Test
    void pages_get_the_styled_error_page_not_json() throws Exception {
        var bank = Workbench.loggedIn(port, "bank");
        var page = bank.get("/no-such-page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("class=\"topbar\"").contains("请求未能完成").doesNotContain("\"status\"");
        Raw raw = Raw.get(port, "/enterprises%2f1", null, "text/html", "en");
        assertThat(raw.status).isEqualTo(400);
        assertThat(raw.contentType()).startsWith("text/html");
        assertThat(raw.body).contains("chanrong.css").contains("cannot be decoded").doesNotContain("Tomcat");
    }

    /** A request written byte by byte: paths that java.net.http would normalise or refuse to send. */
    record Raw(int status, Map<String, String> headers, String body) {

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        static Raw get(int port, String path, String user, String accept, String language) throws IOException {
            try (Socket s = new Socket("localhost", port)) {
                s.setSoTimeout(30_000);
                StringBuilder req = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n");
                if (user != null) {
                    req.append("Authorization: Basic ").append(Base64.getEncoder()
                            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))).append("\r\n");
                }
                req.append("Accept: ").append(accept).append("\r\nAccept-Language: ").append(language)
                        .append("\r\nConnection: close\r\n\r\n");
                OutputStream out = s.getOutputStream();
                out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return read(s.getInputStream());
            }
        }

        private static Raw read(InputStream in) throws IOException {
            byte[] all = in.readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int split = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, split).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            byte[] body = java.util.Arrays.copyOfRange(all, split + 4, all.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunk(body);
            }
            return new Raw(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] unchunk(byte[] chunked) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int i = 0;
            while (i < chunked.length) {
                int eol = i;
                while (eol + 1 < chunked.length && !(chunked[eol] == '\r' && chunked[eol + 1] == '\n')) {
                    eol++;
                }
                int size = Integer.parseInt(new String(chunked, i, eol - i, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                out.write(chunked, eol + 2, size);
                i = eol + 2 + size + 2;
            }
            return out.toByteArray();
        }
    }
}
