package cn.chanrong.lending.web;

import cn.chanrong.enterprise.EnterpriseFilter;
import cn.chanrong.enterprise.Enterprises;
import cn.chanrong.identity.Caller;
import cn.chanrong.shared.CreditCode;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The application form's borrower chosen by name (issue 24 §2): suggestions as the officer types — registered firms
 * whose name contains the text, each offering its credit code — and the field read back: a credit code as picked or
 * typed, or the name exactly one registered firm bears; anything else is refused naming the field.
 */
@Controller
class BorrowerPicker {

    private final Enterprises enterprises;

    BorrowerPicker(Enterprises enterprises) {
        this.enterprises = enterprises;
    }

    @GetMapping("/loan-applications/borrowers")
    @PreAuthorize("hasRole('INSTITUTION')")
    String suggestions(Caller caller, @RequestParam(name = "borrower", required = false) String typed, Model model) {
        String text = typed == null ? "" : typed.strip();
        model.addAttribute("firms", text.length() < 2 ? List.of() : enterprises.search(caller,
                new EnterpriseFilter(null, text, null, null), PageRequest.of(0, 12)).items());
        return "loan/application-form :: borrowers";
    }

    /** The borrower's id for what the field holds. */
    long resolve(Caller caller, String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty()) {
            throw Rejected.invalid(Rejection.of("required", "borrower"));
        }
        EnterpriseFilter filter = CreditCode.check(t, "borrower").isEmpty() ? new EnterpriseFilter(t, null, null, null)
                : new EnterpriseFilter(null, t, null, null);
        var found = enterprises.search(caller, filter, PageRequest.of(0, 2)).items().stream()
                .filter(e -> e.creditCode().equals(t) || e.name().equals(t)).toList();
        if (found.size() != 1) {
            throw Rejected.invalid(Rejection.of(found.isEmpty() ? "application.borrower.unknown" : "application.borrower.ambiguous",
                    "borrower", t));
        }
        return found.get(0).id();
    }
}
