package cn.chanrong.matching.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.domain.ProductType;
import cn.chanrong.matching.Needs;
import cn.chanrong.matching.ProjectLists;
import cn.chanrong.matching.Roadshows;
import cn.chanrong.matching.domain.DockingStep;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Upload;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
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
 * Matchmaking in the workbench: an enterprise publishes needs and reads its ranked matches; an
 * institution sees the needs its products match (商机), its pushed projects and overdue contacts, and
 * records docking steps; a regulator imports lists and follows them; everyone sees roadshows.
 */
@Controller
class MatchingPages {

    private final Needs needs;
    private final ProjectLists lists;
    private final Roadshows roadshows;
    private final ApiErrors errors;

    MatchingPages(Needs needs, ProjectLists lists, Roadshows roadshows, ApiErrors errors) {
        this.needs = needs;
        this.lists = lists;
        this.roadshows = roadshows;
        this.errors = errors;
    }

    @GetMapping("/needs")
    @PreAuthorize("isAuthenticated()")
    String needs(Caller caller, @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                 Model model) {
        PageRequest p = PageRequest.of(page, 20);
        model.addAttribute("page", needs.search(caller, new Needs.Filter(status, null), p));
        model.addAttribute("status", status);
        model.addAttribute("mayPublish", caller.is(Role.ENTERPRISE));
        model.addAttribute("institution", caller.is(Role.INSTITUTION));
        model.addAttribute("productTypes", ProductType.values());
        model.addAttribute("purposes", cn.chanrong.credit.decision.Terms.Purpose.values());
        return "matching/needs";
    }

    @PostMapping("/needs")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String publish(Caller caller, Locale locale, @RequestParam String amount, @RequestParam Integer termMonths,
                   @RequestParam String purpose, @RequestParam(required = false) List<String> productTypes,
                   @RequestParam(defaultValue = "NONE") String collateral, @RequestParam(defaultValue = "NORMAL") String urgency,
                   @RequestParam(defaultValue = "false") boolean useCreditData, RedirectAttributes flash) {
        try {
            Needs.Need n = needs.publish(caller, new Needs.Request(Amounts.read(amount, "amount", 2), termMonths, purpose, productTypes, collateral,
                    urgency, "ALL", List.of(), useCreditData));
            flash.addFlashAttribute("saved", true);
            return "redirect:/needs/" + n.id();
        } catch (Rejected e) {
            flash.addFlashAttribute("problems", e.rejections().stream().map(x -> errors.message(x, locale)).toList());
            return "redirect:/needs";
        }
    }

    @GetMapping("/needs/{id}")
    @PreAuthorize("isAuthenticated()")
    String need(Caller caller, Locale locale, @PathVariable long id, Model model) {
        Needs.Need n = needs.get(caller, id);
        model.addAttribute("need", n);
        model.addAttribute("matches", caller.is(Role.INSTITUTION) ? null : needs.matches(caller, id, locale));
        model.addAttribute("interests", needs.interests(caller, id));
        model.addAttribute("institution", caller.is(Role.INSTITUTION));
        model.addAttribute("owner", caller.is(Role.ENTERPRISE) && Long.valueOf(n.enterpriseId()).equals(caller.enterpriseId()));
        return "matching/need";
    }

    @PostMapping("/needs/{id}/interest")
    @PreAuthorize("hasRole('INSTITUTION')")
    String interest(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) Long productId,
                    @RequestParam(required = false) String note, RedirectAttributes flash) {
        return act(locale, flash, "/needs/" + id, () -> needs.expressInterest(caller, id, productId, note));
    }

    @PostMapping("/needs/{id}/withdraw")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String withdrawNeed(Caller caller, Locale locale, @PathVariable long id, RedirectAttributes flash) {
        return act(locale, flash, "/needs/" + id, () -> needs.withdraw(caller, id));
    }

    // ---- project lists

    @GetMapping("/project-lists")
    @PreAuthorize("hasAnyRole('REGULATOR', 'INSTITUTION', 'ADMIN')")
    String lists(Caller caller, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", lists.lists(caller, PageRequest.of(page, 20)));
        model.addAttribute("overdue", lists.overdue(caller));
        model.addAttribute("mayImport", caller.is(Role.REGULATOR)
                && List.of("MIIT", "NDRC").contains(caller.department()));
        return "matching/lists";
    }

    @PostMapping("/project-lists")
    @PreAuthorize("hasRole('REGULATOR')")
    String importList(Caller caller, Locale locale, @RequestParam("file") MultipartFile file,
                      @RequestParam(required = false) Integer contactDays, RedirectAttributes flash) throws IOException {
        try (Upload upload = Upload.spool(file.getInputStream())) {
            ProjectLists.Imported r = lists.importList(caller, upload, null, contactDays);
            if (r.report().accepted()) {
                flash.addFlashAttribute("saved", true);
                return "redirect:/project-lists/" + r.list().id();
            }
            flash.addFlashAttribute("problems", r.report().errors().stream()
                    .map(x -> (x.line() > 0 ? "#" + x.line() + " " : "") + errors.message(x.rejection(), locale)).toList());
        } catch (Rejected e) {
            flash.addFlashAttribute("problems", e.rejections().stream().map(x -> errors.message(x, locale)).toList());
        }
        return "redirect:/project-lists";
    }

    @GetMapping("/project-lists/{id}")
    @PreAuthorize("hasAnyRole('REGULATOR', 'INSTITUTION', 'ADMIN')")
    String list(Caller caller, @PathVariable long id, @RequestParam(required = false) String status,
                @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("list", lists.list(caller, id));
        model.addAttribute("items", lists.items(caller, id, status, PageRequest.of(page, 50)));
        model.addAttribute("status", status);
        model.addAttribute("steps", DockingStep.values());
        model.addAttribute("reasons", DockingStep.DeclineReason.values());
        model.addAttribute("institution", caller.is(Role.INSTITUTION));
        model.addAttribute("issuer", caller.is(Role.REGULATOR));
        return "matching/list";
    }

    @PostMapping("/project-items/{id}/steps")
    @PreAuthorize("hasRole('INSTITUTION')")
    String step(Caller caller, Locale locale, @PathVariable long id, @RequestParam long listId, @RequestParam String status,
                @RequestParam(required = false) LocalDate onDate, @RequestParam(required = false) String amount,
                @RequestParam(required = false) Long loanId, @RequestParam(required = false) String reason,
                @RequestParam(required = false) String note, RedirectAttributes flash) {
        return act(locale, flash, "/project-lists/" + listId, () -> lists.advance(caller, id,
                new ProjectLists.StepRequest(status, onDate, Amounts.read(amount, "amount", 2), loanId, blank(reason), blank(note))));
    }

    @PostMapping("/project-items/{id}/withdraw")
    @PreAuthorize("hasRole('REGULATOR')")
    String withdrawItem(Caller caller, Locale locale, @PathVariable long id, @RequestParam long listId,
                        @RequestParam(required = false) String note, RedirectAttributes flash) {
        return act(locale, flash, "/project-lists/" + listId, () -> lists.withdraw(caller, id, blank(note)));
    }

    // ---- roadshows

    @GetMapping("/roadshows")
    @PreAuthorize("isAuthenticated()")
    String roadshows(Caller caller, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", roadshows.search(caller, null, PageRequest.of(page, 20)));
        model.addAttribute("mayCreate", caller.is(Role.REGULATOR));
        model.addAttribute("chains", cn.chanrong.enterprise.domain.ChainTag.values());
        return "matching/roadshows";
    }

    @PostMapping("/roadshows")
    @PreAuthorize("hasRole('REGULATOR')")
    String createRoadshow(Caller caller, Locale locale, @RequestParam String chain, @RequestParam String month,
                          @RequestParam String title, RedirectAttributes flash) {
        return act(locale, flash, "/roadshows", () -> roadshows.create(caller, new Roadshows.Request(chain, month, title, null)));
    }

    @GetMapping("/roadshows/{id}")
    @PreAuthorize("isAuthenticated()")
    String roadshow(Caller caller, @PathVariable long id, Model model) {
        model.addAttribute("r", roadshows.get(caller, id));
        model.addAttribute("enterprise", caller.is(Role.ENTERPRISE));
        model.addAttribute("institution", caller.is(Role.INSTITUTION));
        model.addAttribute("regulator", caller.is(Role.REGULATOR));
        return "matching/roadshow";
    }

    @PostMapping("/roadshows/{id}/applications")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String apply(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) String pitch,
                 @RequestParam(required = false) String seeking, RedirectAttributes flash) {
        return act(locale, flash, "/roadshows/" + id, () -> roadshows.apply(caller, id, blank(pitch), Amounts.read(seeking, "seeking", 2)));
    }

    @PostMapping("/roadshows/{id}/interests")
    @PreAuthorize("hasRole('INSTITUTION')")
    String roadshowInterest(Caller caller, Locale locale, @PathVariable long id, @RequestParam long enterpriseId,
                            @RequestParam String amount, @RequestParam(defaultValue = "intended") String kind,
                            RedirectAttributes flash) {
        return act(locale, flash, "/roadshows/" + id, () -> kind.equals("signed")
                ? roadshows.recordSigned(caller, id, enterpriseId, Amounts.read(amount, "signedAmount", 2))
                : roadshows.registerInterest(caller, id, enterpriseId, Amounts.read(amount, "intendedAmount", 2)));
    }

    @PostMapping("/roadshows/{id}/summary")
    @PreAuthorize("hasRole('REGULATOR')")
    String summary(Caller caller, Locale locale, @PathVariable long id, @RequestParam String summary, RedirectAttributes flash) {
        return act(locale, flash, "/roadshows/" + id, () -> roadshows.summarise(caller, id, summary));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private String act(Locale locale, RedirectAttributes flash, String back, Supplier<Object> effect) {
        try {
            effect.get();
            flash.addFlashAttribute("saved", true);
        } catch (Rejected e) {
            flash.addFlashAttribute("problems", e.rejections().stream().map(x -> errors.message(x, locale)).toList());
        }
        return "redirect:" + back;
    }
}
