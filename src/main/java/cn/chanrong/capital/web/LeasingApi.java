package cn.chanrong.capital.web;

import cn.chanrong.capital.Leases;
import cn.chanrong.capital.domain.LeaseKind;
import cn.chanrong.identity.Caller;
import cn.chanrong.lending.schedule.RentalTiming;
import cn.chanrong.platform.Idempotency;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Financial leases for equipment: contracts and their rental schedules (issue 22 §1). */
@RestController
@RequestMapping("/api/v1/leasing")
@Tag(name = "leasing", description = "Financial leases of equipment, their rental schedules and registry filings")
class LeasingApi {

    private final Leases leases;
    private final Idempotency idempotency;
    private final JsonMapper json;

    LeasingApi(Leases leases, Idempotency idempotency, JsonMapper json) {
        this.leases = leases;
        this.idempotency = idempotency;
        this.json = json;
    }

    record PaymentDoc(@Schema(example = "590342.18") String amount, @Schema(example = "2026-06-15") String receivedOn) {
    }

    @PostMapping(value = "/contracts/{id}/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "The lessor records a rental payment received: applied to the rentals due on or before the day, "
            + "oldest first, interest before principal, and posted in its books; send Idempotency-Key to retry safely")
    @ApiResponse(responseCode = "201", description = "Recorded; a retry with the same Idempotency-Key gets the first answer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Leases.Lease.class)))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = PaymentDoc.class)))
    ResponseEntity<String> pay(Caller caller, @PathVariable long id, @RequestBody JsonNode body,
                               @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        JsonInput in = JsonInput.of(body, Set.of("amount", "receivedOn"));
        var payment = new Leases.Payment(in.money("amount"), in.date("receivedOn"));
        in.done();
        return idempotent(caller, key, "lease.payment:" + id, payment, () -> leases.receive(caller, id, payment));
    }

    record SignDoc(@Schema(description = "the lessee's credit code") String lessee,
                   @Schema(allowableValues = {"DIRECT", "SALE_LEASEBACK"}) String leaseKind,
                   @Schema(example = "五轴联动加工中心 DMU 65 monoBLOCK") String equipment,
                   @Schema(example = "[\"DMU65-2024-00871\"]") List<String> serialNumbers,
                   @Schema(example = "6800000.00") String cost, @Schema(example = "0.00") String downPayment,
                   @Schema(example = "36") Integer months, @Schema(example = "3") Integer periodMonths,
                   @Schema(example = "5.2") String annualRatePercent,
                   @Schema(allowableValues = {"IN_ADVANCE", "IN_ARREARS"}) String timing,
                   @Schema(example = "340000.00") String deposit, @Schema(example = "100.00") String residual,
                   @Schema(example = "2026-06-30") String startOn, Boolean equipmentRenewal) {
    }

    @PostMapping(value = "/contracts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @ApiResponse(responseCode = "201", description = "Signed and filed; a retry with the same Idempotency-Key gets the first "
            + "answer", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Leases.Lease.class)))
    @Operation(summary = "A financial leasing company's approver signs a lease: the rental schedule is built, the lease "
            + "filed in the registry as FINANCIAL_LEASING and booked; equipment another party owns through the register, or "
            + "on the lessor's own active lease, is refused, the earlier filing or lease named; send Idempotency-Key to "
            + "retry safely")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = SignDoc.class)))
    ResponseEntity<String> sign(Caller caller, @RequestBody JsonNode body,
                                @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        JsonInput in = JsonInput.of(body, Set.of("lessee", "leaseKind", "equipment", "serialNumbers", "cost", "downPayment",
                "months", "periodMonths", "annualRatePercent", "timing", "deposit", "residual", "startOn",
                "equipmentRenewal"));
        JsonNode renewal = in.node("equipmentRenewal");
        Boolean equipmentRenewal = null;
        if (renewal != null && !renewal.isNull()) {
            if (renewal.isBoolean()) {
                equipmentRenewal = renewal.asBoolean();
            } else {
                in.problem(Rejection.of("boolean", "equipmentRenewal"));
            }
        }
        var d = new Leases.Draft(in.text("lessee"), in.choice(LeaseKind.class, "leaseKind"), in.text("equipment"),
                in.texts("serialNumbers"), in.money("cost"), in.money("downPayment"), in.integer("months"),
                in.integer("periodMonths"), in.decimal("annualRatePercent", 6), in.choice(RentalTiming.class, "timing"),
                in.money("deposit"), in.money("residual"), in.date("startOn"), equipmentRenewal);
        in.done();
        return idempotent(caller, key, "lease.sign", d, () -> leases.sign(caller, d));
    }

    /** Runs a money-moving call under the caller's Idempotency-Key: a retry gets the first answer. */
    private ResponseEntity<String> idempotent(Caller caller, String key, String operation, Record request,
                                              java.util.function.Supplier<Leases.Lease> effect) {
        Idempotency.Response r = idempotency.execute(caller.username(), key == null || key.isBlank() ? null : key.strip(),
                operation, Idempotency.digest(request), () -> {
                    Leases.Lease lease = effect.get();
                    return new Idempotency.Response(201, "/api/v1/leasing/contracts/" + lease.id(),
                            json.writeValueAsString(lease), false);
                });
        return ResponseEntity.status(r.status()).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.LOCATION, r.location()).header("Idempotent-Replayed", Boolean.toString(r.replayed()))
                .body(r.body());
    }

    @GetMapping("/contracts")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Leases in scope, newest first: the lessor's, the lessee's, the financial regulators' of the "
            + "lessee's region")
    Page<Leases.Lease> contracts(Caller caller, @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        return leases.leases(caller, PageRequest.of(page, size));
    }

    @GetMapping("/contracts/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One lease in scope")
    Leases.Lease contract(Caller caller, @PathVariable long id) {
        return leases.lease(caller, id);
    }

    @GetMapping("/contracts/{id}/schedule")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A lease's rentals as scheduled at signing: each rental's day, rent, principal, interest and the "
            + "balance after it; the last line, when a residual is agreed, the buy-out on the maturity day")
    List<Leases.Rental> schedule(Caller caller, @PathVariable long id) {
        return leases.schedule(caller, id);
    }
}
