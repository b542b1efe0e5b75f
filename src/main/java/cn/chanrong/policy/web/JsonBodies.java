package cn.chanrong.policy.web;

import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The policy API's request bodies read at the edge: a JSON object whose members are texts among those named (a typo is
 * refused, not ignored), money as strict text parsed once into a typed amount.
 */
final class JsonBodies {

    /** The largest amount the policy API takes in one request. */
    static final BigDecimal MAX = new BigDecimal("100000000000.00");

    private JsonBodies() {
    }

    static JsonNode object(JsonNode body, Set<String> allowed) {
        if (body == null || !body.isObject()) {
            throw Rejected.invalid(Rejection.of("policy.object", "body"));
        }
        List<Rejection> problems = new ArrayList<>();
        for (String name : body.propertyNames()) {
            if (!allowed.contains(name)) {
                problems.add(Rejection.of("policy.field.unknown", name));
            } else if (!body.get(name).isNull() && !body.get(name).isString()) {
                String raw = body.get(name).toString();
                problems.add(Rejection.of("policy.term.type", name, raw.length() > 40 ? raw.substring(0, 40) : raw));
            }
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return body;
    }

    static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    /** A required amount as strict money text (two decimals at most, no exponent), or the rejection naming the field. */
    static BigDecimal money(String raw, String field) {
        List<Rejection> problems = new ArrayList<>();
        BigDecimal amount = raw == null || raw.isBlank() ? null : Amounts.parse(raw.strip(), field, false, MAX, problems);
        if (raw == null || raw.isBlank()) {
            problems.add(Rejection.of("required", field));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return amount;
    }
}
