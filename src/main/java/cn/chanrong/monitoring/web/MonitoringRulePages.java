package cn.chanrong.monitoring.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.Product;
import cn.chanrong.institution.Products;
import cn.chanrong.monitoring.MonitoringRules;
import cn.chanrong.monitoring.domain.Rules;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The detections' settings in the workbench: the versions by rule and status, one version with its parameters
 * and back-test, and for an institution's approvers and administrators (the platform's administrators) a form
 * for a new version starting from the one in force, the back-test, putting live and withdrawing.
 */
@Controller
class MonitoringRulePages {

    private final MonitoringRules rules;
    private final Products products;
    private final ApiErrors errors;
    private final cn.chanrong.reference.BusinessDate businessDate;

    MonitoringRulePages(MonitoringRules rules, Products products, ApiErrors errors,
                        cn.chanrong.reference.BusinessDate businessDate) {
        this.rules = rules;
        this.products = products;
        this.errors = errors;
        this.businessDate = businessDate;
    }

    static boolean writer(Caller caller, Long institutionId) {
        return institutionId == null ? caller.isAdmin()
                : caller.is(Role.INSTITUTION) && institutionId.equals(caller.institutionId())
                && (caller.hasAuthority("approver") || caller.hasAuthority("institution-admin"));
    }

    @GetMapping("/monitoring/rules")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('REGULATOR') or hasRole('ADMIN')")
    String list(Caller caller, Model model, @RequestParam(required = false) String rule,
                @RequestParam(required = false) String status, @RequestParam(required = false) Integer page) {
        String r = rule == null || rule.isBlank() ? null : rule;
        String s = status == null || status.isBlank() ? null : status;
        model.addAttribute("result", rules.list(caller, r, s, PageRequest.of(page == null ? 0 : Math.max(0, page), 20)));
        model.addAttribute("rule", r);
        model.addAttribute("status", s);
        model.addAttribute("codes", Rules.CODES);
        model.addAttribute("statuses", MonitoringRules.Status.values());
        model.addAttribute("mayDraft", writer(caller, caller.is(Role.INSTITUTION) ? caller.institutionId() : null));
        model.addAttribute("times", new MonitoringPages.Times());
        return "monitoring/rules";
    }

    @GetMapping("/monitoring/rules/{id}")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('REGULATOR') or hasRole('ADMIN')")
    String one(Caller caller, @PathVariable long id, Model model) {
        MonitoringRules.RuleVersion v = rules.get(caller, id);
        model.addAttribute("v", v);
        model.addAttribute("mayWrite", v.status() == MonitoringRules.Status.DRAFT && writer(caller, v.institutionId()));
        model.addAttribute("replayed", Rules.REPLAYED.contains(v.rule()));
        model.addAttribute("times", new MonitoringPages.Times());
        model.addAttribute("from", businessDate.today().minusDays(90));
        model.addAttribute("to", businessDate.today());
        return "monitoring/rule";
    }

    /** The institution's products by name, for the scope of a new version. */
    private List<Product> ownProducts(Caller caller) {
        if (!caller.is(Role.INSTITUTION)) {
            return List.of();
        }
        return products.search(caller, new Products.ProductFilter(null, null, null, caller.institutionId()),
                PageRequest.of(0, 200)).items();
    }

    @GetMapping("/monitoring/rules/new")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('ADMIN')")
    String draftForm(Caller caller, Model model, @RequestParam(required = false) String rule,
                     @RequestParam(required = false) Long productId) {
        String code = rule != null && Rules.CODES.contains(rule) ? rule : Rules.CODES.getFirst();
        model.addAttribute("code", code);
        model.addAttribute("codes", Rules.CODES);
        model.addAttribute("products", ownProducts(caller));
        model.addAttribute("productId", productId);
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", rules.current(caller, code, productId));
        }
        model.addAttribute("categories", Rules.PROHIBITABLE.stream().map(Enum::name).sorted().toList());
        model.addAttribute("today", businessDate.today());
        return "monitoring/rule-new";
    }

    /** A new version from the form: the parameters typed are read as the API reads its JSON. */
    @PostMapping("/monitoring/rules")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('ADMIN')")
    String draft(Caller caller, Locale locale, @RequestParam MultiValueMap<String, String> form, RedirectAttributes flash) {
        String code = form.getFirst("rule");
        Map<String, Object> params = new LinkedHashMap<>();
        List<Rejection> problems = new ArrayList<>();
        Long productId = null;
        String product = form.getFirst("productId");
        if (product != null && !product.isBlank()) {
            try {
                productId = Long.valueOf(product.strip());
            } catch (NumberFormatException e) {
                problems.add(Rejection.of("monitoring.rule.product", "productId", product));
            }
        }
        if (code != null && Rules.CODES.contains(code)) {
            for (String name : Rules.DEFAULT.of(code).values().keySet()) {
                if (name.equals("enabled")) {
                    params.put(name, form.containsKey("p.enabled"));
                } else if (name.equals("categories")) {
                    params.put(name, form.getOrDefault("p.categories", List.of()));
                } else {
                    String raw = form.getFirst("p." + name);
                    params.put(name, raw != null && raw.strip().matches("\\d{1,6}") ? (Object) Integer.valueOf(raw.strip())
                            : raw == null ? null : raw.strip());
                }
            }
        }
        LocalDate from = null;
        String f = form.getFirst("effectiveFrom");
        try {
            from = f == null || f.isBlank() ? null : LocalDate.parse(f.strip());
        } catch (DateTimeParseException e) {
            problems.add(Rejection.of("date.format", "effectiveFrom", f));
        }
        try {
            if (!problems.isEmpty()) {
                throw Rejected.invalid(problems);
            }
            var v = rules.draft(caller, new MonitoringRules.Draft(code, productId, from, params, form.getFirst("note")));
            flash.addFlashAttribute("saved", true);
            return "redirect:/monitoring/rules/" + v.id();
        } catch (Rejected r) {
            if (r.kind() == Rejected.Kind.NOT_FOUND) {
                throw r;
            }
            // the form keeps what was typed
            flash.addFlashAttribute("problems", errors.messages(r, locale));
            flash.addFlashAttribute("values", params);
            flash.addFlashAttribute("typedFrom", f);
            flash.addFlashAttribute("typedNote", form.getFirst("note"));
            return "redirect:/monitoring/rules/new?rule=" + (code == null || !Rules.CODES.contains(code) ? "" : code)
                    + (productId == null ? "" : "&productId=" + productId);
        }
    }

    @PostMapping("/monitoring/rules/{id}/backtest")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('ADMIN')")
    String backtest(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to, RedirectAttributes flash) {
        return act(id, locale, flash, () -> {
            List<Rejection> problems = new ArrayList<>();
            LocalDate a = cn.chanrong.shared.Dates.required(from, "from", problems);
            LocalDate b = cn.chanrong.shared.Dates.required(to, "to", problems);
            if (!problems.isEmpty()) {
                throw Rejected.invalid(problems);
            }
            rules.backtest(caller, id, a, b);
        });
    }

    @PostMapping("/monitoring/rules/{id}/activate")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('ADMIN')")
    String activate(Caller caller, Locale locale, @PathVariable long id, RedirectAttributes flash) {
        return act(id, locale, flash, () -> rules.activate(caller, id));
    }

    @PostMapping("/monitoring/rules/{id}/withdraw")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('ADMIN')")
    String withdraw(Caller caller, Locale locale, @PathVariable long id, RedirectAttributes flash) {
        return act(id, locale, flash, () -> rules.withdraw(caller, id));
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
        return "redirect:/monitoring/rules/" + id;
    }
}
