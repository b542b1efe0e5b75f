package cn.chanrong.warning.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import cn.chanrong.warning.WarningLists;
import cn.chanrong.warning.domain.ExposureAction;
import cn.chanrong.warning.domain.Severity;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workbench's risk warning: the lists in scope with their answer rates; a regulator of an issuing department
 * publishes one from a CSV file; an institution answers its exposures, the open ones first.
 */
@Controller
class WarningPages {

    private static final Set<String> ISSUERS = Set.of("MIIT", "NDRC", "PBOC", "NFRA");

    private final WarningLists lists;
    private final cn.chanrong.warning.WarningSignals signals;
    private final cn.chanrong.warning.InvolutionWatch involution;
    private final ApiErrors errors;

    WarningPages(WarningLists lists, cn.chanrong.warning.WarningSignals signals, cn.chanrong.warning.InvolutionWatch involution,
                 ApiErrors errors) {
        this.involution = involution;
        this.signals = signals;
        this.lists = lists;
        this.errors = errors;
    }

    @GetMapping("/warning/lists")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('REGULATOR') or hasRole('ADMIN')")
    String lists(Caller caller, Model model, @RequestParam(required = false) Integer page) {
        model.addAttribute("result", lists.lists(caller, PageRequest.of(page == null ? 0 : Math.max(0, page), 20)));
        model.addAttribute("publishes", caller.is(Role.REGULATOR) && ISSUERS.contains(caller.department()));
        model.addAttribute("severities", Severity.values());
        boolean answers = caller.is(Role.INSTITUTION);
        model.addAttribute("answers", answers);
        if (answers) {
            model.addAttribute("open", lists.exposures(caller, null, "OPEN", PageRequest.of(0, 50)));
            model.addAttribute("actions", ExposureAction.values());
        }
        return "warning/lists";
    }

    @PostMapping("/warning/lists")
    @PreAuthorize("hasRole('REGULATOR')")
    String publish(Caller caller, Locale locale, @RequestParam(required = false) String title,
                   @RequestParam(required = false) String reason, @RequestParam(required = false) String severity,
                   @RequestParam(required = false) String confidential, @RequestParam(required = false) Integer answerDays,
                   @RequestParam(required = false) MultipartFile file, RedirectAttributes flash) {
        try {
            Severity s = severity == null || severity.isBlank() ? null : Severity.parse(severity).orElseThrow(() ->
                    Rejected.invalid(Rejection.of("enum", "severity", severity, java.util.Arrays.toString(Severity.values()))));
            if (file == null || file.isEmpty()) {
                throw Rejected.invalid(Rejection.of("required", "file"));
            }
            WarningLists.Published p;
            try (Upload upload = Upload.spool(file.getInputStream())) {
                p = lists.publish(caller, new WarningLists.Publish(title, reason, s, "true".equals(confidential), answerDays),
                        upload, null);
            }
            if (p.list() == null) {
                flash.addFlashAttribute("problems", p.report().errors().stream()
                        .map(e -> (e.line() > 0 ? e.line() + ": " : "") + errors.message(e.rejection(), locale)).toList());
                return "redirect:/warning/lists";
            }
            flash.addFlashAttribute("saved", true);
            return "redirect:/warning/lists/" + p.list().id();
        } catch (Rejected r) {
            flash.addFlashAttribute("problems", errors.messages(r, locale));
            return "redirect:/warning/lists";
        } catch (IOException e) {
            flash.addFlashAttribute("problems", java.util.List.of(errors.message(Rejection.of("required", "file"), locale)));
            return "redirect:/warning/lists";
        }
    }

    @GetMapping("/warning/lists/{id}")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('REGULATOR') or hasRole('ADMIN')")
    String list(Caller caller, @PathVariable long id, Model model) {
        model.addAttribute("l", lists.list(caller, id));
        model.addAttribute("entries", lists.entries(caller, id));
        model.addAttribute("exposures", lists.exposures(caller, id, null, PageRequest.of(0, 200)));
        model.addAttribute("answers", caller.is(Role.INSTITUTION));
        model.addAttribute("actions", ExposureAction.values());
        return "warning/list";
    }

    @PostMapping("/warning/exposures/{id}/answer")
    @PreAuthorize("hasRole('INSTITUTION')")
    String answer(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) String action,
                  @RequestParam(required = false) String note, @RequestParam(required = false) Long list,
                  RedirectAttributes flash) {
        try {
            ExposureAction a = action == null || action.isBlank() ? null : ExposureAction.parse(action).orElseThrow(() ->
                    Rejected.invalid(Rejection.of("enum", "action", action, java.util.Arrays.toString(ExposureAction.values()))));
            lists.answer(caller, id, new WarningLists.Answer(a, note));
            flash.addFlashAttribute("saved", true);
        } catch (Rejected r) {
            flash.addFlashAttribute("problems", errors.messages(r, locale));
        }
        return list == null ? "redirect:/warning/lists" : "redirect:/warning/lists/" + list;
    }

    @GetMapping("/warning/signals")
    @PreAuthorize("isAuthenticated()")
    String signals(Caller caller, @RequestParam long enterpriseId, Model model) {
        model.addAttribute("a", signals.assess(caller, enterpriseId));
        return "warning/signals";
    }

    /** A borrower's level as a small fragment other pages load (empty where the caller may not see it). */
    @GetMapping("/warning/badge")
    @PreAuthorize("isAuthenticated()")
    String badge(Caller caller, @RequestParam long enterpriseId, Model model) {
        try {
            model.addAttribute("a", signals.assess(caller, enterpriseId));
        } catch (Rejected r) {
            model.addAttribute("a", null);
        }
        return "warning/badge :: badge";
    }

    @GetMapping("/warning/borrowers")
    @PreAuthorize("hasRole('INSTITUTION')")
    String borrowers(Caller caller, Model model, @RequestParam(required = false) Integer page) {
        model.addAttribute("result", signals.borrowers(caller, PageRequest.of(page == null ? 0 : Math.max(0, page), 20)));
        return "warning/borrowers";
    }

    @GetMapping("/warning/involution")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('REGULATOR') or hasRole('ADMIN')")
    String involution(Caller caller, Model model) {
        model.addAttribute("f", involution.figures(caller));
        model.addAttribute("costs", involution.costSettings(caller));
        return "warning/involution";
    }
}
