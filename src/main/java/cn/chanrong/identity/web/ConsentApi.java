package cn.chanrong.identity.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Consent;
import cn.chanrong.identity.Consents;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

@RestController
@RequestMapping("/api/v1/consents")
@Tag(name = "consents", description = "Access to an enterprise's cash-flow data: institutions ask, the enterprise answers")
class ConsentApi {

    /** A refusal may carry a reason. */
    record Answer(String reason) {
    }

    private final Consents consents;

    ConsentApi(Consents consents) {
        this.consents = consents;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Ask an enterprise for access: purpose PRE_LOAN or POST_LOAN (with loanId), accounts (none = all), period, expiry")
    Consent request(Caller caller, @RequestBody Consents.Request body) {
        return consents.request(caller, body);
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Consents the caller is party to, newest first; filter by status and enterprise")
    Page<Consent> list(Caller caller, @RequestParam(required = false) Consent.Status status,
                       @RequestParam(required = false) Long enterpriseId, @RequestParam(required = false) Integer page,
                       @RequestParam(required = false) Integer size) {
        return consents.list(caller, status, enterpriseId, PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    Consent get(Caller caller, @PathVariable long id) {
        return consents.get(caller, id);
    }

    @PostMapping("/{id}/grant")
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "The enterprise approves a request")
    Consent grant(Caller caller, @PathVariable long id) {
        return consents.grant(caller, id);
    }

    @PostMapping("/{id}/refusal")
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "The enterprise refuses a request, optionally saying why")
    Consent refuse(Caller caller, @PathVariable long id, @RequestBody(required = false) Answer body) {
        return consents.refuse(caller, id, body == null ? null : body.reason());
    }

    @PostMapping("/{id}/revocation")
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "Revoke: pre-loan access ends at once; post-loan monitoring ends when its loan is repaid")
    Consent revoke(Caller caller, @PathVariable long id) {
        return consents.revoke(caller, id);
    }
}
