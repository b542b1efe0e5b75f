package cn.chanrong.monitoring.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.monitoring.ProceedsTraces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Where a loan's money went, under the loan's path (monitoring owns the payments it is followed through). */
@RestController
@Tag(name = "monitoring")
class ProceedsApi {

    private final ProceedsTraces traces;
    private final cn.chanrong.monitoring.Monitoring monitoring;
    private final cn.chanrong.platform.ApiErrors errors;

    ProceedsApi(ProceedsTraces traces, cn.chanrong.monitoring.Monitoring monitoring, cn.chanrong.platform.ApiErrors errors) {
        this.traces = traces;
        this.monitoring = monitoring;
        this.errors = errors;
    }

    @org.springframework.web.bind.annotation.PostMapping("/api/v1/loans/{id}/consented-flows")
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Take the flows of the borrower's accounts at other banks, imported as statements, under its post-loan"
            + " consent for this loan; the same checks and detections as a report, taken again changes nothing")
    MonitoringApi.ReportView consentedFlows(Caller caller, @PathVariable long id, java.util.Locale locale) {
        return MonitoringApi.view(monitoring.consentedFlows(caller, id), errors, locale);
    }

    @GetMapping("/api/v1/loans/{id}/proceeds")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Where the loan's money went: followed first in first out through the accounts the bank reports, "
            + "up to the hop limit and the window; what left, what is still held and what was not seen add up to the principal")
    ProceedsTraces.Trace proceeds(Caller caller, @PathVariable long id) {
        return traces.trace(caller, id);
    }
}
