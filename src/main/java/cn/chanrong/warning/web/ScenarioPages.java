package cn.chanrong.warning.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.warning.StressScenarios;
import cn.chanrong.warning.domain.ScenarioKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
 * The workbench's stress scenarios: the scenarios in scope, a form to run one (the enterprise chosen by name with
 * suggestions, the sector and region from the reference tables), and a scenario's results by institution, chain and
 * province with every exposure's path.
 */
@Controller
class ScenarioPages {

    private final StressScenarios scenarios;
    private final FirmPicker firms;
    private final ReferenceData reference;
    private final ApiErrors errors;

    ScenarioPages(StressScenarios scenarios, FirmPicker firms, ReferenceData reference, ApiErrors errors) {
        this.scenarios = scenarios;
        this.firms = firms;
        this.reference = reference;
        this.errors = errors;
    }

    @GetMapping("/warning/scenarios")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('REGULATOR') or hasRole('ADMIN')")
    String list(Caller caller, Model model, @RequestParam(required = false) Integer page) {
        model.addAttribute("result", scenarios.scenarios(caller, PageRequest.of(page == null ? 0 : Math.max(0, page), 20)));
        boolean runs = caller.is(Role.REGULATOR) || caller.is(Role.INSTITUTION);
        model.addAttribute("runs", runs);
        if (runs) {
            model.addAttribute("kinds", ScenarioKind.values());
            model.addAttribute("industries", reference.industries().stream().filter(i -> i.level() <= 2).toList());
            String prefix = caller.regionPrefix();
            model.addAttribute("regions", reference.regions().stream()
                    .filter(r -> r.level() <= 2 && (prefix == null || r.code().startsWith(prefix))).toList());
            if (!model.containsAttribute("form")) {
                model.addAttribute("form", Map.of("shockKind", "ENTERPRISE_DEFAULT", "thresholdPercent", "10",
                        "maxDepth", "6", "shockPercent", "30"));
            }
        }
        return "warning/scenarios";
    }

    @PostMapping("/warning/scenarios")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('REGULATOR')")
    String run(Caller caller, Locale locale, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        List<Rejection> problems = new ArrayList<>();
        String kind = blank(form.get("shockKind"));
        ScenarioKind k = kind == null ? null : ScenarioKind.parse(kind).orElse(null);
        if (kind != null && k == null) {
            problems.add(Rejection.of("enum", "shockKind", kind, Arrays.toString(ScenarioKind.values())));
        }
        BigDecimal shock = percent(form, "shockPercent", problems);
        BigDecimal threshold = percent(form, "thresholdPercent", problems);
        Integer depth = null;
        String d = blank(form.get("maxDepth"));
        if (d != null) {
            try {
                depth = Integer.parseInt(d);
            } catch (NumberFormatException e) {
                problems.add(Rejection.of("range", "maxDepth", 1, 10, d));
            }
        }
        try {
            if (!problems.isEmpty()) {
                throw Rejected.invalid(problems);
            }
            var s = scenarios.run(caller, new StressScenarios.Run(k, blank(form.get("title")),
                    firms.resolve(caller, form.get("creditCode")),
                    k == ScenarioKind.SECTOR_SHOCK ? blank(form.get("industryCode")) : null,
                    k == ScenarioKind.REGION_SHOCK ? blank(form.get("regionCode")) : null,
                    k == ScenarioKind.ENTERPRISE_DEFAULT ? null : shock, threshold, depth));
            flash.addFlashAttribute("saved", true);
            return "redirect:/warning/scenarios/" + s.id();
        } catch (Rejected r) {
            flash.addFlashAttribute("problems", errors.messages(r, locale));
            Map<String, String> kept = new LinkedHashMap<>(form);
            kept.remove("_csrf");
            flash.addFlashAttribute("form", kept);
            return "redirect:/warning/scenarios";
        }
    }

    @GetMapping("/warning/scenarios/{id}")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('REGULATOR') or hasRole('ADMIN')")
    String scenario(Caller caller, @PathVariable long id, Model model, @RequestParam(required = false) Integer page) {
        model.addAttribute("r", scenarios.results(caller, id));
        model.addAttribute("exposures", scenarios.exposures(caller, id,
                PageRequest.of(page == null ? 0 : Math.max(0, page), 50)));
        return "warning/scenario";
    }

    private static BigDecimal percent(Map<String, String> form, String field, List<Rejection> problems) {
        String raw = blank(form.get(field));
        return raw == null ? null : cn.chanrong.shared.Amounts.decimal(raw, field, 2, problems);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
