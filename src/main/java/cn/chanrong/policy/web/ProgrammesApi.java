package cn.chanrong.policy.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.policy.Programmes;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/policy/programmes")
@Tag(name = "policy", description = "Policy money: programmes with effective-dated terms and eligibility")
class ProgrammesApi {

    private final Programmes programmes;

    ProgrammesApi(Programmes programmes) {
        this.programmes = programmes;
    }

    /** A new programme as sent: money and percentages in {@code terms} as text. */
    record DraftDoc(String code, @Schema(allowableValues = {"TECH_RELENDING", "CARBON_TOOL", "SMALL_BUSINESS_RELENDING",
            "REDISCOUNT", "CENTRAL_SUBSIDY", "LOCAL_SUBSIDY", "GUARANTEE_SCHEME", "RISK_POOL"}) String kind, String name,
                    String nameEn, String source, @Schema(format = "date") String effectiveFrom,
                    @Schema(example = "{\"ratePercent\": \"1.25\", \"sharePercent\": \"60\", \"termMonths\": 12, \"rollovers\": 2, \"quotaYuan\": \"1200000000000.00\"}") Map<String, Object> terms,
                    @Schema(example = "{\"institutionTypes\": [\"JOINT_STOCK_BANK\"], \"listTypes\": [\"TECH_TRANSFORMATION\"]}") Map<String, Object> eligibility,
                    String note) {
    }

    record VersionDoc(@Schema(format = "date") String effectiveFrom, Map<String, Object> terms, Map<String, Object> eligibility,
                      String note) {
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Programmes with the version in force on a day (today unless ?on=YYYY-MM-DD), by kind")
    Page<Programmes.Programme> list(Caller caller, @RequestParam(required = false) String kind,
                                    @RequestParam(required = false) String on, @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        return programmes.list(caller, kind, day(on), PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One programme with every version and the one in force on a day")
    Programmes.Programme get(Caller caller, @PathVariable long id, @RequestParam(required = false) String on) {
        return programmes.get(caller, id, day(on));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('REGULATOR', 'ADMIN')")
    @Operation(summary = "A new programme with its first version (the issuing department's regulators, administrators)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = DraftDoc.class)))
    Programmes.Programme create(Caller caller, @RequestBody JsonNode body) {
        Programmes.VersionDraft v = version(body);
        return programmes.create(caller, new Programmes.Draft(text(body, "code"), text(body, "kind"), text(body, "name"),
                text(body, "nameEn"), text(body, "source"), v.effectiveFrom(), v.terms(), v.eligibility(), v.note()));
    }

    @PostMapping(value = "/{id}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('REGULATOR', 'ADMIN')")
    @Operation(summary = "A new version of a programme, in force from a day not in the past")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = VersionDoc.class)))
    Programmes.Programme version(Caller caller, @PathVariable long id, @RequestBody JsonNode body) {
        return programmes.addVersion(caller, id, version(body));
    }

    /** The parts every version has, read at the edge: the first day, the terms, the eligibility, the note. */
    private static Programmes.VersionDraft version(JsonNode body) {
        object(body, "body");
        List<Rejection> problems = new ArrayList<>();
        LocalDate from = cn.chanrong.shared.Dates.required(text(body, "effectiveFrom"), "effectiveFrom", problems);
        Map<String, Object> terms = members(body, "terms", problems);
        Map<String, Object> eligibility = members(body, "eligibility", problems);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return new Programmes.VersionDraft(from, terms, eligibility, text(body, "note"));
    }

    private static void object(JsonNode n, String field) {
        if (n == null || !n.isObject()) {
            throw Rejected.invalid(Rejection.of("policy.object", field));
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.isString() ? v.asString() : v.toString();
    }

    static LocalDate day(String on) {
        if (on == null || on.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(on.strip());
        } catch (DateTimeParseException e) {
            throw Rejected.invalid(Rejection.of("date.format", "on", on.length() > 40 ? on.substring(0, 40) : on));
        }
    }

    /** An object's members as plain values: texts, booleans, whole numbers, lists of texts; anything else refused. */
    private static Map<String, Object> members(JsonNode body, String field, List<Rejection> problems) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject() || n.size() > 30) {
            problems.add(Rejection.of("policy.object", field));
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (var e : n.properties()) {
            JsonNode v = e.getValue();
            String at = field + "." + e.getKey();
            if (v.isString()) {
                m.put(e.getKey(), v.asString());
            } else if (v.isBoolean()) {
                m.put(e.getKey(), v.asBoolean());
            } else if (v.isIntegralNumber() && v.canConvertToInt()) {
                m.put(e.getKey(), v.asInt());
            } else if (v.isNumber()) {
                // money and rates are text (two or four decimals, no exponent): a JSON number would lose that
                problems.add(Rejection.of("policy.term.text", at, v.toString()));
            } else if (v.isArray() && v.size() <= 200) {
                List<Object> items = new ArrayList<>();
                v.forEach(x -> items.add(x.isString() ? x.asString() : x.toString()));
                m.put(e.getKey(), items);
            } else {
                problems.add(Rejection.of("policy.term.type", at, v.toString().length() > 40 ? v.toString().substring(0, 40)
                        : v.toString()));
            }
        }
        return m;
    }
}
