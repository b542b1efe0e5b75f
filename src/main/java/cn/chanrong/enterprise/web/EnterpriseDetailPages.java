package cn.chanrong.enterprise.web;

import cn.chanrong.audit.RejectedRequestRecorder;
import cn.chanrong.enterprise.EnterpriseDetails;
import cn.chanrong.enterprise.domain.StatementRules;
import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Rejected;
import cn.chanrong.platform.ApiErrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms on an enterprise's page: chain tags, qualifications, annual statements. Each posts,
 * then redirects back to the page with either a notice or the reasons by field (POST-redirect-GET).
 */
@Controller
@RequestMapping("/enterprises/{id}")
class EnterpriseDetailPages {

    private final EnterpriseDetails details;
    private final ApiErrors errors;
    private final RejectedRequestRecorder rejectedAudit;

    EnterpriseDetailPages(EnterpriseDetails details, ApiErrors errors, RejectedRequestRecorder rejectedAudit) {
        this.details = details;
        this.errors = errors;
        this.rejectedAudit = rejectedAudit;
    }

    @PostMapping("/chain-tags")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENTERPRISE')")
    String chainTags(Caller caller, Locale locale, @PathVariable long id,
                     @RequestParam(name = "tag", required = false) List<String> tags, RedirectAttributes flash) {
        return attempt(caller, locale, id, "tags", "enterprise.chain-tags.set", flash,
                () -> details.setChainTags(caller, id, tags == null ? List.of() : tags));
    }

    @PostMapping("/qualifications")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENTERPRISE')")
    String addQualification(Caller caller, Locale locale, @PathVariable long id, @RequestParam String type,
                            @RequestParam String issuer, @RequestParam(required = false) String certificate,
                            @RequestParam(required = false) String validFrom,
                            @RequestParam(required = false) String validTo, RedirectAttributes flash) {
        return attempt(caller, locale, id, "qualifications", "enterprise.qualification.add", flash,
                () -> details.addQualification(caller, id, type, issuer, certificate,
                        EnterpriseDetailsApi.date(validFrom, "validFrom"), EnterpriseDetailsApi.date(validTo, "validTo")));
    }

    @PostMapping("/qualifications/{qualificationId}/delete")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENTERPRISE')")
    String removeQualification(Caller caller, Locale locale, @PathVariable long id, @PathVariable long qualificationId,
                               RedirectAttributes flash) {
        return attempt(caller, locale, id, "qualifications", "enterprise.qualification.remove", flash, () -> {
            details.removeQualification(caller, id, qualificationId);
            return null;
        });
    }

    @PostMapping("/supply-links")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENTERPRISE')")
    String declareLink(Caller caller, Locale locale, @PathVariable long id, @RequestParam String counterpartyCreditCode,
                       @RequestParam String role, @RequestParam String annualVolume, RedirectAttributes flash) {
        return attempt(caller, locale, id, "links", "enterprise.supply-link.declare", flash, () -> {
            cn.chanrong.enterprise.SupplyLink.Role r = java.util.Arrays.stream(cn.chanrong.enterprise.SupplyLink.Role.values())
                    .filter(x -> x.name().equals(role)).findFirst().orElse(null);
            java.util.List<cn.chanrong.shared.Rejection> problems = new java.util.ArrayList<>();
            java.math.BigDecimal volume = cn.chanrong.shared.Amounts.parse(annualVolume, "annualVolume", false,
                    java.math.BigDecimal.TEN.pow(17), problems);
            if (!problems.isEmpty()) {
                throw Rejected.invalid(problems);
            }
            return details.declareSupplyLink(caller, id, counterpartyCreditCode.strip(), r, volume);
        });
    }

    @PostMapping("/statements")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENTERPRISE')")
    String saveStatement(Caller caller, Locale locale, @PathVariable long id, @RequestParam Map<String, String> form,
                         RedirectAttributes flash) {
        flash.addFlashAttribute("statementForm", form);
        return attempt(caller, locale, id, "statements", "enterprise.statement.save", flash, () -> {
            List<cn.chanrong.shared.Rejection> malformed = new ArrayList<>();
            StatementRules.Input input = new StatementRules.Input(integer(form, "year"),
                    amount(form, "revenue", malformed), amount(form, "mainBusinessRevenue", malformed),
                    amount(form, "rdExpense", malformed), integer(form, "rdStaff"), amount(form, "netProfit", malformed),
                    amount(form, "totalAssets", malformed), amount(form, "totalLiabilities", malformed),
                    amount(form, "equity", malformed), integer(form, "ipClass1"), integer(form, "ipClass2"),
                    "on".equals(form.get("published")));
            if (!malformed.isEmpty()) {
                throw Rejected.invalid(malformed);
            }
            return details.saveStatement(caller, id, input);
        });
    }

    /**
     * A figure as typed, read once here: null when blank (the rules say whether it is required); one that
     * is no amount is added to {@code malformed}, so every such field is named at once.
     */
    private static BigDecimal amount(Map<String, String> form, String field, List<cn.chanrong.shared.Rejection> malformed) {
        try {
            return Amounts.read(form.get(field), field, 2);
        } catch (Rejected r) {
            malformed.addAll(r.rejections());
            return null;
        }
    }

    private static Integer integer(Map<String, String> form, String field) {
        String v = form.get(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw Rejected.invalid(cn.chanrong.shared.Rejection.of("integer", field, v));
        }
    }

    private String attempt(Caller caller, Locale locale, long id, String section, String action,
                           RedirectAttributes flash, java.util.function.Supplier<Object> change) {
        try {
            change.get();
            flash.addFlashAttribute("savedSection", section);
        } catch (Rejected r) {
            rejectedAudit.recordRejected(caller.username(), action, "enterprise", Long.toString(id),
                    r.kind() + " " + r.rejections().stream()
                            .map(x -> x.code() + (x.field() == null ? "" : "@" + x.field())).toList());
            if (r.kind() == Rejected.Kind.NOT_FOUND || r.kind() == Rejected.Kind.FORBIDDEN) {
                throw r;
            }
            Map<String, List<String>> byField = new LinkedHashMap<>();
            r.rejections().forEach(x -> byField.computeIfAbsent(x.field() == null ? "_" : x.field(),
                    k -> new ArrayList<>()).add(errors.message(x, locale)));
            flash.addFlashAttribute("errorSection", section);
            flash.addFlashAttribute("sectionErrors", byField);
        }
        return "redirect:/enterprises/" + id + "#" + section;
    }
}
