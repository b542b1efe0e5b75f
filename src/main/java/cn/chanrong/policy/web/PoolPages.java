package cn.chanrong.policy.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.lending.Loans;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.policy.Pools;
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
 * Risk-compensation pools in the workbench: every pool with its money, the claims in scope; a bank's approver claims on
 * a loan past due chosen from its book, the finance department funds a pool and approves or refuses each claim.
 */
@Controller
class PoolPages {

    private final Pools pools;
    private final Loans loans;
    private final ApiErrors errors;

    PoolPages(Pools pools, Loans loans, ApiErrors errors) {
        this.pools = pools;
        this.loans = loans;
        this.errors = errors;
    }

    private static boolean finance(Caller caller) {
        return caller.isAdmin() || caller.is(Role.REGULATOR) && "MOF".equals(caller.department());
    }

    @GetMapping("/policy/pools")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('REGULATOR') or hasRole('ADMIN')")
    String list(Caller caller, Model model, @RequestParam(required = false) Integer page) {
        model.addAttribute("pools", pools.pools(caller));
        model.addAttribute("result", pools.claims(caller, null, null, PageRequest.of(page == null ? 0 : Math.max(0, page), 20)));
        boolean claims = caller.is(Role.INSTITUTION) && caller.hasAuthority("approver");
        model.addAttribute("claims", claims);
        if (claims) {
            model.addAttribute("loans", loans.search(caller, new Loans.Filter(null, null, null, null), PageRequest.of(0, 200))
                    .items().stream().filter(l -> l.daysPastDue() > 0 || l.status() == cn.chanrong.lending.domain.LoanStatus.WRITTEN_OFF).toList());
        }
        model.addAttribute("finance", finance(caller));
        return "policy/pools";
    }

    @PostMapping("/policy/pool-claims")
    @PreAuthorize("hasRole('INSTITUTION')")
    String claim(Caller caller, Locale locale, @RequestParam(required = false) String pool,
                 @RequestParam(required = false) String loan, RedirectAttributes flash) {
        return act(locale, flash, () -> pools.claim(caller, pool, loan));
    }

    @PostMapping("/policy/pools/{code}/fundings")
    @PreAuthorize("hasRole('REGULATOR') or hasRole('ADMIN')")
    String fund(Caller caller, Locale locale, @PathVariable String code, @RequestParam(required = false) String amount,
                @RequestParam(required = false) String note, RedirectAttributes flash) {
        return act(locale, flash, () -> pools.fund(caller, code, JsonBodies.money(amount, "amount"), note));
    }

    @PostMapping("/policy/pool-claims/{id}/approve")
    @PreAuthorize("hasRole('REGULATOR') or hasRole('ADMIN')")
    String approve(Caller caller, Locale locale, @PathVariable long id, RedirectAttributes flash) {
        return act(locale, flash, () -> pools.approve(caller, id));
    }

    @PostMapping("/policy/pool-claims/{id}/reject")
    @PreAuthorize("hasRole('REGULATOR') or hasRole('ADMIN')")
    String reject(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) String reason,
                  RedirectAttributes flash) {
        return act(locale, flash, () -> pools.reject(caller, id, reason));
    }

    private String act(Locale locale, RedirectAttributes flash, Runnable r) {
        try {
            r.run();
            flash.addFlashAttribute("saved", true);
        } catch (Rejected x) {
            if (x.kind() == Rejected.Kind.NOT_FOUND) {
                throw x;
            }
            flash.addFlashAttribute("problems", errors.messages(x, locale));
        }
        return "redirect:/policy/pools";
    }
}
