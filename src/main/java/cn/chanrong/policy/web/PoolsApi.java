package cn.chanrong.policy.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.policy.Pools;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import static cn.chanrong.policy.web.JsonBodies.object;
import static cn.chanrong.policy.web.JsonBodies.text;

@RestController
@Tag(name = "policy", description = "Risk-compensation pools")
class PoolsApi {

    private final Pools pools;

    PoolsApi(Pools pools) {
        this.pools = pools;
    }

    @GetMapping("/api/v1/policy/pools")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Risk-compensation pools with their terms in force and their money: funded, paid out, returned, "
            + "held, paid this year")
    List<Pools.Pool> pools(Caller caller) {
        return pools.pools(caller);
    }

    record FundDoc(@Schema(example = "20000000.00", pattern = "^[0-9]+(\\.[0-9]{1,2})?$") String amount,
                   @Schema(example = "2026年市级财政注资") String note) {
    }

    @PostMapping(path = "/api/v1/policy/pools/{code}/fundings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('REGULATOR', 'ADMIN')")
    @Operation(summary = "The pool's administrator (the finance department) records money put into the pool")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = FundDoc.class)))
    Pools.Pool fund(Caller caller, @PathVariable String code, @RequestBody JsonNode body) {
        object(body, Set.of("amount", "note"));
        return pools.fund(caller, code, JsonBodies.money(text(body, "amount"), "amount"), text(body, "note"));
    }

    record ClaimDoc(@Schema(example = "FJ-RISK-POOL") String pool, @Schema(example = "L2026063000000019") String loan) {
    }

    @PostMapping(path = "/api/v1/policy/pool-claims", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "A bank's approver claims the pool's share of a loss on an eligible loan past its trigger (days past "
            + "due or written off), once per loan")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = ClaimDoc.class)))
    Pools.Claim claim(Caller caller, @RequestBody JsonNode body) {
        object(body, Set.of("pool", "loan"));
        return pools.claim(caller, text(body, "pool"), text(body, "loan"));
    }

    @GetMapping("/api/v1/policy/pool-claims")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Pool claims: the bank's own; the financial regulators' and the finance department's where the "
            + "borrower is; by pool and status (SUBMITTED, PAID, REJECTED)")
    Page<Pools.Claim> claims(Caller caller, @RequestParam(required = false) String pool,
                             @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                             @RequestParam(required = false) Integer size) {
        return pools.claims(caller, pool, status, PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/policy/pool-claims/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One pool claim")
    Pools.Claim get(Caller caller, @PathVariable long id) {
        return pools.get(caller, id);
    }

    @PostMapping("/api/v1/policy/pool-claims/{id}/approve")
    @PreAuthorize("hasAnyRole('REGULATOR', 'ADMIN')")
    @Operation(summary = "The administrator approves: the compensation within the caps and what the pool holds, booked in "
            + "the bank's book")
    Pools.Claim approve(Caller caller, @PathVariable long id) {
        return pools.approve(caller, id);
    }

    record RejectDoc(@Schema(example = "不属于补偿范围") String reason) {
    }

    @PostMapping(path = "/api/v1/policy/pool-claims/{id}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('REGULATOR', 'ADMIN')")
    @Operation(summary = "The administrator refuses a claim with its reason")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = RejectDoc.class)))
    Pools.Claim reject(Caller caller, @PathVariable long id, @RequestBody JsonNode body) {
        object(body, Set.of("reason"));
        return pools.reject(caller, id, text(body, "reason"));
    }
}
