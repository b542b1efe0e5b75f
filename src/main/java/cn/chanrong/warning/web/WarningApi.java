package cn.chanrong.warning.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.platform.Uploads;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import cn.chanrong.warning.WarningLists;
import cn.chanrong.warning.domain.ExposureAction;
import cn.chanrong.warning.domain.Severity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Shared high-risk lists: published by regulators, matched to the institutions exposed, answered by them (issue 20 §1). */
@RestController
@RequestMapping("/api/v1/warning")
@Tag(name = "warning", description = "Shared high-risk lists, the institutions exposed and their answers")
class WarningApi {

    private final WarningLists lists;
    private final cn.chanrong.warning.WarningReports reports;
    private final cn.chanrong.warning.WarningSignals signals;
    private final cn.chanrong.warning.InvolutionWatch involution;
    private final ApiErrors errors;

    WarningApi(WarningLists lists, cn.chanrong.warning.WarningReports reports, cn.chanrong.warning.WarningSignals signals,
               cn.chanrong.warning.InvolutionWatch involution, ApiErrors errors) {
        this.involution = involution;
        this.signals = signals;
        this.lists = lists;
        this.reports = reports;
        this.errors = errors;
    }

    @GetMapping("/signals")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A borrower's early-warning signals on the business date, each a named rule with its reason and "
            + "weight, and the warning level they combine into: the enterprise itself, the institutions lending to it, "
            + "every regulator where it is registered")
    cn.chanrong.warning.WarningSignals.Assessment signals(Caller caller, @RequestParam long enterpriseId) {
        return signals.assess(caller, enterpriseId);
    }

    @GetMapping("/involution")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('REGULATOR') or hasRole('ADMIN')")
    @Operation(summary = "The involution watch over the twelve months to the business date, by institution, province and "
            + "sector: lending to restricted sectors and its growth, the capacity-building part, loans priced below the "
            + "lender's cost plus the grade's expected loss; the lender's own, the financial and industry regulators' region")
    cn.chanrong.warning.InvolutionWatch.Figures involution(Caller caller) {
        return involution.figures(caller);
    }

    @GetMapping("/cost-settings")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('REGULATOR') or hasRole('ADMIN')")
    @Operation(summary = "The cost of a loan the watch prices against: the institution's own settings over time and the "
            + "platform's defaults")
    List<cn.chanrong.warning.InvolutionWatch.CostSetting> costSettings(Caller caller) {
        return involution.costSettings(caller);
    }

    record CostDoc(@Schema(example = "1.85") String fundingPercent, @Schema(example = "0.70") String operatingPercent,
                   @Schema(example = "0.65") String capitalPercent, @Schema(example = "45") String lgdPercent,
                   @Schema(example = "2026-07-01") String effectiveFrom) {
    }

    @org.springframework.web.bind.annotation.PutMapping(value = "/cost-settings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "The institution's approver or administrator sets its cost of a loan (percent a year of the amount "
            + "lent: funding, operating, capital) and the loss given default it assumes, in force from a day not in the past")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = CostDoc.class)))
    cn.chanrong.warning.InvolutionWatch.CostSetting setCost(Caller caller, @RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Rejected.invalid(Rejection.of("warning.object", "body"));
        }
        List<Rejection> problems = new ArrayList<>();
        Set<String> fields = Set.of("fundingPercent", "operatingPercent", "capitalPercent", "lgdPercent", "effectiveFrom");
        for (String name : body.propertyNames()) {
            if (!fields.contains(name)) {
                problems.add(Rejection.of("warning.field.unknown", name));
            } else if (!body.get(name).isNull() && !body.get(name).isString()) {
                problems.add(Rejection.of("warning.field.text", name));
            }
        }
        java.util.function.Function<String, java.math.BigDecimal> pct = f -> {
            String raw = text(body, f);
            return raw == null || raw.isBlank() ? null : cn.chanrong.shared.Amounts.decimal(raw.strip(), f, 4, problems);
        };
        var funding = pct.apply("fundingPercent");
        var operating = pct.apply("operatingPercent");
        var capital = pct.apply("capitalPercent");
        var lgd = pct.apply("lgdPercent");
        String day = text(body, "effectiveFrom");
        java.time.LocalDate from = day == null || day.isBlank() ? null
                : cn.chanrong.shared.Dates.required(day, "effectiveFrom", problems);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return involution.setCost(caller, new cn.chanrong.warning.InvolutionWatch.CostSetting(null, funding, operating,
                capital, lgd, from, null));
    }

    @GetMapping("/borrowers")
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "The institution's borrowers (risk obligors of its loans outstanding, holders of its active lines) "
            + "by name, each with its signals and warning level")
    Page<cn.chanrong.warning.WarningSignals.Assessment> borrowers(Caller caller,
                                                                  @RequestParam(required = false) Integer page,
                                                                  @RequestParam(required = false) Integer size) {
        return signals.borrowers(caller, PageRequest.of(page, size));
    }

    @PostMapping(value = "/public-records", consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE,
            MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize("hasRole('ADMIN') or hasRole('REGULATOR')")
    @Operation(summary = "Import public records (columns " + cn.chanrong.warning.WarningSignals.COLUMNS + "; kind LITIGATION, "
            + "ENFORCEMENT, DISHONEST_DEBTOR, ABNORMAL_OPERATION, PERSISTENT_BILL_OVERDUE): administrators and national "
            + "regulators of MIIT, NDRC, PBOC, NFRA; refused whole on any bad row")
    @ApiResponse(responseCode = "200", description = "Imported: the rows created and replaced",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "422", description = "Nothing imported: a problem naming every bad row",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(type = "object")))
    ResponseEntity<Map<String, Object>> importPublicRecords(Caller caller, Locale locale, @RequestBody InputStreamResource body,
                                                           @RequestParam(required = false) String encoding,
                                                           @RequestHeader(value = "Content-Type", required = false) String type) {
        cn.chanrong.enterprise.ImportReport report;
        try (Upload file = Uploads.spool(body)) {
            report = signals.importPublicRecords(caller, file, Uploads.charset(encoding, type));
        }
        Map<String, Object> json = report.asJson(x -> errors.message(x, locale));
        return report.accepted() ? ResponseEntity.ok(json) : ResponseEntity.status(422)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(errors.asProblem(json, HttpStatus.UNPROCESSABLE_CONTENT, "invalid", locale));
    }

    @GetMapping("/reports")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Confirmed fund-diversion cases lenders reported to the joint mechanism: the reporting institution's "
            + "own; every regulator's where the enterprise is; latest first")
    Page<cn.chanrong.warning.WarningReports.Report> reports(Caller caller, @RequestParam(required = false) Integer page,
                                                           @RequestParam(required = false) Integer size) {
        return reports.reports(caller, PageRequest.of(page, size));
    }

    @PostMapping(value = "/lists", consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "Publish a high-risk list (MIIT, NDRC, PBOC, NFRA regulators; a regional one names enterprises of its "
            + "region only): columns " + WarningLists.COLUMNS + "; the header in the query (title, reason, severity HIGH, "
            + "MEDIUM or LOW, confidential, answerDays — working days, default 10); refused whole on any bad row")
    @ApiResponse(responseCode = "201", description = "Published, with the exposures found in the book",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "422", description = "Nothing published: a problem naming every bad row",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(type = "object")))
    ResponseEntity<Map<String, Object>> publish(Caller caller, Locale locale, @RequestBody InputStreamResource body,
                                                @RequestParam(required = false) String title,
                                                @RequestParam(required = false) String reason,
                                                @RequestParam(required = false) String severity,
                                                @RequestParam(required = false) String confidential,
                                                @RequestParam(required = false) Integer answerDays,
                                                @RequestParam(required = false) String encoding,
                                                @RequestHeader(value = "Content-Type", required = false) String type) {
        List<Rejection> problems = new ArrayList<>();
        Severity s = severity == null || severity.isBlank() ? null : Severity.parse(severity.strip()).orElse(null);
        if (severity != null && !severity.isBlank() && s == null) {
            problems.add(Rejection.of("enum", "severity", severity, Arrays.toString(Severity.values())));
        }
        if (confidential != null && !Set.of("true", "false").contains(confidential.strip())) {
            problems.add(Rejection.of("enum", "confidential", confidential, "true, false"));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        WarningLists.Published p;
        try (Upload file = Uploads.spool(body)) {
            p = lists.publish(caller, new WarningLists.Publish(title, reason, s, "true".equals(confidential == null ? null
                    : confidential.strip()), answerDays), file, Uploads.charset(encoding, type));
        }
        Map<String, Object> json = new LinkedHashMap<>(p.report().asJson(x -> errors.message(x, locale)));
        json.put("list", p.list());
        return p.list() != null ? ResponseEntity.status(201).body(json) : ResponseEntity.status(422)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(errors.asProblem(json, HttpStatus.UNPROCESSABLE_CONTENT, "invalid", locale));
    }

    @GetMapping("/lists")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Lists the caller may see, newest first, with their entries, exposures, answers and overdue answers")
    Page<WarningLists.ListInfo> lists(Caller caller, @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        return lists.lists(caller, PageRequest.of(page, size));
    }

    record ListJson(WarningLists.ListInfo list, List<WarningLists.Entry> entries) {
    }

    @GetMapping("/lists/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One list with the entries the caller may see (an institution those it is exposed to, a regional "
            + "regulator those of its region)")
    ListJson list(Caller caller, @PathVariable long id) {
        return new ListJson(lists.list(caller, id), lists.entries(caller, id));
    }

    @GetMapping("/lists/{id}/exposures")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A list's exposures in the caller's scope: an institution its own; financial regulators with the "
            + "amounts; MIIT and NDRC who answered, when and what — never the amounts; by status OPEN, ANSWERED, OVERDUE")
    Page<WarningLists.Exposure> listExposures(Caller caller, @PathVariable long id,
                                              @RequestParam(required = false) String status,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size) {
        return lists.exposures(caller, id, status, PageRequest.of(page, size));
    }

    @GetMapping("/exposures")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Exposures across lists in the caller's scope (an institution's inbox), by status OPEN, ANSWERED, "
            + "OVERDUE; due first")
    Page<WarningLists.Exposure> exposures(Caller caller, @RequestParam(required = false) String status,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        return lists.exposures(caller, null, status, PageRequest.of(page, size));
    }

    record AnswerDoc(@Schema(allowableValues = {"MONITOR", "REDUCE", "EXIT", "NO_ACTION"}) String action,
                     @Schema(example = "已压降授信额度，暂停新增提款，按周跟踪现金流") String note) {
    }

    @PostMapping(value = "/exposures/{id}/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "The exposed institution's operator or approver answers once with the action taken and a note")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = AnswerDoc.class)))
    WarningLists.Exposure answer(Caller caller, @PathVariable long id, @RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Rejected.invalid(Rejection.of("warning.object", "body"));
        }
        List<Rejection> problems = new ArrayList<>();
        for (String name : body.propertyNames()) {
            if (!Set.of("action", "note").contains(name)) {
                problems.add(Rejection.of("warning.field.unknown", name));
            } else if (!body.get(name).isNull() && !body.get(name).isString()) {
                problems.add(Rejection.of("warning.field.text", name));
            }
        }
        String raw = text(body, "action");
        ExposureAction action = raw == null || raw.isBlank() ? null : ExposureAction.parse(raw.strip()).orElse(null);
        if (raw != null && !raw.isBlank() && action == null) {
            problems.add(Rejection.of("enum", "action", raw, Arrays.toString(ExposureAction.values())));
            // the note is named with it, so that one answer tells everything wrong
            String note = text(body, "note");
            if (note == null || note.strip().length() < 2 || note.strip().length() > 1000) {
                problems.add(Rejection.of("length", "note", 2, 1000));
            }
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return lists.answer(caller, id, new WarningLists.Answer(action, text(body, "note")));
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() || !v.isString() ? null : v.asString();
    }
}
