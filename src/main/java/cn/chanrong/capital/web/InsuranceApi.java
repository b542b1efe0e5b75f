package cn.chanrong.capital.web;

import cn.chanrong.capital.Insurance;
import cn.chanrong.capital.domain.InsuranceScheme;
import cn.chanrong.identity.Caller;
import cn.chanrong.platform.JsonInput;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** First-of-a-kind insurance: the catalogue, policies and premium-subsidy claims (issue 22 §2). */
@RestController
@RequestMapping("/api/v1/insurance")
@Tag(name = "insurance", description = "First-of-a-kind insurance, its catalogue and the central premium subsidy")
class InsuranceApi {

    private final Insurance insurance;

    InsuranceApi(Insurance insurance) {
        this.insurance = insurance;
    }

    record ItemDoc(@Schema(allowableValues = {"FIRST_SET", "FIRST_BATCH", "FIRST_VERSION"}) String insuranceScheme,
                   @Schema(example = "2024年版") String edition, @Schema(example = "1.3.12") String entryCode,
                   @Schema(example = "五轴联动立式加工中心") String product,
                   @Schema(description = "the maker's credit code") String manufacturer,
                   @Schema(example = "2024-09-01") String validFrom, String validTo) {
    }

    @PostMapping(value = "/catalogue", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('REGULATOR') or hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "Added", useReturnTypeSchema = true)
    @Operation(summary = "The national industry department adds a catalogue entry: the product recognised and its maker")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = ItemDoc.class)))
    Insurance.CatalogueItem addItem(Caller caller, @RequestBody JsonNode body) {
        JsonInput in = JsonInput.of(body, Set.of("insuranceScheme", "edition", "entryCode", "product", "manufacturer", "validFrom",
                "validTo"));
        var d = new Insurance.CatalogueDraft(in.choice(InsuranceScheme.class, "insuranceScheme"), in.text("edition"), in.text("entryCode"),
                in.text("product"), in.text("manufacturer"), in.date("validFrom"), in.date("validTo"));
        in.done();
        return insurance.addCatalogueItem(caller, d);
    }

    @GetMapping("/catalogue")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The catalogue entries valid on a day (default today), of one scheme or all")
    List<Insurance.CatalogueItem> catalogue(@RequestParam(required = false) String insuranceScheme,
                                            @RequestParam(required = false) String on) {
        InsuranceScheme s = ListingApi.choice(insuranceScheme, "insuranceScheme", InsuranceScheme.class, InsuranceScheme::parse);
        return insurance.catalogue(s, ListingApi.day(on));
    }

    record PolicyDoc(@Schema(description = "the insured maker's credit code") String insured,
                     @Schema(allowableValues = {"FIRST_SET", "FIRST_BATCH", "FIRST_VERSION"}) String insuranceScheme,
                     @Schema(example = "1.3.12") String catalogueCode,
                     @Schema(example = "五轴联动立式加工中心 JGSK-VMC5X 出厂编号 2026-031") String insuredObject,
                     @Schema(example = "12000000.00") String sumInsured, @Schema(example = "2.8") String premiumRatePercent,
                     @Schema(example = "2026-07-01") String startOn, @Schema(example = "2027-07-01") String endOn) {
    }

    @PostMapping(value = "/policies", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "Issued", useReturnTypeSchema = true)
    @Operation(summary = "An insurer's approver issues a first-of-a-kind policy to the maker of a catalogue product; the "
            + "premium rate within the scheme's cap")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = PolicyDoc.class)))
    Insurance.Policy issue(Caller caller, @RequestBody JsonNode body) {
        JsonInput in = JsonInput.of(body, Set.of("insured", "insuranceScheme", "catalogueCode", "insuredObject", "sumInsured",
                "premiumRatePercent", "startOn", "endOn"));
        var d = new Insurance.PolicyDraft(in.text("insured"), in.choice(InsuranceScheme.class, "insuranceScheme"),
                in.text("catalogueCode"), in.text("insuredObject"), in.money("sumInsured"),
                in.decimal("premiumRatePercent", 4), in.date("startOn"), in.date("endOn"));
        in.done();
        return insurance.issue(caller, d);
    }

    @GetMapping("/policies")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Policies in scope, newest first, each with its subsidy claim: the insurer's, the insured's, the "
            + "regulators' of the insured's region")
    Page<Insurance.Policy> policies(Caller caller, @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        return insurance.policies(caller, PageRequest.of(page, size));
    }

    @GetMapping("/policies/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One policy in scope with its subsidy claim")
    Insurance.Policy policy(Caller caller, @PathVariable long id) {
        return insurance.policy(caller, id);
    }

    @PostMapping("/policies/{id}/subsidy-claims")
    @PreAuthorize("hasRole('ENTERPRISE')")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "Claimed", useReturnTypeSchema = true)
    @Operation(summary = "The insured maker claims the central premium subsidy: the scheme's share of the premium, for a "
            + "catalogue product, within the scheme's years of cover")
    Insurance.SubsidyClaim claim(Caller caller, @PathVariable long id) {
        return insurance.claimSubsidy(caller, id);
    }

    record ReviewDoc(@Schema(allowableValues = {"CONFIRM", "PAY", "REFUSE"}) String decision,
                     @Schema(example = "投保产品不在目录有效期内") String reason) {
    }

    @PostMapping(value = "/subsidy-claims/{id}/review", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('REGULATOR') or hasRole('ADMIN')")
    @Operation(summary = "The industry department confirms a claim, the finance department pays it; either refuses it at "
            + "its step with the reason")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = ReviewDoc.class)))
    Insurance.SubsidyClaim review(Caller caller, @PathVariable long id, @RequestBody JsonNode body) {
        JsonInput in = JsonInput.of(body, Set.of("decision", "reason"));
        var decision = in.choice(Insurance.Decision.class, "decision");
        String reason = in.text("reason");
        in.done();
        return insurance.review(caller, id, decision, reason);
    }

    record LossDoc(@Schema(example = "2026-06-20") String occurredOn,
                   @Schema(example = "主轴在额定负载下断裂，整机停机") String description,
                   @Schema(example = "850000.00") String amount) {
    }

    @PostMapping(value = "/policies/{id}/loss-claims", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ENTERPRISE')")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "Reported", useReturnTypeSchema = true)
    @Operation(summary = "The insured maker reports a product failure within the cover and claims at most what the sum "
            + "insured has left")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = LossDoc.class)))
    Insurance.LossClaim reportLoss(Caller caller, @PathVariable long id, @RequestBody JsonNode body) {
        JsonInput in = JsonInput.of(body, Set.of("occurredOn", "description", "amount"));
        var r = new Insurance.LossReport(in.date("occurredOn"), in.text("description"), in.money("amount"));
        in.done();
        return insurance.reportLoss(caller, id, r);
    }

    @GetMapping("/policies/{id}/loss-claims")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A policy's claims on product failure, in scope as the policy is")
    List<Insurance.LossClaim> losses(Caller caller, @PathVariable long id) {
        return insurance.losses(caller, id);
    }

    record LossDecisionDoc(@Schema(allowableValues = {"PAY", "DECLINE"}) String decision,
                           @Schema(example = "850000.00") String amount,
                           @Schema(example = "故障系操作不当所致，不属于保险责任") String reason) {
    }

    enum LossDecision { PAY, DECLINE }

    @PostMapping(value = "/loss-claims/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "The insurer pays a loss claim (at most the amount claimed; all of it when no amount is given) or "
            + "declines it with the reason")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = LossDecisionDoc.class)))
    Insurance.LossClaim decideLoss(Caller caller, @PathVariable long id, @RequestBody JsonNode body) {
        JsonInput in = JsonInput.of(body, Set.of("decision", "amount", "reason"));
        LossDecision decision = in.choice(LossDecision.class, "decision");
        var amount = in.money("amount");
        String reason = in.text("reason");
        if (decision == null) {
            in.problem(Rejection.of("required", "decision"));
        }
        in.done();
        return insurance.decideLoss(caller, id, decision == LossDecision.PAY, amount, reason);
    }
}
