package cn.chanrong.institution.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.institution.InstitutionType;
import cn.chanrong.institution.Institutions;
import cn.chanrong.shared.Rejected;
import cn.chanrong.platform.ApiErrors;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of institutions: the list and a form to register one. */
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
        return "admin/institutions";
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
