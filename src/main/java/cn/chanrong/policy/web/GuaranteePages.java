package cn.chanrong.policy.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.InstitutionType;
import cn.chanrong.institution.Institutions;
import cn.chanrong.lending.Loans;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.policy.Guarantees;
import cn.chanrong.policy.Programmes;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Government guarantees in the workbench: the bank registers one on a loan chosen from its book with the agency and
 * the scheme chosen by name; a guarantee's page shows the chain, the claims and the recoveries, and offers the next
 * claim to the party whose turn it is and the payment to the payer of an open claim.
 */
@Controller
class GuaranteePages {

    private final Guarantees guarantees;
    private final Programmes programmes;
    private final Loans loans;
    private final Institutions institutions;
    private final ApiErrors errors;

    GuaranteePages(Guarantees guarantees, Programmes programmes, Loans loans, Institutions institutions, ApiErrors errors) {
        this.guarantees = guarantees;
        this.programmes = programmes;
        this.loans = loans;
        this.institutions = institutions;
        this.errors = errors;
    }

    @GetMapping("/policy/guarantees")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('REGULATOR') or hasRole('ADMIN')")
    String list(Caller caller, Model model, @RequestParam(required = false) String status,
                @RequestParam(required = false) Integer page) {
        String st = status == null || status.isBlank() ? null : status;
        model.addAttribute("result", guarantees.list(caller, null, st, PageRequest.of(page == null ? 0 : Math.max(0, page), 20)));
        model.addAttribute("status", st);
        boolean registers = caller.is(Role.INSTITUTION) && (caller.hasAuthority("operator") || caller.hasAuthority("approver"))
                && institutions.list().stream().anyMatch(i -> i.id() == caller.institutionId() && i.type().name().endsWith("BANK"));
        model.addAttribute("registers", registers);
        if (registers) {
            model.addAttribute("schemes", programmes.list(caller, "GUARANTEE_SCHEME", null, PageRequest.of(0, 100)).items());
            model.addAttribute("agencies", institutions.list().stream()
                    .filter(i -> i.type() == InstitutionType.GOVERNMENT_GUARANTEE_AGENCY).toList());
            model.addAttribute("loans", loans.search(caller, new Loans.Filter("ACTIVE", null, null, null),
                    PageRequest.of(0, 200)).items());
        }
        return "policy/guarantees";
    }

    @PostMapping("/policy/guarantees")
    @PreAuthorize("hasRole('INSTITUTION')")
    String register(Caller caller, Locale locale, @RequestParam(required = false) String programme,
                    @RequestParam(required = false) String loan, @RequestParam(required = false) String agency,
                    RedirectAttributes flash) {
        try {
            var g = guarantees.register(caller, new Guarantees.Register(programme, loan, agency));
            flash.addFlashAttribute("saved", true);
            return "redirect:/policy/guarantees/" + g.id();
        } catch (Rejected r) {
            flash.addFlashAttribute("problems", errors.messages(r, locale));
            return "redirect:/policy/guarantees";
        }
    }

    @GetMapping("/policy/guarantees/{id}")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('REGULATOR') or hasRole('ADMIN')")
    String one(Caller caller, @PathVariable long id, Model model) {
        var g = guarantees.get(caller, id);
        model.addAttribute("g", g);
        boolean approver = caller.is(Role.INSTITUTION) && caller.hasAuthority("approver");
        int next = g.claims().size() + 1;
        boolean previousPaid = g.claims().isEmpty() || g.claims().getLast().status().paidOut();
        long turn = switch (next) {
            case 1 -> g.bank().institutionId();
            case 2 -> g.agency().institutionId();
            case 3 -> g.reguarantor().institutionId();
            default -> -1;
        };
        model.addAttribute("mayClaim", approver && previousPaid && caller.institutionId() == turn);
        model.addAttribute("payable", !approver ? null : g.claims().stream()
                .filter(c -> c.status() == cn.chanrong.policy.domain.ClaimStatus.CLAIMED && c.payer().institutionId() == caller.institutionId())
                .findFirst().orElse(null));
        return "policy/guarantee";
    }

    @PostMapping("/policy/guarantees/{id}/claims")
    @PreAuthorize("hasRole('INSTITUTION')")
    String claim(Caller caller, Locale locale, @PathVariable long id, RedirectAttributes flash) {
        try {
            guarantees.claim(caller, id);
            flash.addFlashAttribute("saved", true);
        } catch (Rejected r) {
            if (r.kind() == Rejected.Kind.NOT_FOUND) {
                throw r;
            }
            flash.addFlashAttribute("problems", errors.messages(r, locale));
        }
        return "redirect:/policy/guarantees/" + id;
    }

    @PostMapping("/policy/guarantee-claims/{claim}/pay")
    @PreAuthorize("hasRole('INSTITUTION')")
    String pay(Caller caller, Locale locale, @PathVariable long claim, @RequestParam long guarantee, RedirectAttributes flash) {
        try {
            guarantees.pay(caller, claim);
            flash.addFlashAttribute("saved", true);
        } catch (Rejected r) {
            if (r.kind() == Rejected.Kind.NOT_FOUND) {
                throw r;
            }
            flash.addFlashAttribute("problems", errors.messages(r, locale));
        }
        return "redirect:/policy/guarantees/" + guarantee;
    }
}
