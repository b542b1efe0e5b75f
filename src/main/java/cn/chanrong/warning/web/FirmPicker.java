package cn.chanrong.warning.web;

import cn.chanrong.enterprise.EnterpriseFilter;
import cn.chanrong.enterprise.Enterprises;
import cn.chanrong.identity.Caller;
import cn.chanrong.shared.CreditCode;
import cn.chanrong.shared.PageRequest;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Choosing an enterprise by name in the warning pages' forms: suggestions as the user types (registered firms in the
 * caller's scope whose name contains the text, each offering its credit code), and the field read back — a credit
 * code as picked or typed, or a name exactly one firm in scope bears.
 */
@Controller
class FirmPicker {

    private final Enterprises enterprises;

    FirmPicker(Enterprises enterprises) {
        this.enterprises = enterprises;
    }

    /** Datalist options for the text typed in the field named {@code name} (the form's own field, sent by htmx). */
    @GetMapping("/warning/firms")
    @PreAuthorize("isAuthenticated()")
    String suggestions(Caller caller, @RequestParam java.util.Map<String, String> params, Model model) {
        String text = params.values().stream().filter(v -> v != null && !v.isBlank()).findFirst().orElse("").strip();
        model.addAttribute("firms", text.length() < 2 ? List.of() : enterprises.search(caller,
                new EnterpriseFilter(null, text, caller.regionPrefix() == null ? null : caller.regionCode(), null),
                PageRequest.of(0, 12)).items());
        return "warning/firms :: firms";
    }

    /** The credit code the field stands for; what was typed when it names no single firm (the service then says why). */
    String resolve(Caller caller, String typed) {
        String t = typed == null || typed.isBlank() ? null : typed.strip();
        if (t == null || CreditCode.check(t, "enterprise").isEmpty()) {
            return t;
        }
        var named = enterprises.search(caller, new EnterpriseFilter(null, t, null, null), PageRequest.of(0, 2)).items()
                .stream().filter(e -> e.name().equals(t)).toList();
        return named.size() == 1 ? named.get(0).creditCode() : t;
    }
}
