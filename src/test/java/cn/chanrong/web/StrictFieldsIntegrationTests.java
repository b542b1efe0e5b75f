package cn.chanrong.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.Fixtures;
import cn.chanrong.support.IntegrationTest;
import cn.chanrong.support.Workbench;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Strict amounts and fields (issue 15 §5): money is plain decimal text with at most two decimals at
 * every endpoint, string or JSON number alike; the workbench's forms may type grouped digits; a
 * replace with nothing in it is refused; messages have every placeholder filled and fit their act.
 */
@IntegrationTest
class StrictFieldsIntegrationTests {

    @LocalServerPort
    int port;

    private Api as(String user) {
        return Api.as(port, user).header("Accept-Language", "en");
    }

    private static Map<String, Object> need(Object amount) {
        Map<String, Object> m = new HashMap<>();
        m.put("amount", amount);
        m.put("termMonths", 24);
        m.put("purpose", "EQUIPMENT_RENEWAL");
        m.put("collateral", "NONE");
        return m;
    }

    private long myNeeds() {
        return as("enterprise").get("/api/v1/needs?mine=true&size=1").json().get("total").asLong();
    }

    @ParameterizedTest(name = "amount \"{0}\" is refused, not booked")
    @ValueSource(strings = {"1e3", "1E+2", "1.", "00001.00", " 1000000.00 ", "1000000.001", "1,000,000.00"})
    void money_text_that_is_not_plain_decimal_is_refused_with_the_field_named(String amount) {
        long before = myNeeds();
        var r = as("enterprise").post("/api/v1/needs", need(amount));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode e = r.json().get("errors").get(0);
        assertThat(e.get("field").asString()).isEqualTo("amount");
        assertThat(e.get("code").asString()).isIn("amount.format", "amount.scale");
        assertThat(myNeeds()).as("nothing booked").isEqualTo(before);
    }

    @ParameterizedTest(name = "a JSON decimal {0} is refused")
    @ValueSource(strings = {"1e3", "\"1E+2\"", "\"1.\"", "\"00001.00\"", "\" 1000000.00 \"", "1000.001"})
    void a_decimal_bound_from_json_follows_the_same_grammar(String amount) {
        var r = as("bank").post("/api/v1/credit-decisions", "{\"enterpriseId\": 1, \"amount\": " + amount + ", \"months\": 12}");
        // well-formed JSON with a value the money grammar refuses: 422, as when a service refuses it
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        JsonNode e = r.json().get("errors").get(0);
        assertThat(e.get("field").asString()).isEqualTo("amount");
        assertThat(e.get("code").asString()).isIn("amount.format", "amount.scale");
    }

    @Test
    void the_workbench_form_accepts_grouped_digits_and_normalises_them_before_the_same_parser() throws Exception {
        var sme = Workbench.loggedIn(port, "enterprise");
        String csrf = Workbench.csrf(sme.get("/needs").body());
        var grouped = sme.post("/needs", Map.of("_csrf", csrf, "amount", " 1,250,000.00 ", "termMonths", "24",
                "purpose", "EQUIPMENT_RENEWAL"));
        assertThat(grouped.statusCode()).isEqualTo(302);
        String location = grouped.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/needs/\\d+");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(as("enterprise").get("/api/v1/needs/" + id).json().get("amount").asDouble()).isEqualTo(1_250_000.0);
        var exponent = sme.post("/needs", Map.of("_csrf", csrf, "amount", "1e6", "termMonths", "24",
                "purpose", "EQUIPMENT_RENEWAL"));
        assertThat(exponent.headers().firstValue("Location").orElseThrow()).endsWith("/needs");
    }

    @Test
    void an_empty_object_on_a_replace_is_refused_rather_than_clearing_everything() {
        var created = as("admin").post("/api/v1/enterprises", Fixtures.enterprise(Fixtures.freshCreditCode("350100")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String path = "/api/v1/enterprises/" + id + "/chain-tags";
        var set = as("admin").put(path, Map.of("tags", List.of("MACHINE_TOOLS")));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        var empty = as("admin").put(path, "{}");
        assertThat(empty.status()).as(empty.body()).isEqualTo(422);
        assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("tags");
        assertThat(as("admin").get(path).body()).contains("MACHINE_TOOLS");
        assertThat(as("admin").put(path, Map.of("tags", List.of())).status()).as("an explicit empty set clears").isEqualTo(200);
    }

    @Test
    void an_xml_doctype_is_refused_in_words_with_no_placeholder_left() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE EInvoice [<!ENTITY x \"y\">]><EInvoice/>";
        var r = as("enterprise").postText("/api/v1/invoices?format=xml", "application/xml", xml);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        String message = r.json().get("errors").get(0).get("message").asString();
        assertThat(message).isEqualTo("XML: a DOCTYPE is not allowed (DTDs and entities are refused)");
        var zh = Api.as(port, "enterprise").postText("/api/v1/invoices?format=xml", "application/xml", xml);
        assertThat(zh.json().get("errors").get(0).get("message").asString()).doesNotContain("{").contains("DOCTYPE");
    }

    @Test
    void a_refusal_to_resolve_an_objection_speaks_of_resolving_not_cancelling() {
        String grantor = Fixtures.freshCreditCode("350100");
        Map<String, Object> filing = new HashMap<>();
        filing.put("grantor", grantor);
        filing.put("collateralType", "INVENTORY");
        filing.put("description", "存货 / inventory");
        filing.put("identifiers", List.of("WH-" + UUID.randomUUID()));
        filing.put("termMonths", 12);
        String number = as("bank").post("/api/v1/registry/filings", filing).json().get("number").asString();
        var objected = as("enterprise").post("/api/v1/registry/filings/" + number + "/objections",
                Map.of("reason", "登记与事实不符 / not as filed"));
        assertThat(objected.status()).as(objected.body()).isEqualTo(201);
        long objection = objected.json().get("objections").get(0).get("id").asLong();
        var resolve = as("bank2").post("/api/v1/registry/filings/" + number + "/objections/" + objection + "/resolution",
                Map.of("resolution", "不是我们的 / not ours"));
        assertThat(resolve.status()).isEqualTo(403);
        assertThat(resolve.json().get("detail").asString()).isEqualTo("Only the secured party may resolve objections to filing "
                + number).doesNotContain("cancel");
        var amend = as("bank2").post("/api/v1/registry/filings/" + number + "/extensions", Map.of("termMonths", 6));
        assertThat(amend.status()).isEqualTo(403);
        assertThat(amend.json().get("detail").asString()).contains("amend or extend").doesNotContain("cancel");
    }
}
