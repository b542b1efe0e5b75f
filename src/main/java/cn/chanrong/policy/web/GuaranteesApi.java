package cn.chanrong.policy.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.policy.Guarantees;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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

@RestController
@Tag(name = "policy", description = "Government guarantees along the re-guarantee chain")
class GuaranteesApi {

    private final Guarantees guarantees;

    GuaranteesApi(Guarantees guarantees) {
        this.guarantees = guarantees;
    }

    record RegisterDoc(@Schema(example = "NFGF-20-40-20-20") String programme, @Schema(example = "L2026063000000041") String loan,
                       @Schema(description = "the agency's unified social credit code") String agency,
                       @Schema(example = "0.8", description = "the agency's fee on this loan, percent a year (at most four "
                               + "decimals); default: the scheme's target") String feePercent) {
    }

    @PostMapping(path = "/api/v1/policy/guarantees", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Register a government financing-guarantee agency's guarantee under a scheme on one of the bank's "
            + "loans: the chain completed by the agency's provincial re-guarantor and the national fund, the guarantee "
            + "attached to the loan")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = RegisterDoc.class)))
    Guarantees.Guarantee register(Caller caller, @RequestBody JsonNode body) {
        JsonBodies.object(body, Set.of("programme", "loan", "agency", "feePercent"));
        String rawFee = JsonBodies.text(body, "feePercent");
        java.util.List<cn.chanrong.shared.Rejection> problems = new java.util.ArrayList<>();
        BigDecimal fee = rawFee == null || rawFee.isBlank() ? null
                : cn.chanrong.shared.Amounts.decimal(rawFee.strip(), "feePercent", 4, problems);
        if (!problems.isEmpty()) {
            throw cn.chanrong.shared.Rejected.invalid(problems);
        }
        return guarantees.register(caller, new Guarantees.Register(JsonBodies.text(body, "programme"), JsonBodies.text(body, "loan"),
                JsonBodies.text(body, "agency"), fee));
    }

    @GetMapping("/api/v1/policy/guarantees")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Guarantees: the bank's and each guarantor's of the chain; the financial regulators' and the finance "
            + "department's where the bank operates; by loan number and status (ACTIVE, CLAIMING, SETTLED)")
    Page<Guarantees.Guarantee> list(Caller caller, @RequestParam(required = false) String loanId,
                                    @RequestParam(required = false) String status,
                                    @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return guarantees.list(caller, loanId, status, PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/policy/guarantees/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One guarantee with its claims along the chain and the recoveries shared back")
    Guarantees.Guarantee get(Caller caller, @PathVariable long id) {
        return guarantees.get(caller, id);
    }

    @PostMapping("/api/v1/policy/guarantees/{id}/claims")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "The next claim along the chain, by the party whose turn it is (its approver): the bank on its "
            + "written-off loss from the agency, the agency from the re-guarantor, the re-guarantor from the national fund")
    Guarantees.Guarantee claim(Caller caller, @PathVariable long id) {
        return guarantees.claim(caller, id);
    }

    @PostMapping("/api/v1/policy/guarantee-claims/{id}/pay")
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "The payer's approver pays a claim, booked in the payer's and the claimant's books")
    Guarantees.Guarantee pay(Caller caller, @PathVariable long id) {
        return guarantees.pay(caller, id);
    }
}
