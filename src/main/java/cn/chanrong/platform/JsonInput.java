package cn.chanrong.platform;

import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Dates;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A JSON request body read strictly at the edge: an object with only the fields named, each of the type it must have —
 * text for money, per cents and days (parsed once here into typed values), whole numbers, lists of texts, an enum's
 * names. Every problem is collected with its field, so that one answer names everything wrong.
 */
public final class JsonInput {

    /** The most amount a body may carry: a trillion yuan. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000.00");

    private final JsonNode body;
    private final List<Rejection> problems = new ArrayList<>();

    private JsonInput(JsonNode body) {
        this.body = body;
    }

    /** The body, refused at once unless an object; a field not in {@code allowed} is a problem. */
    public static JsonInput of(JsonNode body, Set<String> allowed) {
        if (body == null || !body.isObject()) {
            throw Rejected.invalid(Rejection.of("warning.object", "body"));
        }
        JsonInput in = new JsonInput(body);
        for (String name : body.propertyNames()) {
            if (!allowed.contains(name)) {
                in.problems.add(Rejection.of("warning.field.unknown", name));
            }
        }
        return in;
    }

    public List<Rejection> problems() {
        return problems;
    }

    public void problem(Rejection r) {
        problems.add(r);
    }

    /** Throws every problem found, if any. */
    public void done() {
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
    }

    public JsonNode node(String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v;
    }

    public String text(String field) {
        JsonNode v = node(field);
        if (v == null) {
            return null;
        }
        if (!v.isString()) {
            problems.add(Rejection.of("warning.field.text", field));
            return null;
        }
        return v.asString();
    }

    public Integer integer(String field) {
        JsonNode v = node(field);
        if (v == null) {
            return null;
        }
        if (!v.isInt()) {
            problems.add(Rejection.of("body.field.integer", field));
            return null;
        }
        return v.asInt();
    }

    /** A list of at most 100 texts, stripped; empty when absent. */
    public List<String> texts(String field) {
        JsonNode v = node(field);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!v.isArray() || v.size() > 100) {
            problems.add(Rejection.of("body.field.list", field));
            return out;
        }
        for (JsonNode e : v) {
            if (!e.isString()) {
                problems.add(Rejection.of("body.field.list", field));
                return out;
            }
            out.add(e.asString().strip());
        }
        return out;
    }

    /** Money as strict text: two decimals at most, no exponent, positive, at most {@link #MAX_AMOUNT}. */
    public BigDecimal money(String field) {
        String raw = text(field);
        return raw == null || raw.isBlank() ? null : Amounts.parse(raw.strip(), field, false, MAX_AMOUNT, problems);
    }

    /** A decimal as strict text with at most {@code scale} decimals (per cents). */
    public BigDecimal decimal(String field, int scale) {
        String raw = text(field);
        return raw == null || raw.isBlank() ? null : Amounts.decimal(raw.strip(), field, scale, problems);
    }

    public LocalDate date(String field) {
        String raw = text(field);
        return raw == null || raw.isBlank() ? null : Dates.required(raw.strip(), field, problems);
    }

    /** One of the enum's names, or a problem naming them all. */
    public <E extends Enum<E>> E choice(Class<E> type, String field) {
        return choice(type, text(field), field);
    }

    public <E extends Enum<E>> E choice(Class<E> type, String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(v -> v.name().equals(raw.strip())).findFirst().orElseGet(() -> {
            problems.add(Rejection.of("enum", field, raw, Arrays.toString(type.getEnumConstants())));
            return null;
        });
    }
}
