package cn.chanrong.monitoring.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.monitoring.Monitoring;
import cn.chanrong.monitoring.internal.PaymentEventReader;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
@RequestMapping("/api/v1/monitoring")
@Tag(name = "monitoring", description = "Fund-usage monitoring: payments reported by banks, alerts and their outcome")
class MonitoringApi {

    /** More events than this in one report is refused whole: send them in several. */
    static final int MAX_EVENTS = 5_000;
    /** The largest amount an event may carry, as the payment stream reads it too. */
    static final BigDecimal MAX_AMOUNT = PaymentEventReader.MAX_AMOUNT;

    private final Monitoring monitoring;
    private final ApiErrors errors;

    MonitoringApi(Monitoring monitoring, ApiErrors errors) {
        this.monitoring = monitoring;
        this.errors = errors;
    }

    record Error(String code, String field, String message) {
    }

    record DeadLetterView(int index, String bankReference, List<Error> errors) {
    }

    /** A payment event as the bank sends it: every field text, the amount with two decimals. */
    record PaymentEventDoc(@io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"DEBIT", "CREDIT"}) String direction,
                           String account, String counterpartyAccount, String counterpartyName,
                           @io.swagger.v3.oas.annotations.media.Schema(example = "300000.00") String amount, String currency,
                           @io.swagger.v3.oas.annotations.media.Schema(format = "date") String valueDate,
                           String bankReference, String remittance) {
    }

    record ReportView(int received, int accepted, int duplicates, int alerts, int deadLettered,
                      List<DeadLetterView> deadLetters) {
    }

    /**
     * A JSON array of payment events booked on the bank's own accounts: {@code direction} DEBIT or CREDIT,
     * {@code account}, {@code counterpartyAccount}, {@code counterpartyName}, {@code amount} (text, two
     * decimals), {@code currency}, {@code valueDate}, {@code bankReference} (unique per bank: a repeat changes
     * nothing), {@code remittance}. An event that cannot be taken is set aside with its reasons and the rest
     * are taken.
     */
    @PostMapping(value = "/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Report payments on the bank's accounts; each is checked and run through the detections")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, array = @io.swagger.v3.oas.annotations.media.ArraySchema(
            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = PaymentEventDoc.class))))
    ReportView payments(Caller caller, @RequestBody JsonNode body, Locale locale) {
        if (body == null || !body.isArray()) {
            throw Rejected.invalid(Rejection.of("monitoring.report.array", "body"));
        }
        if (body.size() > MAX_EVENTS) {
            throw Rejected.invalid(Rejection.of("monitoring.report.too-many", "body", body.size(), MAX_EVENTS));
        }
        List<Monitoring.Incoming> events = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            events.add(PaymentEventReader.read(i, body.get(i)));
        }
        return view(monitoring.report(caller, events), errors, locale);
    }

    /** A report as the caller reads it: the reasons of each set-aside event in the caller's language. */
    static ReportView view(Monitoring.Report r, ApiErrors errors, Locale locale) {
        return new ReportView(r.received(), r.accepted(), r.duplicates(), r.alerts(), r.deadLettered(),
                r.deadLetters().stream().map(d -> new DeadLetterView(d.index(), d.bankReference(), d.reasons().stream()
                        .map(x -> new Error(x.code(), x.field(), errors.message(x, locale))).toList())).toList());
    }

    @GetMapping("/alerts")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Alerts: the institution's queue by status; financial regulators see confirmed cases in their region")
    Page<Monitoring.Alert> alerts(Caller caller, @RequestParam(required = false) String status,
                                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return monitoring.alerts(caller, status, PageRequest.of(page, size));
    }

    @GetMapping("/alerts/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One alert with the payment that raised it and its outcome")
    Monitoring.Alert alert(Caller caller, @PathVariable long id) {
        return monitoring.alert(caller, id);
    }

    @PostMapping(value = "/alerts/{id}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Confirm or dismiss an open alert, with the reason (the institution's officers), audited")
    Monitoring.Alert outcome(Caller caller, @PathVariable long id, @RequestBody Monitoring.OutcomeRequest body) {
        return monitoring.decide(caller, id, body);
    }

    @PostMapping(value = "/alerts/{id}/actions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Act on a confirmed diversion (the institution's approvers), audited, each act once: stop drawdowns, "
            + "the diversion penalty on the diverted amount, acceleration, at least 关注, a report of the enterprise to the joint "
            + "risk-warning mechanism (REPORT_TO_WARNING, with the reason)")
    Monitoring.Alert act(Caller caller, @PathVariable long id, @RequestBody Monitoring.ActionRequest body) {
        return monitoring.act(caller, id, body);
    }
}
