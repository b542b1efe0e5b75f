package cn.chanrong.monitoring.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.monitoring.MonitoringRules;
import cn.chanrong.monitoring.internal.PaymentEventReader;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/monitoring/rules")
@Tag(name = "monitoring", description = "Fund-usage monitoring: the detections' versioned, effective-dated parameters")
class MonitoringRulesApi {

    private final MonitoringRules rules;

    MonitoringRulesApi(MonitoringRules rules) {
        this.rules = rules;
    }

    /** A draft as sent: the rule's code, the product (optional), the first day, the parameters, why. */
    record DraftDoc(@Schema(allowableValues = {"prohibited-use", "hidden-refinancing", "round-trip", "fan-out", "payee-other",
            "split", "related-round-trip", "pass-through", "purpose-mismatch", "proceeds-return", "collateral-filing",
            "use-unreported", "trace"}) String rule, Long productId, @Schema(format = "date") String effectiveFrom,
                    @Schema(example = "{\"enabled\": true, \"windowDays\": 45, \"minSharePercent\": 40}") Map<String, Object> params,
                    String note) {
    }

    record PeriodDoc(@Schema(format = "date") String from, @Schema(format = "date") String to) {
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Rule versions: an institution's own and the platform's; administrators and financial regulators all")
    Page<MonitoringRules.RuleVersion> list(Caller caller, @RequestParam(required = false) String rule,
                                           @RequestParam(required = false) String status,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        return rules.list(caller, rule, status, PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One rule version with its parameters and its back-test")
    MonitoringRules.RuleVersion get(Caller caller, @PathVariable long id) {
        return rules.get(caller, id);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('INSTITUTION', 'ADMIN')")
    @Operation(summary = "Draft a new version of a rule (an institution's approver or administrator; the platform's by an administrator)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = DraftDoc.class)))
    MonitoringRules.RuleVersion draft(Caller caller, @RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Rejected.invalid(Rejection.of("monitoring.rule.object", "body"));
        }
        List<Rejection> problems = new ArrayList<>();
        String rule = PaymentEventReader.text(body, "", "rule", 1, 40, true, problems);
        Long productId = null;
        JsonNode p = body.get("productId");
        if (p != null && !p.isNull()) {
            if (p.isIntegralNumber() && p.canConvertToLong()) {
                productId = p.asLong();
            } else {
                problems.add(Rejection.of("monitoring.rule.product", "productId", p.toString()));
            }
        }
        LocalDate from = PaymentEventReader.date(body, "", "effectiveFrom", problems);
        String note = PaymentEventReader.text(body, "", "note", 2, 500, true, problems);
        Map<String, Object> params = null;
        JsonNode ps = body.get("params");
        if (ps == null || ps.isNull()) {
            problems.add(Rejection.of("required", "params"));
        } else if (!ps.isObject() || ps.size() > 20) {
            problems.add(Rejection.of("monitoring.rule.object", "params"));
        } else {
            params = members(ps, problems);
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return rules.draft(caller, new MonitoringRules.Draft(rule, productId, from, params, note));
    }

    /** A parameter object's members as plain values: booleans, whole numbers, texts, lists of texts. */
    private static Map<String, Object> members(JsonNode ps, List<Rejection> problems) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (var e : ps.properties()) {
            JsonNode v = e.getValue();
            String field = "params." + e.getKey();
            if (v.isBoolean()) {
                m.put(e.getKey(), v.asBoolean());
            } else if (v.isIntegralNumber() && v.canConvertToInt()) {
                m.put(e.getKey(), v.asInt());
            } else if (v.isString() && v.asString().length() <= 40) {
                m.put(e.getKey(), v.asString());
            } else if (v.isArray() && v.size() <= 20) {
                List<String> items = new ArrayList<>();
                for (JsonNode x : v) {
                    items.add(x.isString() && x.asString().length() <= 40 ? x.asString() : String.valueOf(x).substring(0,
                            Math.min(40, String.valueOf(x).length())));
                }
                m.put(e.getKey(), items);
            } else {
                problems.add(Rejection.of("monitoring.rule.value", field));
            }
        }
        return m;
    }

    @PostMapping(value = "/{id}/backtest", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('INSTITUTION', 'ADMIN')")
    @Operation(summary = "Back-test a draft over the payments kept between two value dates, beside the versions live then")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PeriodDoc.class)))
    MonitoringRules.RuleVersion backtest(Caller caller, @PathVariable long id, @RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Rejected.invalid(Rejection.of("monitoring.rule.object", "body"));
        }
        List<Rejection> problems = new ArrayList<>();
        LocalDate from = PaymentEventReader.date(body, "", "from", problems);
        LocalDate to = PaymentEventReader.date(body, "", "to", problems);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return rules.backtest(caller, id, from, to);
    }

    @PostMapping("/{id}/activate")
    @PreAuthorize("hasAnyRole('INSTITUTION', 'ADMIN')")
    @Operation(summary = "Put a back-tested draft live from its date (not by its drafter)")
    MonitoringRules.RuleVersion activate(Caller caller, @PathVariable long id) {
        return rules.activate(caller, id);
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasAnyRole('INSTITUTION', 'ADMIN')")
    @Operation(summary = "Withdraw a draft")
    MonitoringRules.RuleVersion withdraw(Caller caller, @PathVariable long id) {
        return rules.withdraw(caller, id);
    }
}
