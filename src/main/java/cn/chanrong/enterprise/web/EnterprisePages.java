package cn.chanrong.enterprise.web;

import cn.chanrong.audit.RejectedRequestRecorder;
import cn.chanrong.enterprise.Enterprise;
import cn.chanrong.enterprise.EnterpriseFilter;
import cn.chanrong.enterprise.Enterprises;
import cn.chanrong.enterprise.domain.Ownership;
import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.platform.ApiErrors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Workbench screens of the registry: list with filters and paging, detail, new and edit forms. */
@Controller
@RequestMapping("/enterprises")
class EnterprisePages {

    private final Enterprises enterprises;
    private final cn.chanrong.enterprise.EnterpriseDetails details;
    private final Names names;
    private final ApiErrors errors;
    private final RejectedRequestRecorder rejectedAudit;
    private final cn.chanrong.reference.RestrictedLists restrictedLists;
    private final cn.chanrong.reference.BusinessDate businessDate;

    EnterprisePages(Enterprises enterprises, cn.chanrong.enterprise.EnterpriseDetails details, Names names,
                    ApiErrors errors, RejectedRequestRecorder rejectedAudit,
                    cn.chanrong.reference.RestrictedLists restrictedLists, cn.chanrong.reference.BusinessDate businessDate) {
        this.restrictedLists = restrictedLists;
        this.businessDate = businessDate;
        this.enterprises = enterprises;
        this.details = details;
        this.names = names;
        this.errors = errors;
        this.rejectedAudit = rejectedAudit;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String list(Caller caller, Locale locale, Model model,
                @RequestParam(required = false) String creditCode, @RequestParam(required = false) String name,
                @RequestParam(required = false) String region, @RequestParam(required = false) String industry,
                @RequestParam(required = false) String chainTag, @RequestParam(required = false) String sizeClass,
                @RequestParam(required = false) String growthStage,
                @RequestParam(required = false) String qualification,
                @RequestParam(required = false) Integer page) {
        EnterpriseFilter filter = new EnterpriseFilter(creditCode, name, region, industry, chainTag, sizeClass,
                growthStage, qualification);
        Page<Enterprise> result = enterprises.search(caller, filter, PageRequest.of(page == null ? 0 : Math.max(page, 0), 20));
        model.addAttribute("filter", filter);
        model.addAttribute("result", result.map(e -> names.json(e, locale)));
        model.addAttribute("mayCreate", caller.isAdmin());
        model.addAttribute("chainTags", cn.chanrong.enterprise.domain.ChainTag.values());
        model.addAttribute("sizes", cn.chanrong.enterprise.domain.SizeClass.values());
        model.addAttribute("stages", cn.chanrong.enterprise.domain.GrowthStage.values());
        model.addAttribute("qualificationTypes", cn.chanrong.enterprise.domain.QualificationType.values());
        return "enterprise/list";
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    String detail(Caller caller, Locale locale, @PathVariable long id, Model model) {
        Enterprise e = enterprises.get(caller, id);
        model.addAttribute("e", names.json(e, locale));
        model.addAttribute("mayEdit", enterprises.mayEdit(caller, e));
        model.addAttribute("tags", details.chainTags(caller, id));
        model.addAttribute("allTags", cn.chanrong.enterprise.domain.ChainTag.values());
        model.addAttribute("qualifications", details.qualifications(caller, id));
        model.addAttribute("statuses", details.statuses(caller, id));
        model.addAttribute("qualificationTypes", cn.chanrong.enterprise.domain.QualificationType.values());
        model.addAttribute("statements", details.statements(caller, id));
        model.addAttribute("links", caller.is(cn.chanrong.identity.Role.INSTITUTION) ? null : details.supplyLinks(caller, id));
        model.addAttribute("english", "en".equals(locale.getLanguage()));
        model.addAttribute("affiliation", details.affiliation(caller, id));
        // the restricted-industry catalogue entries that apply to it today, as credit and lending apply them
        model.addAttribute("restricted", restrictedLists.applying(e.industryCode(), e.mainProducts(), businessDate.today()));
        if (!model.containsAttribute("sectionErrors")) {
            model.addAttribute("sectionErrors", Map.of());
        }
        return "enterprise/detail";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('ADMIN')")
    String newForm(Model model) {
        model.addAttribute("form", new EnterpriseForm());
        return form(model, null, Map.of());
    }

    @PostMapping("/new")
    @PreAuthorize("hasRole('ADMIN')")
    String create(Caller caller, Locale locale, @ModelAttribute("form") EnterpriseForm form, Model model,
                  RedirectAttributes flash) {
        try {
            rejectMalformed(form);
            Enterprise e = enterprises.register(caller, form.input());
            flash.addFlashAttribute("saved", true);
            return "redirect:/enterprises/" + e.id();
        } catch (Rejected r) {
            recordRejected(caller, "enterprise.create", null, r);
            return form(model, null, fieldErrors(r, locale));
        }
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENTERPRISE')")
    String editForm(Caller caller, @PathVariable long id, Model model) {
        Enterprise e = enterprises.get(caller, id);
        if (!enterprises.mayEdit(caller, e)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("enterprise.edit-forbidden", null));
        }
        model.addAttribute("form", EnterpriseForm.of(e));
        return form(model, id, Map.of());
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENTERPRISE')")
    String update(Caller caller, Locale locale, @PathVariable long id, @ModelAttribute("form") EnterpriseForm form,
                  Model model, RedirectAttributes flash) {
        try {
            rejectMalformed(form);
            if (form.getVersion() == null) {
                throw Rejected.invalid(Rejection.of("required", "version"));
            }
            enterprises.update(caller, id, form.input(), form.getVersion(), false);
            flash.addFlashAttribute("saved", true);
            return "redirect:/enterprises/" + id;
        } catch (Rejected r) {
            recordRejected(caller, "enterprise.update", id, r);
            if (r.kind() == Rejected.Kind.NOT_FOUND || r.kind() == Rejected.Kind.FORBIDDEN) {
                throw r;
            }
            return form(model, id, fieldErrors(r, locale));
        }
    }

    /** A refused form is audited like a refused API call, after its transaction rolled back. */
    private void recordRejected(Caller caller, String action, Long id, Rejected r) {
        rejectedAudit.recordRejected(caller.username(), action, "enterprise", id == null ? null : id.toString(),
                r.kind() + " " + r.rejections().stream().map(x -> x.code() + (x.field() == null ? "" : "@" + x.field()))
                        .toList());
    }

    private static void rejectMalformed(EnterpriseForm form) {
        List<Rejection> malformed = form.malformed();
        if (!malformed.isEmpty()) {
            throw Rejected.invalid(malformed);
        }
    }

    private String form(Model model, Long id, Map<String, List<String>> fieldErrors) {
        model.addAttribute("id", id);
        model.addAttribute("ownerships", Ownership.values());
        model.addAttribute("fieldErrors", fieldErrors);
        return "enterprise/form";
    }

    /** Messages by field; messages without a field go under the key {@code _}. */
    private Map<String, List<String>> fieldErrors(Rejected r, Locale locale) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Rejection x : r.rejections()) {
            map.computeIfAbsent(x.field() == null ? "_" : x.field(), k -> new java.util.ArrayList<>())
                    .add(errors.message(x, locale));
        }
        return map;
    }
}
