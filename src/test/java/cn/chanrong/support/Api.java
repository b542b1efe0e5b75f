package cn.chanrong.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for API tests: Basic auth as a demo user, JSON in and out. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final int port;
    private final String user;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Api(int port, String user) {
        this.port = port;
        this.user = user;
    }

    public static Api as(int port, String user) {
        return new Api(port, user);
    }

    public static Api anonymous(int port) {
        return new Api(port, null);
    }

    public Api header(String name, String value) {
        Api copy = new Api(port, user);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        return copy;
    }

    public record Response(int status, Map<String, java.util.List<String>> headers, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    /** POSTs a text body (CSV…) with its content type. */
    public Response postText(String path, String contentType, String text) {
        return postBytes(path, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs raw bytes (a GBK file…) with their content type. */
    public Response postBytes(String path, String contentType, byte[] bytes) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(b::header);
        b.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs a binary body (a workbook…). */
    public byte[] getBytes(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(b::header);
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response send(String method, String path, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
            b.header("Authorization", "Basic " + token);
        }
        headers.forEach(b::header);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
