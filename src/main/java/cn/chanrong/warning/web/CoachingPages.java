package cn.chanrong.warning.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Dates;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.warning.CoachingCases;
import cn.chanrong.warning.domain.CaseStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The workbench's one-to-one coaching (issue 20 §5): the cases in scope with the office's funnel; the office opens a
 * case (the enterprise by name), supplies what it must, assigns specialists and records expert reviews by name, and links
 * the loan that came of it by its number; the enterprise and the assigned institutions supply their items; an
 * institution registers its specialists, the office its experts.
 */
@Controller
class CoachingPages {

    /** Checklist rows the opening form offers. */
    static final int ITEM_ROWS = 5;

    private final CoachingCases cases;
    private final FirmPicker firms;
    private final ApiErrors errors;

    CoachingPages(CoachingCases cases, FirmPicker firms, ApiErrors errors) {
        this.cases = cases;
        this.firms = firms;
        this.errors = errors;
    }

    private static boolean office(Caller caller) {
        return caller.is(Role.REGULATOR) && "MIIT".equals(caller.department());
    }

    @GetMapping("/warning/cases")
    @PreAuthorize("isAuthenticated()")
    String list(Caller caller, Model model, @RequestParam(required = false) String status,
                @RequestParam(required = false) Integer page) {
        String s = status == null || status.isBlank() ? null : status.strip();
        model.addAttribute("status", s);
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("result", cases.list(caller, s, PageRequest.of(page == null ? 0 : Math.max(0, page), 20)));
        boolean office = office(caller);
        model.addAttribute("office", office);
        if (office || caller.isAdmin()) {
            model.addAttribute("funnel", cases.funnel(caller));
        }
        if (office) {
            model.addAttribute("suppliers", CoachingCases.Supplier.values());
            model.addAttribute("rows", ITEM_ROWS);
            model.addAttribute("experts", cases.experts(caller));
        }
        boolean institution = caller.is(Role.INSTITUTION);
        model.addAttribute("institution", institution);
        if (institution) {
            model.addAttribute("specialists", cases.specialists(caller));
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "warning/cases";
    }

    @PostMapping("/warning/cases")
    @PreAuthorize("hasRole('REGULATOR')")
    String open(Caller caller, Locale locale, @RequestParam MultiValueMap<String, String> form, RedirectAttributes flash) {
        List<Rejection> problems = new ArrayList<>();
        String need = form.getFirst("financingNeed");
        BigDecimal amount = blank(need) == null ? null
                : Amounts.parse(need.strip(), "financingNeed", false, new BigDecimal("1000000000000.00"), problems);
        LocalDate due = date(form.getFirst("dueOn"), "dueOn", problems);
        List<CoachingCases.ItemDraft> items = new ArrayList<>();
        List<String> names = form.getOrDefault("itemName", List.of());
        List<String> suppliers = form.getOrDefault("itemSupplier", List.of());
        List<String> dues = form.getOrDefault("itemDueOn", List.of());
        for (int n = 0; n < names.size(); n++) {
            if (blank(names.get(n)) == null) {
                continue;
            }
            String supplier = n < suppliers.size() ? blank(suppliers.get(n)) : null;
            CoachingCases.Supplier who = supplier == null ? null : Arrays.stream(CoachingCases.Supplier.values())
                    .filter(v -> v.name().equals(supplier)).findFirst().orElse(null);
            if (supplier != null && who == null) {
                problems.add(Rejection.of("enum", "items[" + n + "].supplier", supplier,
                        Arrays.toString(CoachingCases.Supplier.values())));
            }
            items.add(new CoachingCases.ItemDraft(names.get(n).strip(), who,
                    date(n < dues.size() ? dues.get(n) : null, "items[" + n + "].dueOn", problems)));
        }
        try {
            if (!problems.isEmpty()) {
                throw Rejected.invalid(problems);
            }
            var c = cases.open(caller, new CoachingCases.Open(firms.resolve(caller, form.getFirst("enterprise")),
                    blank(form.getFirst("project")), amount, due, items));
            flash.addFlashAttribute("saved", true);
            return "redirect:/warning/cases/" + c.id();
        } catch (Rejected r) {
            flash.addFlashAttribute("problems", errors.messages(r, locale));
            Map<String, String> kept = new LinkedHashMap<>(form.toSingleValueMap());
            kept.remove("_csrf");
            flash.addFlashAttribute("form", kept);
            return "redirect:/warning/cases";
        }
    }

    @GetMapping("/warning/cases/{id}")
    @PreAuthorize("isAuthenticated()")
    String get(Caller caller, @PathVariable long id, Model model) {
        var c = cases.get(caller, id);
        model.addAttribute("c", c);
        boolean office = office(caller);
        model.addAttribute("office", office);
        if (office) {
            var assigned = c.specialists().stream().map(CoachingCases.Specialist::id).toList();
            model.addAttribute("specialists", cases.specialists(caller).stream()
                    .filter(s -> !assigned.contains(s.id())).toList());
            var reviewed = c.reviews().stream().map(CoachingCases.Review::expertId).toList();
            model.addAttribute("experts", cases.experts(caller).stream().filter(e -> !reviewed.contains(e.id())).toList());
            model.addAttribute("recommendations", CoachingCases.Recommendation.values());
        }
        model.addAttribute("me", caller);
        return "warning/case";
    }

    @PostMapping("/warning/case-items/{itemId}/supply")
    @PreAuthorize("isAuthenticated()")
    String supply(Caller caller, Locale locale, @PathVariable long itemId, @RequestParam long caseId,
                  RedirectAttributes flash) {
        return act(locale, flash, caseId, () -> cases.supply(caller, itemId));
    }

    @PostMapping("/warning/cases/{id}/specialists")
    @PreAuthorize("hasRole('REGULATOR')")
    String assign(Caller caller, Locale locale, @PathVariable long id,
                  @RequestParam(required = false) Long specialistId, RedirectAttributes flash) {
        return act(locale, flash, id, () -> {
            if (specialistId == null) {
                throw Rejected.invalid(Rejection.of("required", "specialist"));
            }
            return cases.assign(caller, id, specialistId);
        });
    }

    @PostMapping("/warning/cases/{id}/reviews")
    @PreAuthorize("hasRole('REGULATOR')")
    String review(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) Long expertId,
                  @RequestParam(required = false) String conflict, @RequestParam(required = false) String recommendation,
                  @RequestParam(required = false) String opinion, RedirectAttributes flash) {
        return act(locale, flash, id, () -> {
            List<Rejection> problems = new ArrayList<>();
            if (expertId == null) {
                problems.add(Rejection.of("required", "expert"));
            }
            boolean conflicted = "true".equals(conflict);
            CoachingCases.Recommendation r = blank(recommendation) == null || conflicted ? null
                    : Arrays.stream(CoachingCases.Recommendation.values()).filter(v -> v.name().equals(recommendation.strip()))
                    .findFirst().orElse(null);
            if (!conflicted && blank(recommendation) != null && r == null) {
                problems.add(Rejection.of("enum", "recommendation", recommendation,
                        Arrays.toString(CoachingCases.Recommendation.values())));
            }
            if (!problems.isEmpty()) {
                throw Rejected.invalid(problems);
            }
            return cases.review(caller, id, expertId, conflicted, r, blank(opinion));
        });
    }

    @PostMapping("/warning/cases/{id}/outcome")
    @PreAuthorize("hasRole('REGULATOR')")
    String outcome(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) String loanNumber,
                   RedirectAttributes flash) {
        return act(locale, flash, id, () -> cases.outcome(caller, id, loanNumber));
    }

    @PostMapping("/warning/specialists")
    @PreAuthorize("hasRole('INSTITUTION')")
    String registerSpecialist(Caller caller, Locale locale, @RequestParam(required = false) String name,
                              @RequestParam(required = false) String enterprise, @RequestParam(required = false) String park,
                              RedirectAttributes flash) {
        try {
            cases.registerSpecialist(caller, blank(name), firms.resolve(caller, enterprise), blank(park));
            flash.addFlashAttribute("saved", true);
        } catch (Rejected r) {
            flash.addFlashAttribute("problems", errors.messages(r, locale));
        }
        return "redirect:/warning/cases";
    }

    @PostMapping("/warning/experts")
    @PreAuthorize("hasRole('REGULATOR')")
    String registerExpert(Caller caller, Locale locale, @RequestParam(required = false) String name,
                          @RequestParam(required = false) String organisation, @RequestParam(required = false) String fields,
                          RedirectAttributes flash) {
        try {
            cases.registerExpert(caller, new CoachingCases.Expert(0, blank(name), blank(organisation), blank(fields), null));
            flash.addFlashAttribute("saved", true);
        } catch (Rejected r) {
            flash.addFlashAttribute("problems", errors.messages(r, locale));
        }
        return "redirect:/warning/cases";
    }

    private String act(Locale locale, RedirectAttributes flash, long caseId, java.util.function.Supplier<Object> act) {
        try {
            act.get();
            flash.addFlashAttribute("saved", true);
        } catch (Rejected r) {
            flash.addFlashAttribute("problems", errors.messages(r, locale));
        }
        return "redirect:/warning/cases/" + caseId;
    }

    private static LocalDate date(String raw, String field, List<Rejection> problems) {
        return blank(raw) == null ? null : Dates.required(raw.strip(), field, problems);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
