package cn.chanrong.policy.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.policy.Ledgers;
import cn.chanrong.policy.Programmes;
import cn.chanrong.policy.domain.LedgerStatus;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * Ledgers in the workbench: the bank compiles one for a programme chosen by name and a period, reads each loan's
 * verdict, and its approver confirms; the central bank approves. Amounts with thousands separators, reasons in words.
 */
@Controller
class LedgerPages {

    private final Ledgers ledgers;
    private final Programmes programmes;
    private final ApiErrors errors;
    private final BusinessDate businessDate;

    LedgerPages(Ledgers ledgers, Programmes programmes, ApiErrors errors, BusinessDate businessDate) {
        this.ledgers = ledgers;
        this.programmes = programmes;
        this.errors = errors;
        this.businessDate = businessDate;
    }

    @GetMapping("/policy/ledgers")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('REGULATOR') or hasRole('ADMIN')")
    String list(Caller caller, Model model, @RequestParam(required = false) Integer page) {
        model.addAttribute("result", ledgers.list(caller, null, null, PageRequest.of(page == null ? 0 : Math.max(0, page), 20)));
        boolean compiles = caller.is(Role.INSTITUTION) && (caller.hasAuthority("operator") || caller.hasAuthority("approver"));
        model.addAttribute("compiles", compiles);
        if (compiles) {
            model.addAttribute("relending", programmes.list(caller, null, null, PageRequest.of(0, 100)).items().stream()
                    .filter(p -> p.kind().name().endsWith("RELENDING") || p.kind().name().equals("CARBON_TOOL")).toList());
            LocalDate today = businessDate.today();
            model.addAttribute("from", today.withDayOfMonth(1).minusMonths(today.getMonthValue() % 3 == 0 ? 2
                    : today.getMonthValue() % 3 - 1));
            model.addAttribute("to", today);
        }
        return "policy/ledgers";
    }

    @PostMapping("/policy/ledgers")
    @PreAuthorize("hasRole('INSTITUTION')")
    String compile(Caller caller, Locale locale, @RequestParam(required = false) String programme,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   RedirectAttributes flash) {
        try {
            List<Rejection> problems = new ArrayList<>();
            LocalDate a = cn.chanrong.shared.Dates.required(from, "from", problems);
            LocalDate b = cn.chanrong.shared.Dates.required(to, "to", problems);
            if (!problems.isEmpty()) {
                throw Rejected.invalid(problems);
            }
            var l = ledgers.compile(caller, new Ledgers.Compile(programme, a, b), locale);
            flash.addFlashAttribute("saved", true);
            return "redirect:/policy/ledgers/" + l.id();
        } catch (Rejected r) {
            if (r.kind() == Rejected.Kind.NOT_FOUND) {
                throw r;
            }
            flash.addFlashAttribute("problems", errors.messages(r, locale));
            return "redirect:/policy/ledgers";
        }
    }

    @GetMapping("/policy/ledgers/{id}")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('REGULATOR') or hasRole('ADMIN')")
    String one(Caller caller, @PathVariable long id, Model model, Locale locale) {
        Ledgers.Ledger l = ledgers.get(caller, id, locale);
        model.addAttribute("l", l);
        model.addAttribute("mayConfirm", l.status() == LedgerStatus.COMPILED && caller.is(Role.INSTITUTION)
                && caller.institutionId() == l.institutionId() && caller.hasAuthority("approver"));
        model.addAttribute("mayApprove", l.status() == LedgerStatus.CONFIRMED
                && (caller.isAdmin() || caller.is(Role.REGULATOR) && "PBOC".equals(caller.department())));
        model.addAttribute("mayRepay", l.status() == LedgerStatus.BOOKED && caller.is(Role.INSTITUTION)
                && caller.institutionId() == l.institutionId() && caller.hasAuthority("approver"));
        return "policy/ledger";
    }

    @PostMapping("/policy/ledgers/{id}/confirm")
    @PreAuthorize("hasRole('INSTITUTION')")
    String confirm(Caller caller, Locale locale, @PathVariable long id, RedirectAttributes flash) {
        return act(id, locale, flash, () -> ledgers.confirm(caller, id, locale));
    }

    @PostMapping("/policy/ledgers/{id}/approve")
    @PreAuthorize("hasRole('REGULATOR') or hasRole('ADMIN')")
    String approve(Caller caller, Locale locale, @PathVariable long id, RedirectAttributes flash) {
        return act(id, locale, flash, () -> ledgers.approve(caller, id, locale));
    }

    @PostMapping("/policy/ledgers/{id}/roll-over")
    @PreAuthorize("hasRole('INSTITUTION')")
    String rollOver(Caller caller, Locale locale, @PathVariable long id, RedirectAttributes flash) {
        return act(id, locale, flash, () -> ledgers.rollOver(caller, id, locale));
    }

    @PostMapping("/policy/ledgers/{id}/repay")
    @PreAuthorize("hasRole('INSTITUTION')")
    String repay(Caller caller, Locale locale, @PathVariable long id, RedirectAttributes flash) {
        return act(id, locale, flash, () -> ledgers.repay(caller, id, locale));
    }

    private String act(long id, Locale locale, RedirectAttributes flash, Runnable r) {
        try {
            r.run();
            flash.addFlashAttribute("saved", true);
        } catch (Rejected x) {
            if (x.kind() == Rejected.Kind.NOT_FOUND) {
                throw x;
            }
            flash.addFlashAttribute("problems", errors.messages(x, locale));
        }
        return "redirect:/policy/ledgers/" + id;
    }
}
