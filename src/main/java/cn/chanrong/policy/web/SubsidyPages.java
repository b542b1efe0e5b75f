package cn.chanrong.policy.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.Institutions;
import cn.chanrong.lending.Loans;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.policy.Programmes;
import cn.chanrong.policy.Subsidies;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Interest subsidies in the workbench: the bank enrols a loan chosen from its book by number and borrower, follows each
 * subsidy's accruals and settlements, and its approver claims a finished quarter; the finance department records its
 * prepayments to a bank chosen by name and settles or refuses claims. Amounts with thousands separators.
 */
@Controller
class SubsidyPages {

    private final Subsidies subsidies;
    private final Programmes programmes;
    private final Loans loans;
    private final Institutions institutions;
    private final ApiErrors errors;
    private final BusinessDate businessDate;

    SubsidyPages(Subsidies subsidies, Programmes programmes, Loans loans, Institutions institutions, ApiErrors errors,
                 BusinessDate businessDate) {
        this.subsidies = subsidies;
        this.programmes = programmes;
        this.loans = loans;
        this.institutions = institutions;
        this.errors = errors;
        this.businessDate = businessDate;
    }

    private List<Programmes.Programme> subsidyProgrammes(Caller caller) {
        return programmes.list(caller, null, null, PageRequest.of(0, 100)).items().stream()
                .filter(p -> p.kind().name().endsWith("_SUBSIDY")).toList();
    }

    private static boolean finance(Caller caller) {
        return caller.isAdmin() || caller.is(Role.REGULATOR) && "MOF".equals(caller.department());
    }

    /** The finished quarters a claim may name, latest first. */
    private List<String> quarters() {
        LocalDate today = businessDate.today();
        LocalDate q = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            LocalDate first = q.minusMonths(3L * i);
            out.add(first.getYear() + "Q" + ((first.getMonthValue() - 1) / 3 + 1));
        }
        return out;
    }

    @GetMapping("/policy/subsidies")
    @PreAuthorize("isAuthenticated()")
    String list(Caller caller, Model model, @RequestParam(required = false) String programme,
                @RequestParam(required = false) String status, @RequestParam(required = false) Integer page) {
        String st = status == null || status.isBlank() ? null : status;
        model.addAttribute("result", subsidies.list(caller, null, programme, st,
                PageRequest.of(page == null ? 0 : Math.max(0, page), 20)));
        model.addAttribute("programmes", subsidyProgrammes(caller));
        model.addAttribute("programme", programme);
        model.addAttribute("status", st);
        boolean enrols = caller.is(Role.INSTITUTION) && (caller.hasAuthority("operator") || caller.hasAuthority("approver"));
        model.addAttribute("enrols", enrols);
        if (enrols) {
            model.addAttribute("loans", loans.search(caller, new Loans.Filter("ACTIVE", null, null, null),
                    PageRequest.of(0, 200)).items());
        }
        return "policy/subsidies";
    }

    @PostMapping("/policy/subsidies")
    @PreAuthorize("hasRole('INSTITUTION')")
    String enrol(Caller caller, Locale locale, @RequestParam(required = false) String programme,
                 @RequestParam(required = false) String loan, RedirectAttributes flash) {
        try {
            var s = subsidies.enrol(caller, new Subsidies.Enrol(programme, loan), locale);
            flash.addFlashAttribute("saved", true);
            return "redirect:/policy/subsidies/" + s.id();
        } catch (Rejected r) {
            flash.addFlashAttribute("problems", errors.messages(r, locale));
            flash.addFlashAttribute("typed", Map.of("programme", programme == null ? "" : programme, "loan", loan == null ? "" : loan));
            return "redirect:/policy/subsidies";
        }
    }

    @GetMapping("/policy/subsidies/{id}")
    @PreAuthorize("isAuthenticated()")
    String one(Caller caller, @PathVariable long id, Model model) {
        model.addAttribute("d", subsidies.get(caller, id));
        return "policy/subsidy";
    }

    @GetMapping("/policy/subsidy-claims")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('REGULATOR') or hasRole('ADMIN')")
    String claims(Caller caller, Model model, @RequestParam(required = false) Integer page) {
        model.addAttribute("result", subsidies.claims(caller, null, null, PageRequest.of(page == null ? 0 : Math.max(0, page), 20)));
        model.addAttribute("prepayments", subsidies.prepayments(caller, null, PageRequest.of(0, 20)));
        model.addAttribute("programmes", subsidyProgrammes(caller));
        model.addAttribute("quarters", quarters());
        model.addAttribute("claims", caller.is(Role.INSTITUTION) && caller.hasAuthority("approver"));
        boolean finance = finance(caller);
        model.addAttribute("prepays", finance);
        if (finance) {
            model.addAttribute("banks", institutions.list().stream().filter(i -> i.type().name().endsWith("BANK")).toList());
            LocalDate today = businessDate.today();
            List<String> ahead = new ArrayList<>(List.of(today.getYear() + "Q" + ((today.getMonthValue() - 1) / 3 + 1)));
            ahead.addAll(quarters());
            model.addAttribute("prepayQuarters", ahead);
        }
        return "policy/subsidy-claims";
    }

    @PostMapping("/policy/subsidy-claims")
    @PreAuthorize("hasRole('INSTITUTION')")
    String claim(Caller caller, Locale locale, @RequestParam(required = false) String programme,
                 @RequestParam(required = false) String quarter, RedirectAttributes flash) {
        try {
            var c = subsidies.claim(caller, new Subsidies.ClaimRequest(programme, quarter));
            flash.addFlashAttribute("saved", true);
            return "redirect:/policy/subsidy-claims/" + c.id();
        } catch (Rejected r) {
            flash.addFlashAttribute("problems", errors.messages(r, locale));
            return "redirect:/policy/subsidy-claims";
        }
    }

    @PostMapping("/policy/subsidy-prepayments")
    @PreAuthorize("hasRole('REGULATOR') or hasRole('ADMIN')")
    String prepay(Caller caller, Locale locale, @RequestParam(required = false) String programme,
                  @RequestParam(required = false) String institution, @RequestParam(required = false) String quarter,
                  @RequestParam(required = false) String amount, RedirectAttributes flash) {
        try {
            subsidies.prepay(caller, new Subsidies.PrepaymentRequest(programme, institution, quarter,
                    JsonBodies.money(amount, "amount")));
            flash.addFlashAttribute("saved", true);
        } catch (Rejected r) {
            flash.addFlashAttribute("problems", errors.messages(r, locale));
            flash.addFlashAttribute("typedAmount", amount);
        }
        return "redirect:/policy/subsidy-claims";
    }

    @GetMapping("/policy/subsidy-claims/{id}")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('REGULATOR') or hasRole('ADMIN')")
    String claimPage(Caller caller, @PathVariable long id, Model model) {
        var c = subsidies.claimById(caller, id);
        model.addAttribute("c", c);
        model.addAttribute("decides", c.status() == cn.chanrong.policy.domain.ClaimStatus.SUBMITTED && finance(caller));
        return "policy/subsidy-claim";
    }

    @PostMapping("/policy/subsidy-claims/{id}/settle")
    @PreAuthorize("hasRole('REGULATOR') or hasRole('ADMIN')")
    String settle(Caller caller, Locale locale, @PathVariable long id, RedirectAttributes flash) {
        return decided(id, locale, flash, () -> subsidies.settle(caller, id));
    }

    @PostMapping("/policy/subsidy-claims/{id}/reject")
    @PreAuthorize("hasRole('REGULATOR') or hasRole('ADMIN')")
    String reject(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) String reason,
                  RedirectAttributes flash) {
        return decided(id, locale, flash, () -> subsidies.reject(caller, id, reason));
    }

    private String decided(long id, Locale locale, RedirectAttributes flash, Runnable r) {
        try {
            r.run();
            flash.addFlashAttribute("saved", true);
        } catch (Rejected x) {
            if (x.kind() == Rejected.Kind.NOT_FOUND) {
                throw x;
            }
            flash.addFlashAttribute("problems", errors.messages(x, locale));
        }
        return "redirect:/policy/subsidy-claims/" + id;
    }
}
