package cn.chanrong.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.ApiContract;
import cn.chanrong.support.IntegrationTest;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The API description tells the truth (#15): no parameter that is not one, each body described by its
 * own schema, the problem every operation may answer, who may call. {@link ApiContract} then checks
 * every exchange the API tests make against it.
 */
@IntegrationTest
class ApiDescriptionIntegrationTests {

    private static final String SCHEMAS = "#/components/schemas/";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    JsonNode doc;

    @BeforeEach
    void load() {
        doc = Api.JSON.readTree(ApiContract.document(port));
    }

    @Test
    void the_document_is_openapi_3_0_which_the_contract_validator_reads() throws Exception {
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/api-docs.json"), ApiContract.document(port));
        assertThat(doc.get("openapi").asString()).startsWith("3.0.");
        assertThat(doc.get("info").get("title").asString()).contains("Chanrong");
    }

    @Test
    void the_caller_comes_from_the_credentials_and_is_no_parameter() {
        List<String> withCaller = new ArrayList<>();
        operations().forEach(o -> o.node().path("parameters").forEach(p -> {
            if (p.get("name").asString().equalsIgnoreCase("caller")) {
                withCaller.add(o.method() + " " + o.path());
            }
        }));
        assertThat(withCaller).isEmpty();
        assertThat(schemas().propertyNames()).doesNotContain("Caller");
    }

    @Test
    void bodies_that_shared_a_name_have_their_own_schemas() {
        Map<String, String> bodies = Map.ofEntries(
                Map.entry("post /api/v1/consents", "cn.chanrong.identity.Consents$Request"),
                Map.entry("post /api/v1/facilities", "cn.chanrong.lending.Facilities$Request"),
                Map.entry("post /api/v1/loan-applications", "cn.chanrong.lending.LoanApplications$Request"),
                Map.entry("post /api/v1/needs", "cn.chanrong.matching.Needs$Request"),
                Map.entry("post /api/v1/roadshows", "cn.chanrong.matching.Roadshows$Request"),
                Map.entry("post /api/v1/denucleated-financings", "cn.chanrong.scf.Denucleated$Request"),
                Map.entry("post /api/v1/enterprises/{id}/qualification-confirmations", "cn.chanrong.credit.QualificationConfirmations$Request"),
                Map.entry("put /api/v1/credit-plans/{year}", "cn.chanrong.lending.CreditPlans$Request"),
                Map.entry("post /api/v1/loans/{id}/transfer", "cn.chanrong.lending.Loans$TransferRequest"),
                Map.entry("post /api/v1/vouchers/parts/{partId}/transfer", "cn.chanrong.scf.Vouchers$TransferRequest"),
                Map.entry("post /api/v1/vouchers", "cn.chanrong.scf.Vouchers$IssueRequest"),
                Map.entry("post /api/v1/warehouse-receipts", "cn.chanrong.scf.WarehouseReceipts$IssueRequest"));
        Set<String> refs = new TreeSet<>();
        bodies.forEach((operation, type) -> {
            String[] mp = operation.split(" ");
            String ref = doc.get("paths").get(mp[1]).get(mp[0]).get("requestBody").get("content")
                    .get("application/json").get("schema").get("$ref").asString();
            refs.add(ref);
            assertThat(properties(ref)).as(operation).isEqualTo(components(load(type)));
        });
        assertThat(refs).as("one schema per body").hasSize(bodies.size());
    }

    /** Every JSON body and every record response is described by the schema of the handler's own type. */
    @Test
    void every_json_body_and_record_response_has_the_schema_of_its_java_type() {
        List<String> wrong = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod h = e.getValue();
            for (String path : e.getKey().getPatternValues()) {
                JsonNode item = doc.get("paths").get(path);
                if (item == null) {
                    continue;
                }
                for (var m : e.getKey().getMethodsCondition().getMethods()) {
                    JsonNode op = item.get(m.name().toLowerCase());
                    String where = m.name() + " " + path;
                    for (MethodParameter p : h.getMethodParameters()) {
                        if (p.hasParameterAnnotation(RequestBody.class) && p.getParameterType().isRecord()) {
                            JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
                            compared++;
                            if (!components(p.getParameterType()).equals(properties(schema))) {
                                wrong.add(where + " body " + schema + " is not " + p.getParameterType().getName());
                            }
                        }
                    }
                    Class<?> returned = record(h.getMethod().getGenericReturnType());
                    JsonNode ok = success(op);
                    if (returned != null && ok != null) {
                        compared++;
                        if (!components(returned).equals(properties(ok))) {
                            wrong.add(where + " response " + ok + " " + properties(ok) + " is not " + returned.getName()
                                    + " " + components(returned));
                        }
                    }
                    if (ok != null && "string".equals(ok.path("type").asString()) && !ok.has("format")
                            && !CharSequence.class.isAssignableFrom(h.getMethod().getReturnType())) {
                        wrong.add(where + " says it answers a string but returns " + h.getMethod().getGenericReturnType());
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(compared).isGreaterThan(100);
    }

    @Test
    void an_answer_carries_every_property_of_its_record_and_a_request_may_leave_them_out() {
        assertThat(schemas().get("Loan").get("required").size()).isEqualTo(schemas().get("Loan").get("properties").size());
        assertThat(schemas().get("ConsentsRequest").has("required")).isFalse();
    }

    @Test
    void schema_names_are_readable_and_each_java_type_has_its_own() {
        assertThat(schemas().propertyNames()).allMatch(n -> n.matches("[A-Z][A-Za-z0-9]*"), "a readable name");
        assertThat(schemas().propertyNames()).contains("ConsentsRequest", "CreditPlansRequest", "VouchersIssueRequest",
                "WarehouseReceiptsIssueRequest", "Loan", "Problem");
    }

    @Test
    void every_operation_may_answer_a_problem_and_needs_http_basic_unless_public() {
        assertThat(doc.get("components").get("securitySchemes").get("basicAuth").get("scheme").asString()).isEqualTo("basic");
        assertThat(doc.get("security").get(0).has("basicAuth")).isTrue();
        assertThat(doc.get("components").get("responses").get("Problem").get("content").has("application/problem+json")).isTrue();
        operations().forEach(o -> {
            assertThat(o.node().get("responses").get("default").get("$ref").asString())
                    .as(o.method() + " " + o.path()).isEqualTo("#/components/responses/Problem");
            if (o.path().startsWith("/api/v1/public/")) {
                assertThat(o.node().get("security")).as(o.path() + " needs no credentials").isEmpty();
            } else {
                assertThat(o.node().has("security")).as(o.path() + " uses the global requirement").isFalse();
            }
        });
    }

    @Test
    void csv_imports_take_csv() {
        for (String path : List.of("/api/v1/imports/enterprises", "/api/v1/imports/statements", "/api/v1/invoices",
                "/api/v1/commodity-prices/import", "/api/v1/project-lists", "/api/v1/status-lists", "/api/v1/restricted-lists")) {
            JsonNode csv = doc.get("paths").get(path).get("post").get("requestBody").get("content").get("text/csv");
            assertThat(csv).as(path).isNotNull();
            assertThat(csv.get("schema").get("format").asString()).as(path + " is the file itself").isEqualTo("binary");
        }
    }

    @Test
    void the_contract_check_refuses_what_the_document_does_not_say() {
        var wrongType = new ApiContract.Exchange("GET", "/api/v1/loans/1", Map.of("Authorization", "Basic eDp5"), null,
                200, "application/json", "{\"id\":\"not a number\",\"principal\":1}");
        assertThat(ApiContract.violations(port, wrongType)).anyMatch(v -> v.contains("id"));
        var undocumentedStatus = new ApiContract.Exchange("GET", "/api/v1/loans/1", Map.of("Authorization", "Basic eDp5"), null,
                404, "text/html", "<html/>");
        assertThat(ApiContract.violations(port, undocumentedStatus)).isNotEmpty();
        var acceptedButNotAllowed = new ApiContract.Exchange("POST", "/api/v1/nowhere", Map.of("Authorization", "Basic eDp5"),
                "{}".getBytes(StandardCharsets.UTF_8), 200, "application/json", "{}");
        assertThat(ApiContract.violations(port, acceptedButNotAllowed)).isNotEmpty();
        var refusedMalformed = new ApiContract.Exchange("POST", "/api/v1/consents", Map.of("Authorization", "Basic eDp5",
                "Content-Type", "application/json"), "{\"enterpriseId\":\"x\"}".getBytes(StandardCharsets.UTF_8), 400,
                "application/problem+json", "{\"type\":\"urn:chanrong:problem:malformed\",\"title\":\"t\",\"status\":400}");
        assertThat(ApiContract.violations(port, refusedMalformed)).as("a refused request may be anything").isEmpty();
    }

    @Test
    void real_exchanges_are_checked_as_they_happen() {
        assertThat(ApiContract.operations(port)).isGreaterThan(150);
        assertThat(Api.as(port, "bank").get("/api/v1/loans?size=2").status()).isEqualTo(200);
        assertThat(Api.as(port, "bank").get("/api/v1/loans/999999999").status()).isEqualTo(404);
        assertThat(Api.as(port, "bank").post("/api/v1/consents", "{\"enterpriseId\":\"x\"}").status()).isEqualTo(400);
    }

    // ---

    record Op(String path, String method, JsonNode node) {
    }

    List<Op> operations() {
        List<Op> out = new ArrayList<>();
        doc.get("paths").properties().forEach(p -> p.getValue().properties()
                .forEach(m -> out.add(new Op(p.getKey(), m.getKey(), m.getValue()))));
        return out;
    }

    JsonNode schemas() {
        return doc.get("components").get("schemas");
    }

    Set<String> properties(String ref) {
        return new TreeSet<>(schemas().get(ref.substring(SCHEMAS.length())).path("properties").propertyNames());
    }

    Set<String> properties(JsonNode schema) {
        return schema.has("$ref") ? properties(schema.get("$ref").asString()) : Set.of();
    }

    /** A record's JSON properties: its components, an unwrapped component's own components in its place. */
    static Set<String> components(Class<?> record) {
        Set<String> out = new TreeSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getAccessor().isAnnotationPresent(com.fasterxml.jackson.annotation.JsonUnwrapped.class) && c.getType().isRecord()) {
                out.addAll(components(c.getType()));
            } else {
                out.add(c.getName());
            }
        }
        return out;
    }

    static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** The record a handler answers with, through ResponseEntity; null for anything else. */
    static Class<?> record(Type t) {
        if (t instanceof ParameterizedType p && p.getRawType() == ResponseEntity.class) {
            return record(p.getActualTypeArguments()[0]);
        }
        return t instanceof Class<?> c && c.isRecord() && c.getPackageName().startsWith("cn.chanrong") ? c : null;
    }

    /** The JSON schema of the operation's 2xx answer, if it has one. */
    static JsonNode success(JsonNode op) {
        for (var r : op.get("responses").properties()) {
            if (r.getKey().startsWith("2")) {
                JsonNode s = r.getValue().path("content").path("application/json").path("schema");
                return s.isMissingNode() ? null : s;
            }
        }
        return null;
    }
}
