package cn.chanrong.capital.web;

import cn.chanrong.capital.Insurance;
import cn.chanrong.capital.domain.InsuranceScheme;
import cn.chanrong.capital.domain.SubsidyClaimStatus;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Dates;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * The workbench's first-of-a-kind insurance: the catalogue in force; the policies in scope, each with its subsidy claim
 * and failures; the insurer issues a policy choosing the maker by name and the catalogue entry by product, and settles
 * failures; the insured maker claims the subsidy and reports a failure; the industry department confirms claims and the
 * finance department pays them, each refusing with a reason.
 */
@Controller
class InsurancePages {

    private final Insurance insurance;
    private final FirmNames firms;
    private final ApiErrors errors;

    InsurancePages(Insurance insurance, FirmNames firms, ApiErrors errors) {
        this.insurance = insurance;
        this.firms = firms;
        this.errors = errors;
    }

    @GetMapping("/insurance")
    @PreAuthorize("isAuthenticated()")
    String home(Caller caller, Model model, @RequestParam(required = false) Integer page) {
        var policies = insurance.policies(caller, PageRequest.of(page == null ? 0 : Math.max(0, page), 20));
        model.addAttribute("policies", policies);
        Map<Long, List<Insurance.LossClaim>> losses = new LinkedHashMap<>();
        policies.items().forEach(p -> losses.put(p.id(), insurance.losses(caller, p.id())));
        model.addAttribute("losses", losses);
        model.addAttribute("catalogue", insurance.catalogue(null, null));
        model.addAttribute("insurer", insurance.underwrites(caller));
        model.addAttribute("insured", caller.is(Role.ENTERPRISE));
        model.addAttribute("miit", caller.isAdmin() || caller.is(Role.REGULATOR) && "MIIT".equals(caller.department()));
        model.addAttribute("mof", caller.isAdmin() || caller.is(Role.REGULATOR) && "MOF".equals(caller.department()));
        model.addAttribute("claimed", SubsidyClaimStatus.CLAIMED);
        model.addAttribute("confirmed", SubsidyClaimStatus.CONFIRMED);
        model.addAttribute("schemes", InsuranceScheme.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("insuranceScheme", "FIRST_SET"));
        }
        return "insurance/home";
    }

    @PostMapping("/insurance/policies")
    @PreAuthorize("hasRole('INSTITUTION')")
    String issue(Caller caller, Locale locale, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        return act(flash, locale, form, () -> {
            List<Rejection> problems = new ArrayList<>();
            InsuranceScheme scheme = InsuranceScheme.parse(blank(form.get("insuranceScheme"))).orElse(null);
            if (scheme == null) {
                problems.add(Rejection.of("required", "insuranceScheme"));
            }
            BigDecimal sum = money(form.get("sumInsured"), "sumInsured", problems);
            String rate = blank(form.get("premiumRatePercent"));
            BigDecimal pct = rate == null ? null : Amounts.decimal(rate, "premiumRatePercent", 4, problems);
            String start = blank(form.get("startOn"));
            String end = blank(form.get("endOn"));
            var startOn = start == null ? null : Dates.required(start, "startOn", problems);
            var endOn = end == null ? null : Dates.required(end, "endOn", problems);
            if (!problems.isEmpty()) {
                throw Rejected.invalid(problems);
            }
            return insurance.issue(caller, new Insurance.PolicyDraft(firms.creditCode(caller, form.get("insured")), scheme,
                    blank(form.get("catalogueCode")), blank(form.get("insuredObject")), sum, pct, startOn, endOn));
        });
    }

    @PostMapping("/insurance/policies/{id}/subsidy-claims")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String claim(Caller caller, Locale locale, @PathVariable long id, RedirectAttributes flash) {
        return act(flash, locale, Map.of(), () -> insurance.claimSubsidy(caller, id));
    }

    @PostMapping("/insurance/subsidy-claims/{id}/review")
    @PreAuthorize("hasRole('REGULATOR') or hasRole('ADMIN')")
    String review(Caller caller, Locale locale, @PathVariable long id, @RequestParam Map<String, String> form,
                  RedirectAttributes flash) {
        return act(flash, locale, Map.of(), () -> {
            var decision = java.util.Arrays.stream(Insurance.Decision.values())
                    .filter(d -> d.name().equals(blank(form.get("decision")))).findFirst()
                    .orElseThrow(() -> Rejected.invalid(Rejection.of("required", "decision")));
            return insurance.review(caller, id, decision, blank(form.get("reason")));
        });
    }

    @PostMapping("/insurance/policies/{id}/loss-claims")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String report(Caller caller, Locale locale, @PathVariable long id, @RequestParam Map<String, String> form,
                  RedirectAttributes flash) {
        return act(flash, locale, form, () -> {
            List<Rejection> problems = new ArrayList<>();
            String day = blank(form.get("occurredOn"));
            var on = day == null ? null : Dates.required(day, "occurredOn", problems);
            BigDecimal amount = money(form.get("amount"), "amount", problems);
            if (!problems.isEmpty()) {
                throw Rejected.invalid(problems);
            }
            return insurance.reportLoss(caller, id, new Insurance.LossReport(on, blank(form.get("description")), amount));
        });
    }

    @PostMapping("/insurance/loss-claims/{id}/decision")
    @PreAuthorize("hasRole('INSTITUTION')")
    String settle(Caller caller, Locale locale, @PathVariable long id, @RequestParam Map<String, String> form,
                  RedirectAttributes flash) {
        return act(flash, locale, Map.of(), () -> {
            List<Rejection> problems = new ArrayList<>();
            BigDecimal amount = money(form.get("amount"), "amount", problems);
            if (!problems.isEmpty()) {
                throw Rejected.invalid(problems);
            }
            String decision = blank(form.get("decision"));
            if (!"PAY".equals(decision) && !"DECLINE".equals(decision)) {
                throw Rejected.invalid(Rejection.of("required", "decision"));
            }
            return insurance.decideLoss(caller, id, "PAY".equals(decision), amount, blank(form.get("reason")));
        });
    }

    private String act(RedirectAttributes flash, Locale locale, Map<String, String> form, Supplier<Object> act) {
        return FormActs.run(errors, flash, locale, form, "/insurance", act);
    }

    private static BigDecimal money(String raw, String field, List<Rejection> problems) {
        String t = blank(raw);
        return t == null ? null : Amounts.parse(t, field, false, new BigDecimal("1000000000000.00"), problems);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
