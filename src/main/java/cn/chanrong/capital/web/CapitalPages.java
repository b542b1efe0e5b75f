package cn.chanrong.capital.web;

import cn.chanrong.capital.EquityDeals;
import cn.chanrong.capital.Investors;
import cn.chanrong.capital.domain.DealStage;
import cn.chanrong.capital.domain.InvestmentStage;
import cn.chanrong.capital.domain.InvestorKind;
import cn.chanrong.enterprise.domain.ChainTag;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Dates;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * The workbench's patient capital: the investors' directory (the administrator verifies registrations); an enterprise's
 * needs and the deals on them, and its form to publish one; a qualified investor's needs with each mandate's fit, its
 * pipeline of deals with the next move, and a deal opened on a need chosen by the enterprise's name; a bank's staff is
 * told that needs are for qualified investors only.
 */
@Controller
class CapitalPages {

    private final Investors investors;
    private final EquityDeals deals;
    private final ApiErrors errors;
    private final ReferenceData reference;

    CapitalPages(Investors investors, EquityDeals deals, ApiErrors errors, ReferenceData reference) {
        this.investors = investors;
        this.deals = deals;
        this.errors = errors;
        this.reference = reference;
    }

    @GetMapping("/capital")
    @PreAuthorize("isAuthenticated()")
    String home(Caller caller, Locale locale, Model model, @RequestParam(required = false) Integer page) {
        var all = investors.investors(caller);
        model.addAttribute("investors", all);
        var mine = caller.institutionId() == null ? null
                : all.stream().filter(i -> i.institutionId() == caller.institutionId()).findFirst().orElse(null);
        model.addAttribute("investor", mine);
        model.addAttribute("admin", caller.isAdmin());
        model.addAttribute("enterprise", caller.is(Role.ENTERPRISE));
        model.addAttribute("institution", caller.is(Role.INSTITUTION));
        model.addAttribute("kinds", InvestorKind.values());
        model.addAttribute("stages", InvestmentStage.values());
        model.addAttribute("moves", Arrays.stream(DealStage.values()).filter(s -> s != DealStage.INTEREST).toList());
        boolean readsNeeds = caller.is(Role.ENTERPRISE) || caller.is(Role.REGULATOR) || caller.isAdmin()
                || mine != null && mine.qualified();
        model.addAttribute("readsNeeds", readsNeeds);
        if (readsNeeds) {
            model.addAttribute("needs", deals.needs(caller, PageRequest.of(0, 50)));
        }
        model.addAttribute("deals", deals.deals(caller, null, PageRequest.of(page == null ? 0 : Math.max(0, page), 20)));
        boolean manager = mine != null && (caller.hasAuthority("approver") || caller.hasAuthority("institution-admin"));
        model.addAttribute("manager", manager);
        if (manager) {
            boolean english = "en".equals(locale.getLanguage());
            Map<String, String> chains = new LinkedHashMap<>();
            for (ChainTag t : ChainTag.values()) {
                chains.put(t.name(), t.name(english));
            }
            model.addAttribute("chains", chains);
            model.addAttribute("provinces", reference.regions().stream().filter(r -> r.level() == 1).toList());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "capital/home";
    }

    @PostMapping("/capital/investors")
    @PreAuthorize("hasRole('INSTITUTION')")
    String register(Caller caller, Locale locale, @RequestParam(required = false) String investorKind,
                    @RequestParam(required = false) String amacNumber, RedirectAttributes flash) {
        return act(flash, locale, () -> investors.register(caller, new Investors.Register(
                enumOf(InvestorKind.class, investorKind, "investorKind"), blank(amacNumber))));
    }

    @PostMapping("/capital/investors/{id}/verify")
    @PreAuthorize("hasRole('ADMIN')")
    String verify(Caller caller, Locale locale, @PathVariable long id, RedirectAttributes flash) {
        return act(flash, locale, () -> investors.verify(caller, id));
    }

    @PostMapping("/capital/needs")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String publish(Caller caller, Locale locale, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        try {
            List<Rejection> problems = new ArrayList<>();
            BigDecimal amount = money(form.get("amount"), "amount", problems);
            BigDecimal pre = money(form.get("preMoney"), "preMoney", problems);
            InvestmentStage stage = blank(form.get("stage")) == null ? null
                    : InvestmentStage.parse(form.get("stage").strip()).orElse(null);
            if (!problems.isEmpty()) {
                throw Rejected.invalid(problems);
            }
            deals.publish(caller, new EquityDeals.NeedDraft(amount, pre, stage, blank(form.get("useOfProceeds")),
                    EquityDeals.Disclosure.ALL_QUALIFIED, List.of()));
            flash.addFlashAttribute("saved", true);
        } catch (Rejected r) {
            flash.addFlashAttribute("problems", errors.messages(r, locale));
            Map<String, String> kept = new LinkedHashMap<>(form);
            kept.remove("_csrf");
            flash.addFlashAttribute("form", kept);
        }
        return "redirect:/capital";
    }

    /** A mandate by form: stages, chains and provinces ticked by name, the ticket as strict money text, the horizon. */
    @PostMapping("/capital/mandates")
    @PreAuthorize("hasRole('INSTITUTION')")
    String mandate(Caller caller, Locale locale, @RequestParam MultiValueMap<String, String> form, RedirectAttributes flash) {
        try {
            List<Rejection> problems = new ArrayList<>();
            Set<InvestmentStage> stages = new LinkedHashSet<>();
            for (String s : form.getOrDefault("stages", List.of())) {
                InvestmentStage.parse(s).ifPresentOrElse(stages::add, () -> problems.add(Rejection.of("enum", "stages",
                        s.length() > 40 ? s.substring(0, 40) : s, Arrays.toString(InvestmentStage.values()))));
            }
            BigDecimal min = money(form.getFirst("minTicket"), "minTicket", problems);
            BigDecimal max = money(form.getFirst("maxTicket"), "maxTicket", problems);
            Integer horizon = null;
            String h = blank(form.getFirst("horizonYears"));
            if (h != null) {
                try {
                    horizon = Integer.valueOf(h);
                } catch (NumberFormatException e) {
                    problems.add(Rejection.of("integer", "horizonYears", h.length() > 40 ? h.substring(0, 40) : h));
                }
            }
            if (!problems.isEmpty()) {
                throw Rejected.invalid(problems);
            }
            investors.addMandate(caller, new Investors.MandateDraft(blank(form.getFirst("name")), stages,
                    new LinkedHashSet<>(form.getOrDefault("chains", List.of())),
                    new LinkedHashSet<>(form.getOrDefault("regions", List.of())), min, max, horizon));
            flash.addFlashAttribute("saved", true);
        } catch (Rejected r) {
            flash.addFlashAttribute("problems", errors.messages(r, locale));
            Map<String, String> kept = new LinkedHashMap<>();
            form.forEach((k, v) -> {
                if (!k.equals("_csrf") && !v.isEmpty()) {
                    kept.put(k, String.join(",", v));
                }
            });
            flash.addFlashAttribute("form", kept);
        }
        return "redirect:/capital";
    }

    @PostMapping("/capital/deals")
    @PreAuthorize("hasRole('INSTITUTION')")
    String open(Caller caller, Locale locale, @RequestParam(required = false) Long needId,
                @RequestParam(required = false) String round, RedirectAttributes flash) {
        return act(flash, locale, () -> {
            if (needId == null) {
                throw Rejected.invalid(Rejection.of("required", "needId"));
            }
            return deals.open(caller, new EquityDeals.Open(null, needId, null, blank(round)));
        });
    }

    @PostMapping("/capital/deals/{id}/stage")
    @PreAuthorize("hasRole('INSTITUTION')")
    String move(Caller caller, Locale locale, @PathVariable long id, @RequestParam Map<String, String> form,
                RedirectAttributes flash) {
        return act(flash, locale, () -> {
            List<Rejection> problems = new ArrayList<>();
            DealStage stage = enumOf(DealStage.class, form.get("stage"), "stage");
            BigDecimal amount = money(form.get("amount"), "amount", problems);
            BigDecimal post = money(form.get("postMoney"), "postMoney", problems);
            String share = blank(form.get("sharePercent"));
            BigDecimal pct = share == null ? null : Amounts.decimal(share, "sharePercent", 4, problems);
            String day = blank(form.get("investedOn"));
            var on = day == null ? null : Dates.required(day, "investedOn", problems);
            if (!problems.isEmpty()) {
                throw Rejected.invalid(problems);
            }
            return deals.move(caller, id, new EquityDeals.Move(stage, amount, pct, post, on, blank(form.get("reason"))));
        });
    }

    private String act(RedirectAttributes flash, Locale locale, java.util.function.Supplier<Object> act) {
        return FormActs.run(errors, flash, locale, Map.of(), "/capital", act);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(v -> v.name().equals(raw.strip())).findFirst()
                .orElseThrow(() -> Rejected.invalid(Rejection.of("enum", field, raw, Arrays.toString(type.getEnumConstants()))));
    }

    private static BigDecimal money(String raw, String field, List<Rejection> problems) {
        String t = blank(raw);
        return t == null ? null : Amounts.parse(t, field, false, new BigDecimal("1000000000000.00"), problems);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
