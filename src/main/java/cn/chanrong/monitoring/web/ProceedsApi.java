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

    ProceedsApi(ProceedsTraces traces) {
        this.traces = traces;
    }

    @GetMapping("/api/v1/loans/{id}/proceeds")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Where the loan's money went: followed first in first out through the accounts the bank reports, "
            + "up to the hop limit and the window; what left, what is still held and what was not seen add up to the principal")
    ProceedsTraces.Trace proceeds(Caller caller, @PathVariable long id) {
        return traces.trace(caller, id);
    }
}
