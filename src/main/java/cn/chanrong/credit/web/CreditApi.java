package cn.chanrong.credit.web;

import cn.chanrong.credit.CreditDecisions;
import cn.chanrong.credit.CreditModels;
import cn.chanrong.credit.CreditReports;
import cn.chanrong.credit.decision.Terms;
import cn.chanrong.identity.Caller;
import cn.chanrong.platform.Uploads;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Upload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
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

@RestController
@Tag(name = "credit", description = "Data-credit reports, decisions with reasons, and the model registry")
class CreditApi {

    record DecisionRequest(Long enterpriseId, BigDecimal amount, Integer months, Terms.Purpose purpose, Boolean secured) {
    }

    record OverrideRequest(String outcome, String reason) {
    }

    record Approval(LocalDate effectiveFrom, String reason) {
    }

    record Grade(String grade) {
    }

    private final CreditDecisions decisions;
    private final CreditModels models;
    private final CreditReports reports;
    private final ReasonTexts texts;
    private final cn.chanrong.credit.OutsideFacts outside;
    private final cn.chanrong.credit.QualificationConfirmations confirmations;

    CreditApi(CreditDecisions decisions, CreditModels models, CreditReports reports, ReasonTexts texts,
              cn.chanrong.credit.OutsideFacts outside, cn.chanrong.credit.QualificationConfirmations confirmations) {
        this.confirmations = confirmations;
        this.outside = outside;
        this.decisions = decisions;
        this.models = models;
        this.reports = reports;
        this.texts = texts;
    }

    @PostMapping(value = "/api/v1/credit-decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Decide on terms for an enterprise whose cash-flow data the caller may read (consent)")
    Map<String, Object> decide(Caller caller, @RequestBody DecisionRequest body, Locale locale) {
        if (body.enterpriseId() == null) {
            throw cn.chanrong.shared.Rejected.invalid(cn.chanrong.shared.Rejection.of("required", "enterpriseId"));
        }
        return view(decisions.decide(caller, body.enterpriseId(),
                new Terms(body.amount(), body.months(), body.purpose(), body.secured())), locale);
    }

    @GetMapping("/api/v1/credit-decisions")
    @PreAuthorize("isAuthenticated()")
    Page<Map<String, Object>> list(Caller caller, @RequestParam(required = false) Long enterpriseId,
                                   @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                   Locale locale) {
        return decisions.list(caller, enterpriseId, PageRequest.of(page, size)).map(d -> view(d, locale));
    }

    @GetMapping("/api/v1/credit-decisions/{id}")
    @PreAuthorize("isAuthenticated()")
    Map<String, Object> get(Caller caller, @PathVariable long id, Locale locale) {
        return view(decisions.get(caller, id), locale);
    }

    @PostMapping(value = "/api/v1/credit-decisions/{id}/override", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "An approver overrides the outcome, with a reason; tracked in reports")
    Map<String, Object> override(Caller caller, @PathVariable long id, @RequestBody OverrideRequest body, Locale locale) {
        return view(decisions.override(caller, id, body.outcome(), body.reason()), locale);
    }

    @GetMapping("/api/v1/credit-decisions/{id}/reproduction")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Recompute a decision from its stored inputs and model version")
    CreditDecisions.Reproduction reproduce(Caller caller, @PathVariable long id) {
        return decisions.reproduce(caller, id);
    }

    @GetMapping("/api/v1/enterprises/{id}/credit-report")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Data-credit report: score, band, reasons, what would improve it, rule-based evaluations, monthly flows")
    Map<String, Object> report(Caller caller, @PathVariable long id, Locale locale) {
        CreditReports.Report r = reports.report(caller, id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("report", r);
        m.put("reasons", texts.render(r.reasons(), locale));
        m.put("improve", r.improve().stream().map(f -> Map.of("feature", f, "label", texts.feature(f, locale),
                "hint", texts.hint(f, locale))).toList());
        return m;
    }

    @PostMapping(value = "/api/v1/enterprises/{id}/tax-records", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Import monthly tax paid and 数电发票 sales: CSV month,tax_paid,invoice_sales (month yyyy-MM), all or none",
            description = "Administrators (the platform's 银税互动 feed) or an institution holding the enterprise's consent.")
    Map<String, Object> tax(Caller caller, @PathVariable long id, @RequestBody InputStreamResource body,
                            @RequestParam(required = false) String encoding) {
        try (Upload file = Uploads.spool(body)) {
            return Map.of("stored", outside.importTax(caller, id, file, encoding));
        }
    }

    @org.springframework.web.bind.annotation.PutMapping(value = "/api/v1/enterprises/{id}/tax-grades/{year}",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The tax credit grade (纳税信用等级 A/B/M/C/D) of a year")
    Map<String, Object> taxGrade(Caller caller, @PathVariable long id, @PathVariable int year, @RequestBody Grade body) {
        outside.setTaxGrade(caller, id, year, body.grade());
        return Map.of("year", year, "grade", body.grade());
    }

    @PostMapping(value = "/api/v1/enterprises/{id}/credit-bureau-summaries", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A credit-report summary: loans and guarantees at other institutions, overdue history, first-loan flag")
    cn.chanrong.credit.OutsideFacts.BureauSummary bureau(Caller caller, @PathVariable long id,
                                                        @RequestBody cn.chanrong.credit.OutsideFacts.BureauSummary body) {
        outside.addBureauSummary(caller, id, body);
        return body;
    }

    @PostMapping(value = "/api/v1/enterprises/{id}/qualification-confirmations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "An MIIT-type regulator confirms a qualification the rules suggest (innovative_sme, specialised_sme, little_giant)")
    cn.chanrong.enterprise.Qualification confirm(Caller caller, @PathVariable long id,
                                                  @RequestBody cn.chanrong.credit.QualificationConfirmations.Request body) {
        return confirmations.confirm(caller, id, body);
    }

    @GetMapping("/api/v1/credit-models")
    @PreAuthorize("isAuthenticated()")
    List<CreditModels.Model> models(Caller caller) {
        return models.list(caller);
    }

    @GetMapping("/api/v1/credit-models/{id}")
    @PreAuthorize("isAuthenticated()")
    CreditModels.ModelDetail model(Caller caller, @PathVariable long id) {
        return models.get(caller, id);
    }

    @PostMapping(value = "/api/v1/credit-models/{id}/approval", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "A second person (not the trainer) approves a model from an effective date")
    CreditModels.Model approve(Caller caller, @PathVariable long id, @RequestBody Approval body) {
        return models.approve(caller, id, body.effectiveFrom());
    }

    @PostMapping(value = "/api/v1/credit-models/{id}/rejection", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    CreditModels.Model reject(Caller caller, @PathVariable long id, @RequestBody Approval body) {
        return models.reject(caller, id, body.reason());
    }

    private Map<String, Object> view(CreditDecisions.Decision d, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decision", d);
        m.put("reasons", texts.render(d.reasons(), locale));
        // the restricted-industry catalogue entry that applied, if any (also among the reasons)
        m.put("restrictedEntry", texts.restricted(d.reasons(), locale));
        return m;
    }
}
