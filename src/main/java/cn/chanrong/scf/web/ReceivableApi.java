package cn.chanrong.scf.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.platform.Uploads;
import cn.chanrong.scf.Receivables;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Upload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "receivables", description = "Invoices, receivables confirmed under SM2 signatures, financing offers, collection")
class ReceivableApi {

    /** {@code signatures}: receivable id to the debtor's Base64 signature of its canonical message at {@code signedAt}. */
    record BatchDecision(List<Long> ids, String decision, String reason, Instant signedAt, String publicKey,
                         Map<Long, String> signatures) {
    }

    record DilutionRequest(BigDecimal amount, String reason) {
    }

    record FinancingRequest(List<Long> institutionIds) {
    }

    record DeclineRequest(String reason) {
    }

    record PaymentRequest(BigDecimal amount, LocalDate paidOn) {
    }

    private final Receivables receivables;

    ReceivableApi(Receivables receivables) {
        this.receivables = receivables;
    }

    @PostMapping(value = "/invoices", consumes = {"text/csv", "application/xml", "text/xml",
            MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize("hasAnyRole('ENTERPRISE', 'ADMIN')")
    @Operation(summary = "Import fully-digital invoices: format=csv (many) or xml (one, 数电发票 layout); all or none")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<Receivables.InvoiceImport> importInvoices(Caller caller, @RequestBody InputStreamResource body,
                                                             @RequestParam(defaultValue = "csv") String format) {
        try (Upload file = Uploads.spool(body)) {
            return ResponseEntity.status(201).body(receivables.importInvoices(caller, format, file));
        }
    }

    @GetMapping("/invoices/{number}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One invoice with what red-letter invoices reversed of it")
    Receivables.InvoiceView invoice(Caller caller, @PathVariable String number) {
        return receivables.invoice(caller, number);
    }

    @PostMapping(value = "/receivables", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "Upload a receivable (creditor names debtorId) or a payable (debtor names creditorId: confirmed and signed)")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<Receivables.Receivable> upload(Caller caller, @RequestBody Receivables.Upload body) {
        Receivables.Receivable r = receivables.upload(caller, body);
        return ResponseEntity.status(201).header(HttpHeaders.LOCATION, "/api/v1/receivables/" + r.id()).body(r);
    }

    @GetMapping("/receivables")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Receivables the caller may see; role=CREDITOR|DEBTOR, status filter")
    Page<Receivables.Receivable> search(Caller caller, @RequestParam(required = false) String status,
                                        @RequestParam(required = false) String role,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        return receivables.search(caller, new Receivables.Filter(status, role), PageRequest.of(page, size));
    }

    @GetMapping("/receivables/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One receivable")
    Receivables.Receivable get(Caller caller, @PathVariable long id) {
        return receivables.get(caller, id);
    }

    @PostMapping(value = "/receivables/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "The debtor confirms or disputes with its own SM2 signature (signedAt, signature) over the canonical"
            + " message, verified against its registered key; only in demo mode may a platform-held key sign instead")
    Receivables.Receivable decide(Caller caller, @PathVariable long id, @RequestBody Receivables.Decision body) {
        return receivables.decide(caller, id, body);
    }

    @GetMapping(value = "/receivables/{id}/message", produces = MediaType.TEXT_PLAIN_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The canonical text a debtor signs for a decision at signedAt (ISO instant)")
    String message(Caller caller, @PathVariable long id, @RequestParam String decision,
                   @RequestParam(required = false) Instant signedAt) {
        return receivables.message(caller, id, decision, signedAt);
    }

    @PostMapping(value = "/receivables/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "Confirm or dispute several receivables at once, all or none; signatures maps each id to the"
            + " debtor's signature of that receivable's canonical message at signedAt")
    List<Receivables.Receivable> decideAll(Caller caller, @RequestBody BatchDecision body) {
        return receivables.decideAll(caller, new Receivables.Decisions(body.ids(), body.decision(), body.reason(),
                body.signedAt(), body.publicKey(), body.signatures()));
    }

    @GetMapping("/receivables/{id}/verification")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Verify the stored confirmation signature against the canonical message (any party that may see the receivable)")
    Receivables.Verification verify(Caller caller, @PathVariable long id) {
        return receivables.verify(caller, id);
    }

    @PostMapping(value = "/receivables/{id}/dilutions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "A return or credit note reducing the receivable; the funder is alerted when financed")
    Receivables.Receivable dilute(Caller caller, @PathVariable long id, @RequestBody DilutionRequest body) {
        return receivables.dilute(caller, id, body.amount(), body.reason());
    }

    @PostMapping(value = "/receivables/{id}/financing-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "The creditor sends a confirmed receivable to one or several funders")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<List<Receivables.Offer>> request(Caller caller, @PathVariable long id,
                                                    @RequestBody FinancingRequest body) {
        return ResponseEntity.status(201).body(receivables.requestFinancing(caller, id, body.institutionIds()));
    }

    @PostMapping(value = "/receivables/{id}/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "The debtor pays into the collection account: the funder first, the rest to the seller")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<Receivables.Collection> pay(Caller caller, @PathVariable long id, @RequestBody PaymentRequest body) {
        return ResponseEntity.status(201).body(receivables.pay(caller, id, body.amount(), body.paidOn()));
    }

    @GetMapping("/receivables/payment-term-breaches")
    @PreAuthorize("hasAnyRole('ENTERPRISE', 'REGULATOR', 'ADMIN')")
    @Operation(summary = "Receivables unpaid past the contract term, or past 60 days large enterprise to SME (FACTS §4)")
    Page<Receivables.Breach> breaches(Caller caller, @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        return receivables.breaches(caller, PageRequest.of(page, size));
    }

    @GetMapping("/receivable-offers")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Financing requests and offers: a funder's own, a creditor's")
    Page<Receivables.Offer> offers(Caller caller, @RequestParam(required = false) Long receivableId,
                                   @RequestParam(required = false) String status,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return receivables.offers(caller, receivableId, status, PageRequest.of(page, size));
    }

    @PostMapping(value = "/receivable-offers/{id}/offer", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "The funder answers with terms: advanceRate, discountRate, fee, recourse, kind, riskObligor")
    Receivables.Offer offer(Caller caller, @PathVariable long id, @RequestBody Receivables.Terms body) {
        return receivables.offer(caller, id, body);
    }

    @PostMapping(value = "/receivable-offers/{id}/decline", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "The funder declines, with a reason")
    Receivables.Offer decline(Caller caller, @PathVariable long id, @RequestBody DeclineRequest body) {
        return receivables.decline(caller, id, body.reason());
    }

    @PostMapping("/receivable-offers/{id}/accept")
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "The creditor accepts: registry check and filing, loan booked, debtor notified — one transaction")
    Receivables.Offer accept(Caller caller, @PathVariable long id) {
        return receivables.accept(caller, id);
    }

    @GetMapping("/receivable-offers/{id}/checklist")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The funder's pre-financing checklist: invoice, related parties, registry, confirmation")
    List<Receivables.Check> checklist(Caller caller, @PathVariable long id) {
        return receivables.checklist(caller, id);
    }
}
