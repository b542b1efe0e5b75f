package cn.chanrong.registry.web;

import cn.chanrong.audit.RejectedRequestRecorder;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.registry.CollateralRegistry;
import cn.chanrong.registry.domain.CollateralType;
import cn.chanrong.shared.CreditCode;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.util.Arrays;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry in the workbench: search by grantor for everyone, filing and cancellation tasks for
 * institution operators, objections for enterprises. Forms post, then redirect back to the search.
 */
@Controller
class RegistryPages {

    private final CollateralRegistry registry;
    private final ApiErrors errors;
    private final RejectedRequestRecorder rejectedAudit;
    private final cn.chanrong.enterprise.Enterprises enterprises;

    RegistryPages(CollateralRegistry registry, ApiErrors errors, RejectedRequestRecorder rejectedAudit,
                  cn.chanrong.enterprise.Enterprises enterprises) {
        this.enterprises = enterprises;
        this.registry = registry;
        this.errors = errors;
        this.rejectedAudit = rejectedAudit;
    }

    @GetMapping("/registry")
    @PreAuthorize("isAuthenticated()")
    String search(Caller caller, Locale locale, @RequestParam(required = false) String grantor, Model model) {
        String g = grantor == null ? "" : grantor.strip();
        if (g.isEmpty() && caller.is(Role.ENTERPRISE)) {
            // an enterprise sees the filings against itself first
            g = enterprises.get(caller, caller.enterpriseId()).creditCode();
        }
        model.addAttribute("grantor", g);
        if (!g.isEmpty()) {
            var problem = CreditCode.check(g, "grantor");
            if (problem.isPresent()) {
                model.addAttribute("problems", List.of(errors.message(problem.get(), locale)));
            } else {
                model.addAttribute("filings", registry.byGrantor(g));
            }
        }
        boolean operator = caller.is(Role.INSTITUTION) && caller.hasAuthority("operator");
        model.addAttribute("mayFile", operator);
        model.addAttribute("mayObject", caller.is(Role.ENTERPRISE));
        model.addAttribute("types", CollateralType.values());
        if (caller.is(Role.INSTITUTION)) {
            model.addAttribute("tasks", registry.openCancellationTasks(caller.institutionId(), false));
            model.addAttribute("mine", caller.institutionId());
        } else if (caller.is(Role.REGULATOR) || caller.isAdmin()) {
            model.addAttribute("tasks", registry.openCancellationTasks(null, true));
            model.addAttribute("activeByType", registry.activeByType());
            model.addAttribute("blocked", registry.blockedAttempts(java.time.LocalDate.of(2000, 1, 1)));
        }
        return "registry/search";
    }

    private String act(Caller caller, Locale locale, RedirectAttributes flash, String action, String grantor,
                       Supplier<Object> effect) {
        try {
            effect.get();
            flash.addFlashAttribute("saved", true);
        } catch (Rejected r) {
            rejectedAudit.recordRejected(caller.username(), action, "filing", grantor,
                    r.kind() + " " + r.rejections().stream().map(Rejection::code).toList());
            flash.addFlashAttribute("problems", r.rejections().stream().map(x -> errors.message(x, locale)).toList());
        }
        return "redirect:/registry?grantor=" + (grantor == null ? "" : grantor.strip());
    }

    private static List<String> split(String raw) {
        return raw == null || raw.isBlank() ? List.of()
                : Arrays.stream(raw.split("[,，;；\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    @PostMapping("/registry/filings")
    @PreAuthorize("hasRole('INSTITUTION')")
    String file(Caller caller, Locale locale, @RequestParam(required = false) String grantor,
                @RequestParam(required = false) String collateralType, @RequestParam(required = false) String description,
                @RequestParam(required = false) String identifiers, @RequestParam(required = false) String blanketScope,
                @RequestParam(required = false) Integer termMonths,
                @RequestParam(required = false) java.time.LocalDate deliveredOn,
                @RequestParam(defaultValue = "false") boolean purchaseMoney, RedirectAttributes flash) {
        return act(caller, locale, flash, "registry.file", grantor, () -> {
            if (!caller.hasAuthority("operator")) {
                throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("registry.operator-only", null));
            }
            var filed = registry.file(caller.institutionId(), new CollateralRegistry.Request(grantor, collateralType,
                    description, split(identifiers), blanketScope, termMonths, deliveredOn, purchaseMoney), caller.username());
            var ranking = registry.rankOf(filed.number());
            flash.addFlashAttribute("ranking", errors.message(ranking.position() == 1
                    ? Rejection.of("registry.ranks-first", null, filed.number())
                    : Rejection.of("registry.ranks-behind", null, filed.number(), ranking.position(),
                    String.join("、", ranking.ahead().stream().map(c -> c.number()).toList())), locale));
            return filed;
        });
    }

    @PostMapping("/registry/filings/{number}/cancel")
    @PreAuthorize("hasRole('INSTITUTION')")
    String cancel(Caller caller, Locale locale, @PathVariable String number, @RequestParam(required = false) String grantor,
                  @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return act(caller, locale, flash, "registry.cancel", grantor,
                () -> registry.cancel(caller.institutionId(), number, reason, caller.username()));
    }

    @PostMapping("/registry/filings/{number}/extend")
    @PreAuthorize("hasRole('INSTITUTION')")
    String extend(Caller caller, Locale locale, @PathVariable String number, @RequestParam(required = false) String grantor,
                  @RequestParam(required = false) Integer termMonths, RedirectAttributes flash) {
        return act(caller, locale, flash, "registry.extend", grantor,
                () -> registry.extend(caller.institutionId(), number, termMonths, caller.username()));
    }

    @PostMapping("/registry/filings/{number}/amend")
    @PreAuthorize("hasRole('INSTITUTION')")
    String amend(Caller caller, Locale locale, @PathVariable String number, @RequestParam(required = false) String grantor,
                 @RequestParam(required = false) String description, @RequestParam(required = false) String addIdentifiers,
                 @RequestParam(required = false) String removeIdentifiers, RedirectAttributes flash) {
        return act(caller, locale, flash, "registry.amend", grantor, () -> registry.amend(caller.institutionId(), number,
                new CollateralRegistry.Amendment(description, split(addIdentifiers), split(removeIdentifiers)),
                caller.username()));
    }

    /** Verification of a certificate by its number and hash, for anyone holding one. */
    @PostMapping("/registry/verify")
    @PreAuthorize("isAuthenticated()")
    String verify(Locale locale, @RequestParam(required = false) String number, @RequestParam(required = false) String hash,
                  RedirectAttributes flash) {
        var filing = number == null ? java.util.Optional.<cn.chanrong.registry.Filing>empty()
                : registry.byNumber(number.strip());
        boolean valid = filing.isPresent() && hash != null && hash.strip().equalsIgnoreCase(registry.certificateHash(filing.get()));
        flash.addFlashAttribute("verified", valid);
        flash.addFlashAttribute("verifiedNumber", number);
        return "redirect:/registry" + filing.map(f -> "?grantor=" + f.grantor()).orElse("");
    }

    @PostMapping("/registry/filings/{number}/object")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String object(Caller caller, Locale locale, @PathVariable String number, @RequestParam(required = false) String grantor,
                  @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return act(caller, locale, flash, "registry.object", grantor,
                () -> registry.object(caller.username(), caller.enterpriseId(), number, reason));
    }
}
