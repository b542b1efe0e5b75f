package cn.chanrong.warning.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Dates;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.warning.CoachingCases;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** One-to-one coaching cases, the institutions' specialists and the expert pool (issue 20 §5). */
@RestController
@Tag(name = "warning", description = "Shared high-risk lists, the institutions exposed and their answers")
class CoachingApi {

    private final CoachingCases cases;

    CoachingApi(CoachingCases cases) {
        this.cases = cases;
    }

    private static JsonNode object(JsonNode body, Set<String> allowed, List<Rejection> problems) {
        if (body == null || !body.isObject()) {
            throw Rejected.invalid(Rejection.of("warning.object", "body"));
        }
        for (String name : body.propertyNames()) {
            if (!allowed.contains(name)) {
                problems.add(Rejection.of("warning.field.unknown", name));
            }
        }
        return body;
    }

    private static String text(JsonNode body, String field, List<Rejection> problems) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            problems.add(Rejection.of("warning.field.text", field));
            return null;
        }
        return v.asString();
    }

    private static LocalDate date(JsonNode body, String field, List<Rejection> problems) {
        String raw = text(body, field, problems);
        return raw == null || raw.isBlank() ? null : Dates.required(raw, field, problems);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String raw, String field, List<Rejection> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(v -> v.name().equals(raw.strip())).findFirst().orElseGet(() -> {
            problems.add(Rejection.of("enum", field, raw, Arrays.toString(type.getEnumConstants())));
            return null;
        });
    }

    record ItemDoc(String name, @Schema(allowableValues = {"ENTERPRISE", "INSTITUTION", "OFFICE"}) String supplier,
                   @Schema(example = "2026-07-31") String dueOn) {
    }

    record OpenDoc(@Schema(description = "unified social credit code") String enterprise, String project,
                   @Schema(example = "50000000.00") String financingNeed, @Schema(example = "2026-09-30") String dueOn,
                   List<ItemDoc> items) {
    }

    @PostMapping(path = "/api/v1/warning/cases", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "A local office (MIIT regulators; a bureau for its region) opens a coaching case: the enterprise by "
            + "credit code, the project, the financing need, a due day, the checklist (要件) with who supplies each and by when")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = OpenDoc.class)))
    CoachingCases.Case open(Caller caller, @RequestBody JsonNode body) {
        List<Rejection> problems = new ArrayList<>();
        object(body, Set.of("enterprise", "project", "financingNeed", "dueOn", "items"), problems);
        String need = text(body, "financingNeed", problems);
        BigDecimal amount = need == null || need.isBlank() ? null
                : Amounts.parse(need.strip(), "financingNeed", false, new BigDecimal("1000000000000.00"), problems);
        List<CoachingCases.ItemDraft> items = new ArrayList<>();
        JsonNode list = body.get("items");
        if (list != null && !list.isNull()) {
            if (!list.isArray() || list.size() > 50) {
                problems.add(Rejection.of("range", "items", 1, 50, list.isArray() ? list.size() : 0));
            } else {
                for (int n = 0; n < list.size(); n++) {
                    JsonNode i = object(list.get(n), Set.of("name", "supplier", "dueOn"), problems);
                    items.add(new CoachingCases.ItemDraft(text(i, "name", problems), choice(CoachingCases.Supplier.class,
                            text(i, "supplier", problems), "items[" + n + "].supplier", problems), date(i, "dueOn", problems)));
                }
            }
        }
        CoachingCases.Open open = new CoachingCases.Open(text(body, "enterprise", problems), text(body, "project", problems),
                amount, date(body, "dueOn", problems), items);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return cases.open(caller, open);
    }

    @GetMapping("/api/v1/warning/cases")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Coaching cases in scope (the office's region, the enterprise's own, the assigned specialists' "
            + "institutions), newest first, by status OPEN, FINANCED, CLOSED")
    Page<CoachingCases.Case> list(Caller caller, @RequestParam(required = false) String status,
                                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return cases.list(caller, status, PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/warning/cases/funnel")
    @PreAuthorize("hasRole('REGULATOR') or hasRole('ADMIN')")
    @Operation(summary = "The office's cases: open, financed, closed, open past their day, items missing and past their day")
    CoachingCases.Funnel funnel(Caller caller) {
        return cases.funnel(caller);
    }

    @GetMapping("/api/v1/warning/cases/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One case with its checklist, specialists and reviews")
    CoachingCases.Case get(Caller caller, @PathVariable long id) {
        return cases.get(caller, id);
    }

    @PostMapping("/api/v1/warning/case-items/{id}/supply")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The item's supplier marks it supplied: the enterprise its own, an assigned specialist's institution, "
            + "the office; once")
    CoachingCases.Case supply(Caller caller, @PathVariable long id) {
        return cases.supply(caller, id);
    }

    record AssignDoc(long specialist) {
    }

    @PostMapping(path = "/api/v1/warning/cases/{id}/specialists", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "The office assigns a registered specialist to the case")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = AssignDoc.class)))
    CoachingCases.Case assign(Caller caller, @PathVariable long id, @RequestBody JsonNode body) {
        List<Rejection> problems = new ArrayList<>();
        object(body, Set.of("specialist"), problems);
        JsonNode s = body.get("specialist");
        if (s == null || !s.isIntegralNumber()) {
            problems.add(Rejection.of("required", "specialist"));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return cases.assign(caller, id, s.asLong());
    }

    record ReviewDoc(long expert, boolean conflict,
                     @Schema(allowableValues = {"SUPPORT", "CONDITIONAL", "NOT_SUPPORTED"}) String recommendation,
                     String opinion) {
    }

    @PostMapping(path = "/api/v1/warning/cases/{id}/reviews", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "The office records an expert's review: a declared conflict of interest recuses (no recommendation)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = ReviewDoc.class)))
    CoachingCases.Case review(Caller caller, @PathVariable long id, @RequestBody JsonNode body) {
        List<Rejection> problems = new ArrayList<>();
        object(body, Set.of("expert", "conflict", "recommendation", "opinion"), problems);
        JsonNode expert = body.get("expert");
        JsonNode conflict = body.get("conflict");
        if (expert == null || !expert.isIntegralNumber()) {
            problems.add(Rejection.of("required", "expert"));
        }
        if (conflict == null || !conflict.isBoolean()) {
            problems.add(Rejection.of("warning.field.boolean", "conflict"));
        }
        var r = choice(CoachingCases.Recommendation.class, text(body, "recommendation", problems), "recommendation", problems);
        String opinion = text(body, "opinion", problems);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return cases.review(caller, id, expert.asLong(), conflict.asBoolean(), r, opinion);
    }

    record OutcomeDoc(@Schema(example = "L2026063000000012") String loan,
                      @Schema(description = "or an equity deal invested in the enterprise", example = "EQ2026000001")
                      String deal) {
    }

    @PostMapping(path = "/api/v1/warning/cases/{id}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "The financing that came of the case, by number: a loan paid out to its enterprise, or an equity "
            + "deal invested in it")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = OutcomeDoc.class)))
    CoachingCases.Case outcome(Caller caller, @PathVariable long id, @RequestBody JsonNode body) {
        List<Rejection> problems = new ArrayList<>();
        object(body, Set.of("loan", "deal"), problems);
        String loan = text(body, "loan", problems);
        String deal = text(body, "deal", problems);
        if (loan != null && deal != null) {
            problems.add(Rejection.of("warning.case.one-outcome", "deal"));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        if (deal != null && !deal.strip().startsWith("EQ")) {
            throw Rejected.invalid(Rejection.of("warning.case.deal-number", "deal", deal.strip()));
        }
        return cases.outcome(caller, id, deal != null ? deal : loan);
    }

    @GetMapping("/api/v1/experts")
    @PreAuthorize("hasRole('REGULATOR') or hasRole('ADMIN')")
    @Operation(summary = "The industry expert pool (产业专家库)")
    List<CoachingCases.Expert> experts(Caller caller) {
        return cases.experts(caller);
    }

    record ExpertDoc(String name, String organisation, @Schema(example = "智能制造；工业母机") String fields) {
    }

    @PostMapping(path = "/api/v1/experts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "MIIT's regulators register an expert: name, organisation, fields")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = ExpertDoc.class)))
    CoachingCases.Expert registerExpert(Caller caller, @RequestBody JsonNode body) {
        List<Rejection> problems = new ArrayList<>();
        object(body, Set.of("name", "organisation", "fields"), problems);
        var e = new CoachingCases.Expert(0, text(body, "name", problems), text(body, "organisation", problems),
                text(body, "fields", problems), null);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return cases.registerExpert(caller, e);
    }

    @GetMapping("/api/v1/warning/specialists")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('REGULATOR') or hasRole('ADMIN')")
    @Operation(summary = "Financial specialists (金融专员): an institution its own, regulators all")
    List<CoachingCases.Specialist> specialists(Caller caller) {
        return cases.specialists(caller);
    }

    record SpecialistDoc(String name, @Schema(description = "the enterprise's credit code") String enterprise, String park) {
    }

    @PostMapping(path = "/api/v1/warning/specialists", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "An institution's approver or administrator registers a specialist stationed at an enterprise (by "
            + "credit code) or a park")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = SpecialistDoc.class)))
    CoachingCases.Specialist registerSpecialist(Caller caller, @RequestBody JsonNode body) {
        List<Rejection> problems = new ArrayList<>();
        object(body, Set.of("name", "enterprise", "park"), problems);
        String name = text(body, "name", problems);
        String enterprise = text(body, "enterprise", problems);
        String park = text(body, "park", problems);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return cases.registerSpecialist(caller, name, enterprise, park);
    }
}
