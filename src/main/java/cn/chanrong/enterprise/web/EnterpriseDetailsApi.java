package cn.chanrong.enterprise.web;

import cn.chanrong.enterprise.EnterpriseDetails;
import cn.chanrong.enterprise.Qualification;
import cn.chanrong.enterprise.SupplyLink;
import cn.chanrong.enterprise.domain.AnnualStatement;
import cn.chanrong.enterprise.domain.ChainTag;
import cn.chanrong.enterprise.domain.StatementRules;
import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/enterprises/{id}")
@Tag(name = "enterprise details", description = "Statements, qualifications, chain tags, supply relationships")
class EnterpriseDetailsApi {

    private final EnterpriseDetails details;

    EnterpriseDetailsApi(EnterpriseDetails details) {
        this.details = details;
    }

    record StatementJson(int year, String revenue, String mainBusinessRevenue, String rdExpense, int rdStaff,
                         String netProfit, String totalAssets, String totalLiabilities, String equity, int ipClass1,
                         int ipClass2, boolean published, String rdIntensity, String debtRatio) {
        static StatementJson of(AnnualStatement s) {
            return new StatementJson(s.year(), s.revenue().toPlainString(), s.mainBusinessRevenue().toPlainString(),
                    s.rdExpense().toPlainString(), s.rdStaff(), s.netProfit().toPlainString(),
                    s.totalAssets().toPlainString(), s.totalLiabilities().toPlainString(), s.equity().toPlainString(),
                    s.ipClass1(), s.ipClass2(), s.published(), s.rdIntensity().toPlainString(),
                    s.debtRatio().toPlainString());
        }
    }

    /** Amounts read by the strict JSON binding: plain decimal text or number, at most two decimals. */
    record StatementRequest(BigDecimal revenue, BigDecimal mainBusinessRevenue, BigDecimal rdExpense, Integer rdStaff,
                            BigDecimal netProfit, BigDecimal totalAssets, BigDecimal totalLiabilities, BigDecimal equity,
                            Integer ipClass1, Integer ipClass2, Boolean published) {
    }

    @GetMapping("/annual-statements")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Annual statements (institutions see published years only)")
    List<StatementJson> statements(Caller caller, @PathVariable long id) {
        return details.statements(caller, id).stream().map(StatementJson::of).toList();
    }

    @PutMapping("/annual-statements/{year}")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENTERPRISE')")
    @Operation(summary = "File or correct one year's statement; equity, when given, must equal assets minus liabilities")
    StatementJson saveStatement(Caller caller, @PathVariable long id, @PathVariable int year,
                                @RequestBody StatementRequest b) {
        return StatementJson.of(details.saveStatement(caller, id, new StatementRules.Input(year, b.revenue(),
                b.mainBusinessRevenue(), b.rdExpense(), b.rdStaff(), b.netProfit(), b.totalAssets(),
                b.totalLiabilities(), b.equity(), b.ipClass1(), b.ipClass2(), b.published())));
    }

    /** {@code verification}: VERIFIED when a regulator confirmed it, DECLARED when only the enterprise says so. */
    record QualificationJson(long id, String type, String typeName, String issuer, String certificate,
                             LocalDate validFrom, LocalDate validTo, String verification, String confirmedBy) {
        static QualificationJson of(Qualification q, Locale locale) {
            return new QualificationJson(q.id(), q.type().name(), q.type().name("en".equals(locale.getLanguage())),
                    q.issuer(), q.certificate(), q.validFrom(), q.validTo(), q.confirmed() ? "VERIFIED" : "DECLARED",
                    q.confirmedBy());
        }
    }

    /**
     * One status as the profile shows it: {@code verification} VERIFIED (from a list or a regulator's
     * confirmation, with issuer, document and validity) or DECLARED (as the enterprise typed it, buying
     * nothing); {@code validToday} whether the business date falls within its validity.
     */
    record StatusJson(String type, String typeName, String verification, String source, String issuer, String document,
                      LocalDate validFrom, LocalDate validTo, boolean validToday) {
    }

    /** The statuses and what they give today, verified and declared apart. */
    record StatusesJson(LocalDate asOf, List<StatusJson> statuses, List<String> verifiedQualifications,
                        List<String> declaredQualifications, List<String> verifiedKeyChains, List<String> declaredChainTags) {
    }

    @GetMapping("/statuses")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Statuses held, each verified (list or confirmation) or declared, and the standing today (public)")
    StatusesJson statuses(Caller caller, Locale locale, @PathVariable long id) {
        return statusesJson(details.statuses(caller, id), "en".equals(locale.getLanguage()));
    }

    static StatusesJson statusesJson(cn.chanrong.enterprise.EnterpriseStatuses s, boolean english) {
        List<StatusJson> items = s.held().stream().map(h -> new StatusJson(h.type().name(), h.type().name(english),
                h.verified() ? "VERIFIED" : "DECLARED", h.source().name(), h.issuer(), h.document(), h.validFrom(),
                h.validTo(), h.validOn(s.asOf()))).toList();
        var st = s.standing();
        return new StatusesJson(s.asOf(), items, sorted(st.verified()), sorted(st.declared()), sorted(st.verifiedKeyChains()),
                sorted(st.declaredChains()));
    }

    private static List<String> sorted(java.util.Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }

    record QualificationRequest(String type, String issuer, String certificate, String validFrom, String validTo) {
    }

    @GetMapping("/qualifications")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Qualifications held (public)")
    List<QualificationJson> qualifications(Caller caller, Locale locale, @PathVariable long id) {
        return details.qualifications(caller, id).stream().map(q -> QualificationJson.of(q, locale)).toList();
    }

    @PostMapping("/qualifications")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENTERPRISE')")
    @Operation(summary = "Record a qualification with its issuer and validity")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<QualificationJson> addQualification(Caller caller, Locale locale, @PathVariable long id,
                                                       @RequestBody QualificationRequest b) {
        Qualification q = details.addQualification(caller, id, b.type(), b.issuer(), b.certificate(),
                date(b.validFrom(), "validFrom"), date(b.validTo(), "validTo"));
        return ResponseEntity.status(201).body(QualificationJson.of(q, locale));
    }

    @DeleteMapping("/qualifications/{qualificationId}")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENTERPRISE')")
    @Operation(summary = "Remove a qualification recorded by mistake")
    @ApiResponse(responseCode = "204", description = "Removed")
    ResponseEntity<Void> removeQualification(Caller caller, @PathVariable long id, @PathVariable long qualificationId) {
        details.removeQualification(caller, id, qualificationId);
        return ResponseEntity.noContent().build();
    }

    record TagJson(String code, String kind, String name) {
    }

    record TagsRequest(List<String> tags) {
    }

    @GetMapping("/chain-tags")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Industrial-chain tags (public)")
    List<TagJson> chainTags(Caller caller, Locale locale, @PathVariable long id) {
        return tags(details.chainTags(caller, id), locale);
    }

    @PutMapping("/chain-tags")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENTERPRISE')")
    @Operation(summary = "Replace the chain tags")
    List<TagJson> setChainTags(Caller caller, Locale locale, @PathVariable long id, @RequestBody TagsRequest b) {
        if (b.tags() == null) {
            // a replace names the new set; an empty object must not silently clear every tag
            throw Rejected.invalid(Rejection.of("required", "tags"));
        }
        return tags(details.setChainTags(caller, id, b.tags()), locale);
    }

    record LinkRequest(String counterpartyCreditCode, String role, String annualVolume) {
    }

    @GetMapping("/supply-links")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENTERPRISE', 'REGULATOR')")
    @Operation(summary = "Customers and suppliers as declared (not shown to institutions)")
    List<SupplyLink> supplyLinks(Caller caller, @PathVariable long id) {
        return details.supplyLinks(caller, id);
    }

    @PostMapping("/supply-links")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENTERPRISE')")
    @Operation(summary = "Declare a customer or supplier (by credit code) and the annual volume")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<SupplyLink> declare(Caller caller, @PathVariable long id, @RequestBody LinkRequest b) {
        SupplyLink.Role role = null;
        if (b.role() != null) {
            role = java.util.Arrays.stream(SupplyLink.Role.values()).filter(r -> r.name().equals(b.role())).findFirst()
                    .orElseThrow(() -> Rejected.invalid(Rejection.of("enum", "role", b.role(), "[CUSTOMER, SUPPLIER]")));
        }
        BigDecimal volume = null;
        if (b.annualVolume() != null) {
            java.util.List<Rejection> problems = new java.util.ArrayList<>();
            volume = cn.chanrong.shared.Amounts.parse(b.annualVolume(), "annualVolume", false, BigDecimal.TEN.pow(17), problems);
            if (!problems.isEmpty()) {
                throw Rejected.invalid(problems);
            }
        }
        return ResponseEntity.status(201).body(details.declareSupplyLink(caller, id, b.counterpartyCreditCode(), role, volume));
    }

    @GetMapping("/affiliation")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Group, actual controller and related parties")
    cn.chanrong.enterprise.Affiliation affiliation(Caller caller, @PathVariable long id) {
        return details.affiliation(caller, id);
    }

    private static List<TagJson> tags(java.util.Set<ChainTag> tags, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        return tags.stream().map(t -> new TagJson(t.name(), t.kind().name(), t.name(en))).toList();
    }

    static LocalDate date(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw Rejected.invalid(Rejection.of("date.format", field, raw));
        }
    }
}
