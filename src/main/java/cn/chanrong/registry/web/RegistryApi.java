package cn.chanrong.registry.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.platform.Uploads;
import cn.chanrong.registry.CollateralRegistry;
import cn.chanrong.registry.Conflict;
import cn.chanrong.registry.Filing;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/registry")
@Tag(name = "registry", description = "Collateral filings, search by grantor, the double-financing check")
class RegistryApi {

    private final CollateralRegistry registry;
    private final ApiErrors errors;
    private final CertificatePdf pdfs;

    RegistryApi(CollateralRegistry registry, ApiErrors errors, CertificatePdf pdfs) {
        this.registry = registry;
        this.errors = errors;
        this.pdfs = pdfs;
    }

    record FilingRequest(String grantor, String collateralType, String description, List<String> identifiers,
                         String blanketScope, Integer termMonths, java.time.LocalDate deliveredOn, Boolean purchaseMoney) {
        CollateralRegistry.Request request() {
            return new CollateralRegistry.Request(grantor, collateralType, description, identifiers, blanketScope, termMonths,
                    deliveredOn, Boolean.TRUE.equals(purchaseMoney));
        }
    }

    /** A registered filing with its priority: 1 is first; the other parties' filings ahead of it, first first. */
    record Registered(@com.fasterxml.jackson.annotation.JsonUnwrapped Filing filing, int position, List<Conflict> ahead) {
    }

    /** The check: every other party's filing covering the asset, and where a filing made now would rank. */
    record Check(List<Conflict> conflicts, int position, List<Conflict> ahead) {
    }

    private static long securedParty(Caller caller) {
        if (!caller.is(Role.INSTITUTION) || !caller.hasAuthority("operator")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("registry.operator-only", null));
        }
        return caller.institutionId();
    }

    @PostMapping(value = "/filings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "File (institution operators): every valid filing is registered; a second secured party ranks"
            + " behind the filings listed in ahead (Civil Code 414, 416)")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<Registered> file(Caller caller, @RequestBody FilingRequest body) {
        Filing filed = registry.file(securedParty(caller), body.request(), caller.username());
        CollateralRegistry.Ranking ranking = registry.rankOf(filed.number());
        return ResponseEntity.status(201).body(new Registered(filed, ranking.position(), ranking.ahead()));
    }

    @GetMapping("/filings")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Active filings against a grantor, in registration order")
    List<Filing> search(@RequestParam String grantor) {
        cn.chanrong.shared.CreditCode.check(grantor, "grantor").ifPresent(r -> {
            throw Rejected.invalid(r);
        });
        return registry.byGrantor(grantor);
    }

    @PostMapping(value = "/checks", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "The check: every active filing by another party covering the asset (blanket scopes and imported"
            + " national filings included), and the priority position a filing made now would take")
    Check check(Caller caller, @RequestBody FilingRequest body) {
        CollateralRegistry.Ranking ranking = registry.rank(caller.institutionId(), body.request());
        return new Check(ranking.covering(), ranking.position(), ranking.ahead());
    }

    @PostMapping(value = "/external-filings", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize("hasAnyRole('INSTITUTION', 'ADMIN')")
    @Operation(summary = "Import national-registry search results (CSV; all rows or none); they join the double-financing check as external")
    Map<String, Object> importExternal(Caller caller, @RequestBody InputStreamResource body,
                                       @RequestParam(required = false) String encoding) {
        if (!caller.isAdmin()) {
            securedParty(caller);
        }
        try (Upload file = Uploads.spool(body)) {
            return Map.of("imported", registry.importExternal(file, encoding, caller.username()));
        }
    }

    record RegistryStatistics(Map<String, Long> activeByType, int overdueCancellations, Map<Long, Long> blockedAttempts) {
    }

    @GetMapping("/statistics")
    @PreAuthorize("hasAnyRole('REGULATOR', 'ADMIN')")
    @Operation(summary = "Active filings by type, overdue cancellations, and refused double-financing attempts by institution")
    RegistryStatistics statistics() {
        return new RegistryStatistics(registry.activeByType(), registry.openCancellationTasks(null, true).size(),
                registry.blockedAttempts(java.time.LocalDate.of(2000, 1, 1)));
    }

    record AmendmentRequest(String description, List<String> addIdentifiers, List<String> removeIdentifiers) {
    }

    @PostMapping(value = "/filings/{number}/amendments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Amend one's own filing: description, identifiers added (checked like a filing) or removed")
    Filing amend(Caller caller, @org.springframework.web.bind.annotation.PathVariable String number,
                 @RequestBody AmendmentRequest body) {
        return registry.amend(securedParty(caller), number, new CollateralRegistry.Amendment(body.description(),
                body.addIdentifiers(), body.removeIdentifiers()), caller.username());
    }

    record ExtensionRequest(Integer termMonths) {
    }

    @PostMapping(value = "/filings/{number}/extensions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Extend one's own filing by some months (the whole term at most 360)")
    Filing extend(Caller caller, @org.springframework.web.bind.annotation.PathVariable String number,
                  @RequestBody ExtensionRequest body) {
        return registry.extend(securedParty(caller), number, body.termMonths(), caller.username());
    }

    record ObjectionRequest(String reason) {
    }

    @PostMapping(value = "/filings/{number}/objections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "Object to a filing (the grantor or another interested enterprise); shown until resolved")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<Filing> object(Caller caller, @org.springframework.web.bind.annotation.PathVariable String number,
                                  @RequestBody ObjectionRequest body) {
        return ResponseEntity.status(201).body(registry.object(caller.username(), caller.enterpriseId(), number,
                body.reason()));
    }

    record ResolutionRequest(String resolution) {
    }

    @PostMapping(value = "/filings/{number}/objections/{id}/resolution", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('INSTITUTION', 'ADMIN')")
    @Operation(summary = "Record how an objection was resolved (the secured party or an administrator)")
    Filing resolve(Caller caller, @org.springframework.web.bind.annotation.PathVariable String number,
                   @org.springframework.web.bind.annotation.PathVariable long id, @RequestBody ResolutionRequest body) {
        return registry.resolveObjection(caller.isAdmin() ? null : caller.institutionId(), number, id, body.resolution(),
                caller.username());
    }

    record CancelRequest(String reason) {
    }

    @PostMapping(value = "/filings/{number}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Cancel one's own filing once the secured debt is repaid")
    Filing cancel(Caller caller, @org.springframework.web.bind.annotation.PathVariable String number,
                  @RequestBody CancelRequest body) {
        return registry.cancel(securedParty(caller), number, body.reason(), caller.username());
    }

    @GetMapping("/cancellation-tasks")
    @PreAuthorize("hasAnyRole('INSTITUTION', 'REGULATOR', 'ADMIN')")
    @Operation(summary = "Open cancellation tasks: an institution's own, or every overdue one for regulators")
    List<CollateralRegistry.CancellationTask> cancellationTasks(Caller caller,
                                                                @RequestParam(required = false) Boolean overdue) {
        if (caller.is(Role.INSTITUTION)) {
            return registry.openCancellationTasks(caller.institutionId(), Boolean.TRUE.equals(overdue));
        }
        return registry.openCancellationTasks(null, overdue == null || overdue);
    }

    /** What a certificate states; any field given must match the register, and the hash must match them all. */
    record CertificateClaim(String hash, String grantor, String collateralType, List<String> identifiers,
                            String blanketScope, Integer termMonths, Long securedParty, String registeredAt) {
    }

    record Verification(boolean valid, String status, List<String> mismatches, Filing filing) {
    }

    @PostMapping(value = "/filings/{number}/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Verify a certificate: its hash and stated fields against the register")
    Verification verify(@org.springframework.web.bind.annotation.PathVariable String number,
                        @RequestBody CertificateClaim claim) {
        Filing f = registry.byNumber(number).orElseThrow(() -> Rejected.notFound("filing", number));
        List<String> mismatches = new java.util.ArrayList<>();
        if (claim.hash() == null || !claim.hash().equalsIgnoreCase(registry.certificateHash(f))) {
            mismatches.add("hash");
        }
        mismatch(mismatches, "grantor", claim.grantor(), f.grantor());
        mismatch(mismatches, "collateralType", claim.collateralType(), f.collateralType());
        mismatch(mismatches, "identifiers", claim.identifiers() == null ? null
                : claim.identifiers().stream().sorted().toList(), f.identifiers());
        mismatch(mismatches, "blanketScope", claim.blanketScope(), f.blanketScope());
        mismatch(mismatches, "termMonths", claim.termMonths(), f.termMonths());
        mismatch(mismatches, "securedParty", claim.securedParty(), f.securedParty());
        mismatch(mismatches, "registeredAt", claim.registeredAt(), f.registeredAt().toString());
        return new Verification(mismatches.isEmpty(), f.status(), mismatches, f);
    }

    private static void mismatch(List<String> out, String field, Object claimed, Object registered) {
        if (claimed != null && !claimed.equals(registered)) {
            out.add(field);
        }
    }

    @GetMapping(value = "/filings/{number}/certificate", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The filing's certificate (HTML) with its verification hash")
    String certificate(@org.springframework.web.bind.annotation.PathVariable String number, Locale locale) {
        Filing f = registry.byNumber(number).orElseThrow(() -> Rejected.notFound("filing", number));
        boolean en = "en".equals(locale.getLanguage());
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"").append(en ? "en" : "zh-CN")
                .append("\"><head><meta charset=\"UTF-8\"><title>")
                .append(esc(errors.message(Rejection.of("registry.certificate", null), locale))).append(' ').append(esc(f.number()))
                .append("</title></head><body><h1>").append(esc(errors.message(Rejection.of("registry.certificate", null), locale)))
                .append("</h1><dl>");
        row(b, locale, "number", f.number());
        row(b, locale, "seq", Long.toString(f.seq()));
        row(b, locale, "registeredAt", f.registeredAt().toString());
        row(b, locale, "grantor", f.grantor());
        row(b, locale, "securedParty", Long.toString(f.securedParty()));
        row(b, locale, "collateralType", f.collateralType());
        row(b, locale, "description", f.description());
        row(b, locale, "identifiers", String.join(", ", f.identifiers()));
        row(b, locale, "blanketScope", f.blanketScope() == null ? "" : f.blanketScope());
        row(b, locale, "termMonths", Integer.toString(f.termMonths()));
        row(b, locale, "expiresOn", f.expiresOn().toString());
        row(b, locale, "status", f.status());
        row(b, locale, "hash", registry.certificateHash(f));
        return b.append("</dl></body></html>").toString();
    }

    @GetMapping(value = "/filings/{number}/certificate.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The filing's certificate as PDF, with the same fields and verification hash")
    ResponseEntity<byte[]> certificatePdf(@org.springframework.web.bind.annotation.PathVariable String number,
                                          Locale locale) {
        Filing f = registry.byNumber(number).orElseThrow(() -> Rejected.notFound("filing", number));
        Map<String, String> rows = new LinkedHashMap<>();
        java.util.function.BiConsumer<String, String> row = (field, value) ->
                rows.put(errors.message(Rejection.of("registry.label", field), locale), value);
        row.accept("number", f.number());
        row.accept("seq", Long.toString(f.seq()));
        row.accept("registeredAt", f.registeredAt().toString());
        row.accept("grantor", f.grantor());
        row.accept("securedParty", Long.toString(f.securedParty()));
        row.accept("collateralType", f.collateralType());
        row.accept("description", f.description());
        row.accept("identifiers", String.join(", ", f.identifiers()));
        row.accept("blanketScope", f.blanketScope() == null ? "" : f.blanketScope());
        row.accept("termMonths", Integer.toString(f.termMonths()));
        row.accept("expiresOn", f.expiresOn().toString());
        row.accept("status", f.status());
        row.accept("hash", registry.certificateHash(f));
        byte[] pdf = pdfs.render(errors.message(Rejection.of("registry.certificate", null), locale) + " " + f.number(), rows);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"certificate-" + f.number() + ".pdf\"").body(pdf);
    }

    private void row(StringBuilder b, Locale locale, String field, String value) {
        b.append("<dt>").append(esc(errors.message(Rejection.of("registry.label", field), locale)))
                .append("</dt><dd id=\"").append(field).append("\">").append(esc(value)).append("</dd>");
    }

    private static String esc(String s) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
