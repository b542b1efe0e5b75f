package cn.chanrong.scf.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.platform.Idempotency;
import cn.chanrong.scf.Vouchers;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/vouchers")
@Tag(name = "vouchers", description = "E-vouchers (应收账款电子凭证): issue, split, transfer, discount, settle, penetration")
class VoucherApi {

    private final Vouchers vouchers;
    private final Idempotency idempotency;
    private final JsonMapper json;

    VoucherApi(Vouchers vouchers, Idempotency idempotency, JsonMapper json) {
        this.vouchers = vouchers;
        this.idempotency = idempotency;
        this.json = json;
    }

    /** Runs a value-moving call under the caller's optional Idempotency-Key: a retry gets the first answer. */
    private ResponseEntity<String> idempotent(Caller caller, String key, String operation, Record body, int status,
                                              Function<Object, String> location, Supplier<Object> effect) {
        Idempotency.Response r = idempotency.execute(caller.username(), key == null || key.isBlank() ? null : key.strip(),
                operation, Idempotency.digest(body), () -> {
                    Object result = effect.get();
                    return new Idempotency.Response(status, location.apply(result), json.writeValueAsString(result),
                            false);
                });
        var b = ResponseEntity.status(r.status()).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", Boolean.toString(r.replayed()));
        if (r.location() != null) {
            b.header(HttpHeaders.LOCATION, r.location());
        }
        return b.body(r.body());
    }

    record Target(long id, Record body) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "Issue a voucher to a tier-1 supplier (the core enterprise); trade background required, "
            + "term at most 6 months unless overDefault, never over 12; send Idempotency-Key to retry safely")
    @ApiResponse(responseCode = "201", description = "Issued; a retry with the same Idempotency-Key gets the first answer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Vouchers.Voucher.class)))
    ResponseEntity<String> issue(Caller caller, @RequestBody Vouchers.IssueRequest body,
                                 @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        return idempotent(caller, key, "voucher.issue", body, 201,
                v -> "/api/v1/vouchers/" + ((Vouchers.Voucher) v).id(), () -> vouchers.issue(caller, body));
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Vouchers the caller may see: an enterprise's issued or held (relation=ISSUED|HELD), "
            + "an institution's discounted with it; filter by status (ISSUED, SETTLED, OVERDUE)")
    Page<Vouchers.Voucher> search(Caller caller, @RequestParam(required = false) String status,
                                  @RequestParam(required = false) String relation,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        return vouchers.search(caller, new Vouchers.Filter(status, relation), PageRequest.of(page, size));
    }

    @GetMapping("/parts")
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "Parts the enterprise holds (held=true: LIVE only; held=false: every part it ever held)")
    Page<Vouchers.Part> parts(Caller caller, @RequestParam(required = false, defaultValue = "true") boolean held,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return vouchers.parts(caller, held, PageRequest.of(page, size));
    }

    @GetMapping("/conservation")
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    @Operation(summary = "Vouchers whose parts do not sum to their face value (empty when value is conserved)")
    List<Vouchers.Imbalance> conservation() {
        return vouchers.conservation(null);
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One voucher with its parts and events (issuer, holders past and present, funders, regulators)")
    Vouchers.Detail get(Caller caller, @PathVariable long id) {
        return vouchers.get(caller, id);
    }

    @GetMapping("/{id}/tree")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The penetration tree (穿透) of every split and transfer, with the outstanding amount by tier")
    Vouchers.Tree tree(Caller caller, @PathVariable long id) {
        return vouchers.tree(caller, id);
    }

    @PostMapping(value = "/parts/{partId}/split", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "Split a LIVE part into pieces that sum to it exactly, each at least one fen (the holder)")
    @ApiResponse(responseCode = "201", description = "Split; a retry with the same Idempotency-Key gets the first answer",
            content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = Vouchers.Part.class))))
    ResponseEntity<String> split(Caller caller, @PathVariable long partId, @RequestBody Vouchers.SplitRequest body,
                                 @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        return idempotent(caller, key, "voucher.split", new Target(partId, body), 201, v -> null,
                () -> vouchers.split(caller, partId, body));
    }

    @PostMapping(value = "/parts/{partId}/transfer", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "Transfer a LIVE part, or an amount of it, to another enterprise on a trade background "
            + "(the contract or invoice between the two)")
    @ApiResponse(responseCode = "201", description = "Transferred; a retry with the same Idempotency-Key gets the first answer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Vouchers.Transferred.class)))
    ResponseEntity<String> transfer(Caller caller, @PathVariable long partId, @RequestBody Vouchers.TransferRequest body,
                                    @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        return idempotent(caller, key, "voucher.transfer", new Target(partId, body), 201, v -> null,
                () -> vouchers.transfer(caller, partId, body));
    }

    @PostMapping(value = "/parts/{partId}/discount", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "Discount a LIVE part with a funder at an annual rate (percent) on a trade background; "
            + "booked as a loan under the funder's facility on the issuer")
    @ApiResponse(responseCode = "201", description = "Discounted; a retry with the same Idempotency-Key gets the first answer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Vouchers.Discounted.class)))
    ResponseEntity<String> discount(Caller caller, @PathVariable long partId, @RequestBody Vouchers.DiscountRequest body,
                                    @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        return idempotent(caller, key, "voucher.discount", new Target(partId, body), 201, v -> null,
                () -> vouchers.discount(caller, partId, body));
    }

    @PostMapping(value = "/{id}/settle", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "The issuer pays at maturity; the platform settles each outstanding part to its holder or "
            + "funder, pro rata when short (the rest goes overdue)")
    @ApiResponse(responseCode = "200", description = "Settled; a retry with the same Idempotency-Key gets the first answer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Vouchers.Settled.class)))
    ResponseEntity<String> settle(Caller caller, @PathVariable long id, @RequestBody Vouchers.SettleRequest body,
                                  @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        return idempotent(caller, key, "voucher.settle", new Target(id, body), 200, v -> null,
                () -> vouchers.settle(caller, id, body));
    }

    @PostMapping(value = "/{id}/late-payments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "The issuer pays an overdue voucher late: shared pro rata over the unpaid parts, funders' "
            + "loans collected; settled once nothing is unpaid")
    @ApiResponse(responseCode = "200", description = "Paid; a retry with the same Idempotency-Key gets the first answer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Vouchers.Settled.class)))
    ResponseEntity<String> payOverdue(Caller caller, @PathVariable long id, @RequestBody Vouchers.SettleRequest body,
                                      @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        return idempotent(caller, key, "voucher.late-payment", new Target(id, body), 200, v -> null,
                () -> vouchers.payOverdue(caller, id, body));
    }
}
