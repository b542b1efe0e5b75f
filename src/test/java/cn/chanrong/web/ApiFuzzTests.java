package cn.chanrong.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.ChildPlatform;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of the OpenAPI document, sent what a careless or hostile client sends — nothing,
 * an empty object, values of the wrong type or size, ids that are letters or too large, an
 * {@code Accept} no endpoint produces — as the administrator and as an ordinary user (issue 15 §2).
 * No answer may be a 5xx; every 4xx is an RFC 9457 problem with its {@code code}, and a 400 caused by
 * one value names the field. The platform under test is a child on its own data directory, so
 * whatever a wrong input happens to create is thrown away with it and no later test sees it.
 */
class ApiFuzzTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> USERS = List.of("admin", "enterprise");
    private static final List<String> IGNORED_PARAMETERS = List.of("caller");
    private static final String MULTIPART = "--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--b--\r\n";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> failures = new ArrayList<>();
    private int port;
    private int requests;

    @Test
    void no_operation_answers_a_5xx_or_a_4xx_that_is_not_a_problem() throws Exception {
        try (ChildPlatform platform = new ChildPlatform("--chanrong.demo.enterprises=60", "--chanrong.credit.demo.firms=1500",
                "--chanrong.business-date=2026-06-30")) {
            // -Dchanrong.fuzz.port=… aims at a platform already running on its own throwaway data (while mending)
            port = Integer.getInteger("chanrong.fuzz.port", 0);
            if (port == 0) {
                port = ChildPlatform.freePort();
                Process p = platform.start("serve", "--server.port=" + port);
                platform.awaitHealthy(port, p);
            }
            JsonNode doc = JSON.readTree(http.send(HttpRequest.newBuilder(uri("/v3/api-docs")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            int operations = 0;
            for (var path : doc.get("paths").properties()) {
                for (var op : path.getValue().properties()) {
                    if (!List.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
                        continue;
                    }
                    operations++;
                    for (String user : USERS) {
                        fuzz(doc, user, op.getKey().toUpperCase(), path.getKey(), op.getValue());
                    }
                }
            }
            System.out.println("RESULT api-fuzz operations=" + operations + " requests=" + requests + " failures="
                    + failures.size());
            assertThat(operations).isGreaterThan(100);
            assertThat(failures).as("%d of %d requests misanswered:%n%s", failures.size(), requests,
                    String.join("\n", failures.subList(0, Math.min(120, failures.size())))).isEmpty();
        }
    }

    private void fuzz(JsonNode doc, String user, String method, String template, JsonNode op) {
        List<JsonNode> params = new ArrayList<>();
        if (op.has("parameters")) {
            op.get("parameters").forEach(p -> {
                if (!IGNORED_PARAMETERS.contains(p.get("name").asString())) {
                    params.add(p);
                }
            });
        }
        String bodyType = null;
        JsonNode bodySchema = null;
        if (op.has("requestBody")) {
            var content = op.get("requestBody").get("content");
            bodyType = content.propertyNames().iterator().next();
            if (content.has("application/json")) {
                bodyType = "application/json";
            }
            bodySchema = resolve(doc, content.get(bodyType).get("schema"));
        }
        Map<String, String> valid = new LinkedHashMap<>();
        for (JsonNode p : params) {
            valid.put(p.get("name").asString(), sample(doc, p));
        }
        String path = fill(template, params, valid, null, null);
        String query = query(params, valid, null, null, true);
        boolean json = "application/json".equals(bodyType);
        String plain = json ? "{}" : bodyType == null ? null : bodyType.startsWith("multipart/") ? MULTIPART : "x\n";
        if (bodyType != null && bodyType.startsWith("multipart/")) {
            bodyType = "multipart/form-data; boundary=b";
        }

        // (a) nothing: no query parameters, no body
        send(user, method, fill(template, params, valid, null, null), null, null, null, "nothing");
        // (b) an empty object (or an empty file) with the required parameters
        if (bodyType != null) {
            send(user, method, path + query, bodyType, json ? "{}" : "", null, "empty body");
        } else if (!method.equals("GET")) {
            send(user, method, path + query, "application/json", "{}", null, "unexpected {}");
        }
        // (c) wrong-typed and out-of-range values, one at a time
        for (JsonNode p : params) {
            String name = p.get("name").asString();
            String in = p.get("in").asString();
            for (String wrong : wrongValues(doc, p)) {
                if (in.equals("path")) {
                    send(user, method, fill(template, params, valid, name, wrong) + query, bodyType, plain,
                            null, "path " + name + "=" + wrong);
                } else if (in.equals("query")) {
                    send(user, method, path + query(params, valid, name, wrong, false), bodyType, plain,
                            null, "query " + name + "=" + wrong, name);
                } else if (in.equals("header") && !name.equalsIgnoreCase("Content-Type")) {
                    send(user, method, path + query, bodyType, plain, Map.of(name, wrong),
                            "header " + name + "=" + wrong.substring(0, Math.min(20, wrong.length())));
                }
            }
        }
        if (json && bodySchema != null && bodySchema.has("properties")) {
            for (var prop : bodySchema.get("properties").properties()) {
                for (String wrong : wrongJson(doc, prop.getKey(), resolve(doc, prop.getValue()))) {
                    String body = "{" + JSON.writeValueAsString(prop.getKey()) + ":" + wrong + "}";
                    send(user, method, path + query, bodyType, body, null,
                            prop.getKey() + "=" + wrong, prop.getKey());
                }
            }
        }
        if (json) {
            for (String whole : List.of("[]", "\"x\"", "not json", "{\"a\":", "null")) {
                send(user, method, path + query, bodyType, whole, null, "body " + whole);
            }
        } else if (bodyType != null && bodyType.startsWith("multipart/")) {
            send(user, method, path + query, "multipart/form-data", "x", null, "multipart without boundary");
            send(user, method, path + query, bodyType, MULTIPART, null, "multipart without part");
        } else if (bodyType != null) {
            send(user, method, path + query, bodyType, "\u0000\u00ff,,,\n\"unterminated", null, "garbage file");
        }
        // (d) an Accept the endpoint cannot produce
        for (String accept : List.of("application/xml", "text/csv")) {
            send(user, method, path + query, bodyType, plain, Map.of("Accept", accept), "Accept " + accept);
        }
    }

    private static List<String> wrongValues(JsonNode doc, JsonNode param) {
        JsonNode schema = resolve(doc, param.get("schema"));
        String type = type(schema);
        String format = schema == null || !schema.has("format") ? "" : schema.get("format").asString();
        List<String> values = new ArrayList<>(List.of("", "%20"));
        switch (type) {
            case "integer", "number" -> values.addAll(List.of("abc", "2147483648", "9999999999999", "9999999999999999999999",
                    "1e12", "-1", "1.5"));
            case "boolean" -> values.add("maybe");
            default -> {
                if (format.startsWith("date")) {
                    values.addAll(List.of("2026-13-45", "yesterday", "99999-01-01"));
                } else {
                    values.addAll(List.of("x".repeat(600), "%E4%B8%AD%00", "1e3"));
                }
            }
        }
        if (param.get("in").asString().equals("path")) {
            values.remove("");
            values.remove("%20");
        }
        if (param.get("in").asString().equals("header")) {
            values.clear();
            values.addAll(List.of("", "x".repeat(300), "\"abc\"", "W/\"-1\""));
        }
        return values;
    }

    private static List<String> wrongJson(JsonNode doc, String name, JsonNode schema) {
        String type = type(schema);
        String format = schema == null || !schema.has("format") ? "" : schema.get("format").asString();
        List<String> values = new ArrayList<>(List.of("{}", "[1]", "null"));
        switch (type) {
            case "integer" -> values.addAll(List.of("\"abc\"", "2147483648", "1e12", "12.5", "-1", "99999999999999999999"));
            case "number" -> values.addAll(List.of("\"abc\"", "1e3", "\"1E+2\"", "\"1.\"", "\"00001.00\"", "\" 1000000.00 \"",
                    "1e400", "0.001", "-1"));
            case "boolean" -> values.addAll(List.of("\"maybe\"", "2"));
            case "array" -> values.addAll(List.of("\"x\"", "[{}]", "[\"abc\", 2147483648]", "[null]"));
            case "object" -> values.addAll(List.of("\"x\"", "12"));
            default -> {
                if (format.startsWith("date")) {
                    values.addAll(List.of("\"2026-13-45\"", "\"yesterday\"", "20260101"));
                } else {
                    values.addAll(List.of("\"\"", "\"   \"", "\"" + "x".repeat(5000) + "\"", "\"1e3\"", "\" 1000000.00 \"",
                            "\"00001.00\"", "\"-0\"", "\"\\u0000\"", "123456789012345678901234567890"));
                }
            }
        }
        return values;
    }

    private static String sample(JsonNode doc, JsonNode param) {
        JsonNode schema = resolve(doc, param.get("schema"));
        String format = schema == null || !schema.has("format") ? "" : schema.get("format").asString();
        return switch (type(schema)) {
            case "integer", "number" -> param.get("name").asString().equals("year") ? "2025" : "1";
            case "boolean" -> "true";
            default -> format.equals("date") ? "2026-01-01" : format.equals("date-time") ? "2026-01-01T00:00:00Z"
                    : param.get("name").asString().equals("grantor") ? "91350100M000100Y43"
                    : param.get("name").asString().equals("decision") ? "CONFIRMED" : "X1";
        };
    }

    private static String type(JsonNode schema) {
        if (schema == null || !schema.has("type")) {
            return schema != null && schema.has("properties") ? "object" : "string";
        }
        JsonNode t = schema.get("type");
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (!x.asString().equals("null")) {
                    return x.asString();
                }
            }
        }
        return t.asString();
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        for (int i = 0; schema != null && i < 5; i++) {
            if (schema.has("$ref")) {
                String ref = schema.get("$ref").asString().replace("#/components/schemas/", "");
                schema = doc.get("components").get("schemas").get(ref);
            } else if (schema.has("allOf") && schema.get("allOf").size() == 1) {
                schema = schema.get("allOf").get(0);
            } else if (schema.has("oneOf") || schema.has("anyOf")) {
                JsonNode alternatives = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
                JsonNode pick = null;
                for (JsonNode a : alternatives) {
                    if (!"null".equals(a.path("type").asString(""))) {
                        pick = a;
                    }
                }
                schema = pick;
            } else {
                return schema;
            }
        }
        return schema;
    }

    private static String fill(String template, List<JsonNode> params, Map<String, String> valid, String name, String value) {
        String path = template;
        for (JsonNode p : params) {
            if (p.get("in").asString().equals("path")) {
                String n = p.get("name").asString();
                String v = n.equals(name) ? value : valid.get(n);
                path = path.replace("{" + n + "}", n.equals(name) ? v : URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        }
        return path;
    }

    private static String query(List<JsonNode> params, Map<String, String> valid, String name, String value, boolean requiredOnly) {
        StringBuilder q = new StringBuilder();
        for (JsonNode p : params) {
            if (!p.get("in").asString().equals("query")) {
                continue;
            }
            String n = p.get("name").asString();
            boolean required = p.has("required") && p.get("required").asBoolean();
            if (n.equals(name)) {
                q.append(q.isEmpty() ? "?" : "&").append(n).append('=').append(value.matches("[A-Za-z0-9%._-]*") ? value
                        : URLEncoder.encode(value, StandardCharsets.UTF_8));
            } else if (required) {
                q.append(q.isEmpty() ? "?" : "&").append(n).append('=').append(URLEncoder.encode(valid.get(n), StandardCharsets.UTF_8));
            }
        }
        return q.toString();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private void send(String user, String method, String path, String contentType, String body, Map<String, String> headers,
                      String variant) {
        send(user, method, path, contentType, body, headers, variant, null);
    }

    /** Sends one request and notes what is wrong with its answer; {@code field} is the one value at fault, if any. */
    private void send(String user, String method, String path, String contentType, String body, Map<String, String> headers,
                      String variant, String field) {
        requests++;
        String what = user + " " + method + " " + (path.length() > 120 ? path.substring(0, 120) + "…" : path) + " [" + variant + "]";
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(120));
        } catch (IllegalArgumentException unsendable) {
            requests--;
            return;
        }
        b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        b.header("Accept-Language", "en");
        if (headers != null) {
            headers.forEach((k, v) -> {
                try {
                    b.setHeader(k, v);
                } catch (IllegalArgumentException restricted) {
                    // a header java.net.http will not send
                }
            });
        }
        if (body != null) {
            b.header("Content-Type", contentType == null ? "application/json" : contentType);
            b.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            failures.add(what + " → no answer: " + e);
            return;
        }
        int status = r.statusCode();
        if (status >= 500) {
            failures.add(what + " → " + status + " " + clip(r.body()));
            return;
        }
        if (status < 400) {
            return;
        }
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            failures.add(what + " → " + status + " " + type + " " + clip(r.body()));
            return;
        }
        try {
            JsonNode p = JSON.readTree(r.body());
            if (!p.hasNonNull("code") || p.get("status").asInt() != status) {
                failures.add(what + " → " + status + " problem without code or status: " + clip(r.body()));
            } else if (p.has("errors")) {
                for (JsonNode e : p.get("errors")) {
                    if (!e.hasNonNull("code") || !e.hasNonNull("message") || e.get("message").asString().matches(".*\\{\\d\\}.*")) {
                        failures.add(what + " → " + status + " error without code or message: " + clip(r.body()));
                    }
                }
            }
            if (field != null && status == 400) {
                boolean named = false;
                for (JsonNode e : p.path("errors")) {
                    named |= e.hasNonNull("field");
                }
                if (!named) {
                    failures.add(what + " → 400 names no field: " + clip(r.body()));
                }
            }
        } catch (RuntimeException notJson) {
            failures.add(what + " → " + status + " problem is not JSON: " + clip(r.body()));
        }
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
