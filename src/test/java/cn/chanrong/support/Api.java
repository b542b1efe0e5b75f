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
        return exchange("POST", path, contentType, bytes);
    }

    /** GETs a binary body (a workbook…). */
    public byte[] getBytes(String path) {
        HttpRequest.Builder b = request(path);
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = r.headers().firstValue("Content-Type").orElse(null);
            boolean text = type != null && (type.contains("json") || type.startsWith("text/"));
            // a binary body is handed over byte for byte; only its presence and type are checked
            ApiContract.check(port, new ApiContract.Exchange("GET", path, requestHeaders(null), null, r.statusCode(), type,
                    new String(r.body(), text ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1)));
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
        if (body == null) {
            return exchange(method, path, null, null);
        }
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return exchange(method, path, "application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a request, checks the exchange against the API description ({@link ApiContract}), returns the answer. */
    private Response exchange(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder b = request(path);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Response response = new Response(r.statusCode(), r.headers().map(), r.body());
            ApiContract.check(port, new ApiContract.Exchange(method, path, requestHeaders(contentType), body,
                    r.statusCode(), response.header("Content-Type"), r.body()));
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            b.header("Authorization", authorization());
        }
        headers.forEach(b::header);
        return b;
    }

    private String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, String> requestHeaders(String contentType) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (user != null) {
            all.put("Authorization", authorization());
        }
        if (contentType != null) {
            all.put("Content-Type", contentType);
        }
        return all;
    }
}
