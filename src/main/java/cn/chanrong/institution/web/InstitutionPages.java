package cn.chanrong.institution.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.institution.InstitutionType;
import cn.chanrong.institution.Institutions;
import cn.chanrong.institution.PolicyTool;
import cn.chanrong.shared.Rejected;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.shared.PageRequest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration of institutions: the list with each one's type and policy tools, a form to register
 * one and a form to record its participation in a tool, and who may take part in which tool.
 */
@Controller
class InstitutionPages {

    private final Institutions institutions;
    private final ApiErrors errors;

    InstitutionPages(Institutions institutions, ApiErrors errors) {
        this.institutions = institutions;
        this.errors = errors;
    }

    @GetMapping("/admin/institutions")
    @PreAuthorize("hasRole('ADMIN')")
    String list(Model model) {
        model.addAttribute("institutions", institutions.list());
        model.addAttribute("types", InstitutionType.values());
        model.addAttribute("tools", PolicyTool.values());
        model.addAttribute("participations", institutions.participations());
        model.addAttribute("eligibility", institutions.toolEligibility(new Institutions.EligibilityQuery(null, null, null),
                PageRequest.of(0, PageRequest.MAX_SIZE)).items());
        return "admin/institutions";
    }

    /** Records participation in a policy tool; a type the tool does not admit is refused in words. */
    @PostMapping("/admin/institutions/policy-tools")
    @PreAuthorize("hasRole('ADMIN')")
    String addTool(Caller caller, Locale locale, @RequestParam long institutionId, @RequestParam String tool,
                   @RequestParam(required = false) String validFrom, @RequestParam(required = false) String validTo,
                   RedirectAttributes flash) {
        try {
            institutions.addPolicyTool(caller, institutionId, tool, date(validFrom, "validFrom"), date(validTo, "validTo"));
            flash.addFlashAttribute("saved", true);
        } catch (Rejected e) {
            flash.addFlashAttribute("toolProblems", e.rejections().stream().map(x -> errors.message(x, locale)).toList());
        }
        return "redirect:/admin/institutions";
    }

    private static LocalDate date(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw Rejected.invalid(cn.chanrong.shared.Rejection.of("date.format", field, raw));
        }
    }

    @PostMapping("/admin/institutions")
    @PreAuthorize("hasRole('ADMIN')")
    String add(Caller caller, Locale locale, @RequestParam String creditCode, @RequestParam String name,
               @RequestParam(required = false) String nameEn, @RequestParam String type, RedirectAttributes flash) {
        try {
            InstitutionType t = Arrays.stream(InstitutionType.values()).filter(x -> x.name().equals(type)).findFirst()
                    .orElse(null);
            institutions.register(caller, creditCode.strip(), name.strip(),
                    nameEn == null || nameEn.isBlank() ? null : nameEn.strip(), t);
            flash.addFlashAttribute("saved", true);
        } catch (Rejected e) {
            flash.addFlashAttribute("problems", e.rejections().stream().map(x -> errors.message(x, locale)).toList());
        }
        return "redirect:/admin/institutions";
    }
}
