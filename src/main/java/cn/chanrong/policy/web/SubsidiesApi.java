package cn.chanrong.policy.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.policy.Subsidies;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.Locale;
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
import static cn.chanrong.policy.web.JsonBodies.object;
import static cn.chanrong.policy.web.JsonBodies.text;

@RestController
@Tag(name = "policy", description = "Interest subsidies to the fen: enrolment, accrual at end of day, netting, claims")
class SubsidiesApi {

    private final Subsidies subsidies;

    SubsidiesApi(Subsidies subsidies) {
        this.subsidies = subsidies;
    }

    record EnrolDoc(@Schema(example = "MOF-EQUIP-SUBSIDY") String programme, @Schema(example = "L2026063000000036") String loan) {
    }

    @PostMapping(path = "/api/v1/policy/subsidies", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Enrol one of the bank's loans, by its number, in a central or local interest subsidy: judged by the "
            + "programme version in force when it was paid out, every failed condition named")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = EnrolDoc.class)))
    Subsidies.Subsidy enrol(Caller caller, @RequestBody JsonNode body, Locale locale) {
        object(body, Set.of("programme", "loan"));
        return subsidies.enrol(caller, new Subsidies.Enrol(text(body, "programme"), text(body, "loan")), locale);
    }

    @GetMapping("/api/v1/policy/subsidies")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Subsidised loans: the bank's own, the borrower's own, the regulators' where the borrower is; "
            + "by loan number, programme and status (ACTIVE, STOPPED)")
    Page<Subsidies.Subsidy> list(Caller caller, @RequestParam(required = false) String loanId,
                                 @RequestParam(required = false) String programme,
                                 @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        return subsidies.list(caller, loanId, programme, status, PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/policy/subsidies/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One subsidy: every end of day's accrual (days subsidised, left out, capped) and every settlement")
    Subsidies.Detail get(Caller caller, @PathVariable long id) {
        return subsidies.get(caller, id);
    }

    record ClaimDoc(@Schema(example = "MOF-EQUIP-SUBSIDY") String programme, @Schema(example = "2026Q2") String quarter) {
    }

    @PostMapping(path = "/api/v1/policy/subsidy-claims", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "The bank claims a past quarter's netted (or owed) subsidies of a programme from the treasury, once")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = ClaimDoc.class)))
    Subsidies.Claim claim(Caller caller, @RequestBody JsonNode body) {
        object(body, Set.of("programme", "quarter"));
        return subsidies.claim(caller, new Subsidies.ClaimRequest(text(body, "programme"), text(body, "quarter")));
    }

    @GetMapping("/api/v1/policy/subsidy-claims")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Subsidy claims: the bank's own, the regulators' where the bank operates; by programme and status "
            + "(SUBMITTED, SETTLED, REJECTED)")
    Page<Subsidies.Claim> claims(Caller caller, @RequestParam(required = false) String programme,
                                 @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        return subsidies.claims(caller, programme, status, PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/policy/subsidy-claims/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One subsidy claim")
    Subsidies.Claim claimById(Caller caller, @PathVariable long id) {
        return subsidies.claimById(caller, id);
    }

    @PostMapping("/api/v1/policy/subsidy-claims/{id}/settle")
    @PreAuthorize("hasAnyRole('REGULATOR', 'ADMIN')")
    @Operation(summary = "The finance department settles a claim: prepaid funds first, the rest paid, booked in the bank's book")
    Subsidies.Claim settle(Caller caller, @PathVariable long id) {
        return subsidies.settle(caller, id);
    }

    record RejectDoc(@Schema(example = "台账与项目清单不符") String reason) {
    }

    @PostMapping(path = "/api/v1/policy/subsidy-claims/{id}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('REGULATOR', 'ADMIN')")
    @Operation(summary = "The finance department refuses a claim with its reason; its subsidies may be claimed again")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = RejectDoc.class)))
    Subsidies.Claim reject(Caller caller, @PathVariable long id, @RequestBody JsonNode body) {
        object(body, Set.of("reason"));
        return subsidies.reject(caller, id, text(body, "reason"));
    }

    record PrepaymentDoc(@Schema(example = "MOF-EQUIP-SUBSIDY") String programme,
                         @Schema(description = "the bank's unified social credit code") String institution,
                         @Schema(example = "2026Q3") String quarter,
                         @Schema(example = "250000.00", pattern = "^[0-9]+(\\.[0-9]{1,2})?$") String amount) {
    }

    @PostMapping(path = "/api/v1/policy/subsidy-prepayments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('REGULATOR', 'ADMIN')")
    @Operation(summary = "The finance department prepays a quarter's subsidies to a bank (once a quarter), booked in its book")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = PrepaymentDoc.class)))
    Subsidies.Prepayment prepay(Caller caller, @RequestBody JsonNode body) {
        object(body, Set.of("programme", "institution", "quarter", "amount"));
        BigDecimal amount = JsonBodies.money(text(body, "amount"), "amount");
        return subsidies.prepay(caller, new Subsidies.PrepaymentRequest(text(body, "programme"), text(body, "institution"),
                text(body, "quarter"), amount));
    }

    @GetMapping("/api/v1/policy/subsidy-prepayments")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Prepayments: the bank's own, the regulators' where the bank operates")
    Page<Subsidies.Prepayment> prepayments(Caller caller, @RequestParam(required = false) String programme,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        return subsidies.prepayments(caller, programme, PageRequest.of(page, size));
    }
}
