package cn.chanrong.capital.web;

import cn.chanrong.capital.Listings;
import cn.chanrong.capital.domain.ListingBoard;
import cn.chanrong.capital.domain.ListingStage;
import cn.chanrong.enterprise.domain.ChainTag;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.reference.Region;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workbench's 千帆百舸 page: the pipeline in the caller's scope, filtered by stage, board, province and chain (chosen by
 * name), with its counts per province and per chain; the evaluations in scope with every line and its source; the
 * board's criteria in force. An enterprise evaluates itself; the industry department evaluates a firm of its region
 * chosen by name, enters it on one of its evaluations (chosen by the firm's name) and moves it on.
 */
@Controller
class ListingPages {

    private final Listings listings;
    private final FirmNames firms;
    private final ReferenceData reference;
    private final ApiErrors errors;

    ListingPages(Listings listings, FirmNames firms, ReferenceData reference, ApiErrors errors) {
        this.listings = listings;
        this.firms = firms;
        this.reference = reference;
        this.errors = errors;
    }

    private static boolean office(Caller caller) {
        return caller.isAdmin() || caller.is(Role.REGULATOR) && "MIIT".equals(caller.department());
    }

    @GetMapping("/capital/listing")
    @PreAuthorize("isAuthenticated()")
    String home(Caller caller, Locale locale, Model model, @RequestParam Map<String, String> query) {
        boolean english = "en".equals(locale.getLanguage());
        Listings.Filter filter;
        try {
            filter = ListingApi.filter(query.get("stage"), query.get("board"), query.get("region"), query.get("chain"));
        } catch (Rejected r) {
            model.addAttribute("problems", errors.messages(r, locale));
            filter = new Listings.Filter(null, null, null, null);
        }
        int page = parsePage(query.get("page"));
        model.addAttribute("pipeline", listings.pipeline(caller, filter, PageRequest.of(page, 20)));
        model.addAttribute("query", query);
        String prefix = caller.regionPrefix();
        List<Region> provinces = reference.regions().stream().filter(r -> r.level() == 1
                && (prefix == null || r.code().startsWith(prefix.substring(0, 2)))).toList();
        model.addAttribute("provinces", provinces);
        Map<String, String> names = reference.regions().stream().filter(r -> r.level() == 1)
                .collect(Collectors.toMap(Region::code, r -> english ? r.nameEn() : r.nameZh(), (a, b) -> a));
        model.addAttribute("provinceNames", names);
        Map<String, String> chains = new LinkedHashMap<>();
        for (ChainTag t : ChainTag.values()) {
            chains.put(t.name(), t.name(english));
        }
        model.addAttribute("chains", chains);
        model.addAttribute("stages", ListingStage.values());
        model.addAttribute("boards", ListingBoard.values());
        var criteria = listings.criteria(ListingBoard.STAR, null, english);
        model.addAttribute("criteria", criteria);
        Map<String, String> industryNames = new LinkedHashMap<>();
        for (var r : criteria.rules()) {
            for (String code : new String[] {r.onlyIndustry(), r.exceptIndustry()}) {
                if (code != null) {
                    industryNames.put(code, reference.industry(code).map(i -> english ? i.nameEn() : i.nameZh()).orElse(code));
                }
            }
        }
        model.addAttribute("industryNames", industryNames);
        boolean office = office(caller);
        boolean enterprise = caller.is(Role.ENTERPRISE);
        model.addAttribute("office", office);
        model.addAttribute("selfEvaluates", enterprise);
        boolean readsEvaluations = office || enterprise || caller.is(Role.REGULATOR);
        if (readsEvaluations) {
            model.addAttribute("evaluations", listings.evaluations(caller, PageRequest.of(0, 20))
                    .map(v -> listings.evaluation(caller, v.id())));
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("board", "STAR"));
        }
        return "capital/listing";
    }

    private static int parsePage(String raw) {
        try {
            return raw == null ? 0 : Math.max(0, Integer.parseInt(raw.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @PostMapping("/capital/listing/evaluations")
    @PreAuthorize("isAuthenticated()")
    String evaluate(Caller caller, Locale locale, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        return act(flash, locale, form, () -> {
            List<Rejection> problems = new ArrayList<>();
            ListingBoard board = ListingApi.collect(problems, () -> ListingApi.choice(form.get("board"), "board", ListingBoard.class,
                    ListingBoard::parse));
            Integer patents = null;
            String raw = blank(form.get("inventionPatents"));
            if (raw != null) {
                try {
                    patents = Integer.valueOf(raw);
                } catch (NumberFormatException e) {
                    problems.add(Rejection.of("integer", "inventionPatents", raw.length() > 40 ? raw.substring(0, 40) : raw));
                }
            }
            if (!problems.isEmpty()) {
                throw Rejected.invalid(problems);
            }
            return listings.evaluate(caller, new Listings.EvaluationRequest(caller.is(Role.ENTERPRISE) ? null
                    : firms.creditCode(caller, form.get("enterprise")), board, patents, blank(form.get("exception")),
                    blank(form.get("exceptionDocument"))));
        });
    }

    @PostMapping("/capital/listing/entries")
    @PreAuthorize("hasRole('REGULATOR') or hasRole('ADMIN')")
    String enter(Caller caller, Locale locale, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        return act(flash, locale, form, () -> {
            List<Rejection> problems = new ArrayList<>();
            ListingBoard board = ListingApi.collect(problems, () -> ListingApi.choice(form.get("board"), "board", ListingBoard.class,
                    ListingBoard::parse));
            String evaluation = blank(form.get("evaluation"));
            if (evaluation == null) {
                problems.add(Rejection.of("required", "evaluation"));
            }
            if (!problems.isEmpty()) {
                throw Rejected.invalid(problems);
            }
            long id;
            try {
                id = Long.parseLong(evaluation);
            } catch (NumberFormatException e) {
                throw Rejected.invalid(Rejection.of("capital.listing.evaluation-unknown", "evaluation",
                        evaluation.length() > 40 ? evaluation.substring(0, 40) : evaluation));
            }
            var chosen = listings.evaluation(caller, id);
            return listings.enter(caller, new Listings.EntryRequest(chosen.creditCode(), board, chosen.number()));
        });
    }

    @PostMapping("/capital/listing/entries/{id}/stage")
    @PreAuthorize("hasRole('REGULATOR') or hasRole('ADMIN')")
    String move(Caller caller, Locale locale, @PathVariable long id, @RequestParam Map<String, String> form,
                RedirectAttributes flash) {
        return act(flash, locale, form, () -> listings.move(caller, id, ListingApi.choice(form.get("stage"), "stage",
                ListingStage.class, ListingStage::parse), blank(form.get("note"))));
    }



    private String act(RedirectAttributes flash, Locale locale, Map<String, String> form, Supplier<Object> act) {
        return FormActs.run(errors, flash, locale, form, "/capital/listing", act);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
