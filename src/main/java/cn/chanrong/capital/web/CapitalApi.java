package cn.chanrong.capital.web;

import cn.chanrong.capital.EquityDeals;
import cn.chanrong.capital.Investors;
import cn.chanrong.capital.domain.DealStage;
import cn.chanrong.capital.domain.InvestmentStage;
import cn.chanrong.capital.domain.InvestorKind;
import cn.chanrong.identity.Caller;
import cn.chanrong.platform.JsonInput;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashSet;
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

/** Patient capital: investors and mandates, equity needs for qualified investors, deals (issue 21 §1–§3). */
@RestController
@RequestMapping("/api/v1/capital")
@Tag(name = "capital", description = "Investors and mandates, equity needs, deals from interest to investment")
class CapitalApi {

    private final Investors investors;
    private final EquityDeals deals;

    CapitalApi(Investors investors, EquityDeals deals) {
        this.investors = investors;
        this.deals = deals;
    }

    @GetMapping("/investors")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The investors on the platform with their kind, whether their registration is verified (qualified) "
            + "and their active mandates: stages, chains, provinces, ticket, horizon")
    List<Investors.Investor> investorList(Caller caller) {
        return investors.investors(caller);
    }

    record RegisterDoc(@Schema(allowableValues = {"VC_PE_MANAGER", "GUIDANCE_FUND", "INSURANCE_FUND",
            "REGIONAL_EQUITY_MARKET"}) String investorKind,
                       @Schema(description = "私募基金管理人登记编号 (required for VC_PE_MANAGER)", example = "P1060123")
                       String amacNumber) {
    }

    @PostMapping(value = "/investors", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "Registered", useReturnTypeSchema = true)
    @Operation(summary = "The caller's institution (a fund or venture-capital firm, an insurer, a securities firm; its "
            + "approver or administrator) registers as an investor; qualified once the administrator verifies it")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = RegisterDoc.class)))
    Investors.Investor register(Caller caller, @RequestBody JsonNode body) {
        JsonInput in = JsonInput.of(body, Set.of("investorKind", "amacNumber"));
        var request = new Investors.Register(in.choice(InvestorKind.class, "investorKind"), in.text("amacNumber"));
        in.done();
        return investors.register(caller, request);
    }

    @PostMapping("/investors/{institutionId}/verify")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "The administrator marks an investor's registration checked against the fund association's list")
    Investors.Investor verify(Caller caller, @PathVariable long institutionId) {
        return investors.verify(caller, institutionId);
    }

    record MandateDoc(@Schema(example = "硬科技早期基金") String name,
                      @Schema(example = "[\"ANGEL\", \"SERIES_A\", \"SERIES_B\"]") List<String> stages,
                      @Schema(example = "[\"IC\", \"MACHINE_TOOLS\"]") List<String> chains,
                      @Schema(example = "[\"350000\", \"440000\"]") List<String> regions,
                      @Schema(example = "5000000.00") String minTicket, @Schema(example = "80000000.00") String maxTicket,
                      @Schema(example = "8") Integer horizonYears) {
    }

    @PostMapping(value = "/mandates", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "Added", useReturnTypeSchema = true)
    @Operation(summary = "An investor's approver or administrator adds a mandate: stages, chains and provinces (none: any), "
            + "ticket range, horizon in years")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = MandateDoc.class)))
    Investors.Mandate mandate(Caller caller, @RequestBody JsonNode body) {
        JsonInput in = JsonInput.of(body, Set.of("name", "stages", "chains", "regions", "minTicket", "maxTicket",
                "horizonYears"));
        Set<InvestmentStage> stages = new LinkedHashSet<>();
        for (String s : in.texts("stages")) {
            InvestmentStage st = in.choice(InvestmentStage.class, s, "stages");
            if (st != null) {
                stages.add(st);
            }
        }
        var d = new Investors.MandateDraft(in.text("name"), stages, new LinkedHashSet<>(in.texts("chains")),
                new LinkedHashSet<>(in.texts("regions")), in.money("minTicket"), in.money("maxTicket"),
                in.integer("horizonYears"));
        in.done();
        return investors.addMandate(caller, d);
    }

    record NeedDoc(@Schema(example = "30000000.00") String amount, @Schema(example = "270000000.00") String preMoney,
                   @Schema(allowableValues = {"SEED", "ANGEL", "SERIES_A", "SERIES_B", "SERIES_C", "PRE_IPO"}) String stage,
                   @Schema(example = "五轴联动数控系统研发与产线扩建") String useOfProceeds,
                   @Schema(allowableValues = {"ALL_QUALIFIED", "CHOSEN"}) String disclosure,
                   @Schema(description = "credit codes of the investors chosen (CHOSEN)") List<String> chosenInvestors) {
    }

    @PostMapping(value = "/needs", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ENTERPRISE')")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "Published", useReturnTypeSchema = true)
    @Operation(summary = "An enterprise publishes an equity need to every qualified investor or to those it names")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = NeedDoc.class)))
    EquityDeals.Need publish(Caller caller, @RequestBody JsonNode body) {
        JsonInput in = JsonInput.of(body, Set.of("amount", "preMoney", "stage", "useOfProceeds", "disclosure",
                "chosenInvestors"));
        var d = new EquityDeals.NeedDraft(in.money("amount"), in.money("preMoney"), in.choice(InvestmentStage.class, "stage"),
                in.text("useOfProceeds"), in.choice(EquityDeals.Disclosure.class, "disclosure"), in.texts("chosenInvestors"));
        in.done();
        return deals.publish(caller, d);
    }

    @GetMapping("/needs")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Equity needs in scope: the enterprise its own; a qualified investor the open ones shown to it, each "
            + "with the fit of its mandates; regulators where the enterprise is; anyone else is refused with the rule")
    Page<EquityDeals.Need> needs(Caller caller, @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        return deals.needs(caller, PageRequest.of(page, size));
    }

    @GetMapping("/needs/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One equity need in scope, with the fit of each of a qualified investor's mandates")
    EquityDeals.Need need(Caller caller, @PathVariable long id) {
        return deals.need(caller, id);
    }

    record OpenDoc(@Schema(description = "the enterprise's credit code") String enterprise, Long needId, Long roadshowId,
                   @Schema(example = "B轮") String round) {
    }

    @PostMapping(value = "/deals", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "Opened", useReturnTypeSchema = true)
    @Operation(summary = "A qualified investor opens a deal at INTEREST on an enterprise, naming the need and the roadshow "
            + "where it was presented if any")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = OpenDoc.class)))
    EquityDeals.Deal open(Caller caller, @RequestBody JsonNode body) {
        JsonInput in = JsonInput.of(body, Set.of("enterprise", "needId", "roadshowId", "round"));
        Integer need = in.integer("needId");
        Integer roadshow = in.integer("roadshowId");
        var o = new EquityDeals.Open(in.text("enterprise"), need == null ? null : need.longValue(),
                roadshow == null ? null : roadshow.longValue(), in.text("round"));
        in.done();
        return deals.open(caller, o);
    }

    record MoveDoc(@Schema(allowableValues = {"NDA", "DUE_DILIGENCE", "TERM_SHEET", "INVESTED", "DECLINED"}) String stage,
                   @Schema(example = "40000000.00") String amount, @Schema(example = "12.5") String sharePercent,
                   @Schema(example = "320000000.00") String postMoney, @Schema(example = "2026-06-18") String investedOn,
                   @Schema(example = "估值预期与基金回报要求差距较大") String reason) {
    }

    @PostMapping(value = "/deals/{id}/stage", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "The investor moves its deal forward (a stage may be skipped, never back; the investment only on "
            + "a term sheet, with amount, share, post-money valuation and day) or declines it with a reason")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = MoveDoc.class)))
    EquityDeals.Deal move(Caller caller, @PathVariable long id, @RequestBody JsonNode body) {
        JsonInput in = JsonInput.of(body, Set.of("stage", "amount", "sharePercent", "postMoney", "investedOn", "reason"));
        var m = new EquityDeals.Move(in.choice(DealStage.class, "stage"), in.money("amount"), in.decimal("sharePercent", 4),
                in.money("postMoney"), in.date("investedOn"), in.text("reason"));
        in.done();
        return deals.move(caller, id, m);
    }

    @GetMapping("/deals")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Deals in scope — the investor's pipeline, the enterprise's, the regulators' of its region — by stage")
    Page<EquityDeals.Deal> dealList(Caller caller, @RequestParam(required = false) String stage,
                                    @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return deals.deals(caller, stage, PageRequest.of(page, size));
    }

    @GetMapping("/deals/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One deal in scope with every move")
    EquityDeals.Deal deal(Caller caller, @PathVariable long id) {
        return deals.deal(caller, id);
    }
}
