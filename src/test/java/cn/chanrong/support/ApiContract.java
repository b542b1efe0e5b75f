package cn.chanrong.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API description as a contract: every exchange an API test makes through {@link Api} is
 * checked against {@code /v3/api-docs} of the platform that answered it (loaded once per port).
 * A response must be one the document describes (status, content type, body schema); a request
 * the server accepted (2xx/3xx) must be one the document allows (path, method, parameters, body).
 * A refused request may be anything — tests send malformed ones on purpose.
 *
 * <p>A violation fails the calling test. With {@code -Dchanrong.api-contract=report} violations are
 * only collected ({@code =off}: not checked); either way {@code target/api-contract.txt} lists the exchanges validated, the
 * operations they reached and the violations.
 */
public final class ApiContract {

    /** Message keys not enforced, each with the reason. Keep this list short. */
    static final Map<String, String> NOT_ENFORCED = Map.of(
            "validation.request.body.unexpected",
            "tests post {} to actions that take no body (grant, accept, fund…); the server ignores it and the document "
                    + "rightly says none is needed");

    /** What the document describes (springdoc.paths-to-match); actuator and the document itself are not in it. */
    private static final String SCOPE = "/api/";
    private static final String MODE = System.getProperty("chanrong.api-contract", "fail");
    private static final boolean FAIL = !"report".equals(MODE);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Map<Integer, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final AtomicInteger EXCHANGES = new AtomicInteger();
    private static final Map<Integer, List<Template>> TEMPLATES = new ConcurrentHashMap<>();
    private static final Set<String> OPERATIONS = new ConcurrentSkipListSet<>();
    private static final Set<String> ANSWERED = new ConcurrentSkipListSet<>();
    private static final Map<String, List<String>> VIOLATIONS = new TreeMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ApiContract::writeReport, "api-contract-report"));
    }

    private ApiContract() {
    }

    /** An exchange to check: the request as sent and the response as received. */
    public record Exchange(String method, String pathAndQuery, Map<String, String> requestHeaders, byte[] requestBody,
                           int status, String responseContentType, String responseBody) {
    }

    /** Checks one exchange; throws {@link AssertionError} on a violation unless in report mode. */
    static void check(int port, Exchange e) {
        List<String> violations = violations(port, e);
        if (violations == null) {
            return;
        }
        if (!violations.isEmpty()) {
            String where = e.method() + " " + e.pathAndQuery() + " → " + e.status();
            synchronized (VIOLATIONS) {
                VIOLATIONS.computeIfAbsent(where, k -> new ArrayList<>()).addAll(violations);
            }
            if (FAIL) {
                throw new AssertionError("The exchange does not match /v3/api-docs: " + where + "\n  "
                        + String.join("\n  ", violations) + "\nResponse body: " + abbreviate(e.responseBody()));
            }
        }
    }

    /** The violations of one exchange, or null when it is outside the document or no document answers on that port. */
    public static List<String> violations(int port, Exchange e) {
        if ("off".equals(MODE) || !e.pathAndQuery().startsWith(SCOPE)) {
            return null;
        }
        OpenApiInteractionValidator validator = validator(port);
        if (validator == null) {
            return null;
        }
        String path = e.pathAndQuery();
        String query = null;
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q + 1);
            path = path.substring(0, q);
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(e.method(), path);
        if (query != null && !query.isEmpty()) {
            Map<String, List<String>> params = new TreeMap<>();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
            params.forEach(request::withQueryParam);
        }
        e.requestHeaders().forEach(request::withHeader);
        if (e.requestBody() != null) {
            request.withBody(e.requestBody());
        }
        SimpleResponse.Builder response = new SimpleResponse.Builder(e.status());
        if (e.responseContentType() != null) {
            response.withContentType(e.responseContentType());
        }
        if (e.responseBody() != null) {
            response.withBody(e.responseBody());
        }
        ValidationReport report = validator.validate(request.build(), response.build());
        EXCHANGES.incrementAndGet();
        boolean refused = e.status() >= 400;
        List<String> out = new ArrayList<>();
        String method = e.method().toUpperCase(java.util.Locale.ROOT);
        String reqPath = path;
        TEMPLATES.getOrDefault(port, List.of()).stream()
                .filter(t -> t.method().equals(method) && t.pattern().matcher(reqPath).matches())
                .findFirst().ifPresent(t -> {
                    OPERATIONS.add(method + " " + t.path());
                    if (e.status() < 300) {
                        ANSWERED.add(method + " " + t.path());
                    }
                });
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() != ValidationReport.Level.ERROR || NOT_ENFORCED.containsKey(m.getKey())) {
                continue;
            }
            if (refused && m.getKey().startsWith("validation.request")) {
                continue;
            }
            out.add(m.getKey() + ": " + m.getMessage() + (m.getNestedMessages().isEmpty() ? ""
                    : " " + m.getNestedMessages().stream().map(ValidationReport.Message::getMessage).toList()));
        }
        return out;
    }

    private static OpenApiInteractionValidator validator(int port) {
        OpenApiInteractionValidator v = VALIDATORS.get(port);
        if (v != null) {
            return v;
        }
        String doc = document(port);
        if (doc == null) {
            return null;
        }
        v = OpenApiInteractionValidator.createForInlineApiSpecification(doc)
                .withLevelResolver(LevelResolver.create().withDefaultLevel(ValidationReport.Level.ERROR).build())
                .build();
        VALIDATORS.put(port, v);
        TEMPLATES.computeIfAbsent(port, p -> templates(doc));
        return v;
    }

    /** The document as the platform on that port serves it, or null when none answers. */
    public static String document(int port) {
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private record Template(String method, String path, java.util.regex.Pattern pattern) {
    }

    /** The document's operations as path patterns, literal paths first, to tell which ones the tests reach. */
    private static List<Template> templates(String doc) {
        List<Template> out = new ArrayList<>();
        Api.JSON.readTree(doc).get("paths").properties().forEach(p -> p.getValue().propertyNames().forEach(m -> {
            String regex = java.util.Arrays.stream(p.getKey().split("/", -1))
                    .map(seg -> seg.startsWith("{") ? "[^/]+" : java.util.regex.Pattern.quote(seg))
                    .collect(java.util.stream.Collectors.joining("/"));
            out.add(new Template(m.toUpperCase(java.util.Locale.ROOT), p.getKey(), java.util.regex.Pattern.compile(regex)));
        }));
        out.sort(java.util.Comparator.comparingLong((Template t) -> t.path().chars().filter(c -> c == '{').count()));
        return out;
    }

    /** How many operations the document of that port has. */
    public static int operations(int port) {
        validator(port);
        return TEMPLATES.getOrDefault(port, List.of()).size();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }

    private static void writeReport() {
        if (EXCHANGES.get() == 0) {
            return;
        }
        StringBuilder b = new StringBuilder();
        b.append("exchanges validated: ").append(EXCHANGES.get()).append('\n');
        b.append("operations reached: ").append(OPERATIONS.size()).append(", with a 2xx answer: ").append(ANSWERED.size())
                .append('\n');
        synchronized (VIOLATIONS) {
            b.append("exchanges with violations: ").append(VIOLATIONS.size()).append('\n');
            VIOLATIONS.forEach((where, vs) -> b.append('\n').append(where).append('\n')
                    .append(String.join("\n", vs.stream().distinct().map(v -> "  " + v).toList())).append('\n'));
        }
        b.append("\noperations:\n");
        OPERATIONS.forEach(o -> b.append(ANSWERED.contains(o) ? "  " : "  (refused only) ").append(o).append('\n'));
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "api-contract.txt"), b.toString());
        } catch (IOException ignored) {
            // the report is a convenience; the assertions already ran
        }
    }
}
