package cn.chanrong.statistics.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.statistics.Supervision;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The regulator's dashboard and the public overview: headline figures, charts, one breakdown table at a time. */
@Controller
class SupervisionPages {

    private final Supervision supervision;
    private final MessageSource messages;
    private final cn.chanrong.reference.ReferenceData reference;

    SupervisionPages(Supervision supervision, MessageSource messages, cn.chanrong.reference.ReferenceData reference) {
        this.supervision = supervision;
        this.messages = messages;
        this.reference = reference;
    }

    @GetMapping("/statistics")
    @PreAuthorize("hasAnyRole('REGULATOR', 'ADMIN')")
    String dashboard(Caller caller, Locale locale, @RequestParam(defaultValue = "CHAIN") String dim, Model model) {
        return render(supervision.dashboard(caller, locale), dim, locale, model);
    }

    @GetMapping("/public/statistics")
    @PreAuthorize("permitAll()")
    String publicOverview(Locale locale, @RequestParam(defaultValue = "CHAIN") String dim, Model model) {
        return render(supervision.publicOverview(locale), dim, locale, model);
    }

    private String render(Supervision.Dashboard d, String dim, Locale locale, Model model) {
        String chosen = d.breakdowns().containsKey(dim) ? dim : "CHAIN";
        model.addAttribute("d", d);
        model.addAttribute("scopeName", d.scope().equals("national")
                ? messages.getMessage("stats.national", null, locale)
                : reference.region(d.scope()).map(r -> r.name("en".equals(locale.getLanguage()))).orElse(d.scope()));
        model.addAttribute("dim", chosen);
        model.addAttribute("dims", d.breakdowns().keySet());
        model.addAttribute("cells", d.breakdowns().get(chosen));
        model.addAttribute("exportBase", d.publicView() ? "/api/v1/public/statistics/export" : "/api/v1/statistics/dashboard/export");
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("chains", bars(d.breakdowns().get("CHAIN")));
        charts.put("provinces", bars(d.breakdowns().get("PROVINCE")));
        charts.put("months", Map.of("labels", d.series().stream().map(Supervision.Cell::key).toList(),
                "disbursed", d.series().stream().map(c -> num(c.figures().disbursedAmount())).toList(),
                "balance", d.series().stream().map(c -> num(c.figures().balance())).toList()));
        charts.put("funnel", d.pushFunnel().stream().filter(s -> !s.step().equals("DECLINED") && !s.step().equals("OVERDUE"))
                .map(s -> Map.of("name", messages.getMessage("matching.step." + s.step(), null, s.step(), locale),
                        "value", s.count())).toList());
        charts.put("labels", Map.of("disbursed", messages.getMessage("stats.col.disbursedAmount", null, locale),
                "balance", messages.getMessage("stats.col.balance", null, locale)));
        model.addAttribute("chartData", charts);
        return "statistics/dashboard";
    }

    private static Map<String, Object> bars(List<Supervision.Cell> cells) {
        List<Supervision.Cell> shown = cells == null ? List.of() : cells.stream().filter(c -> !c.figures().suppressed()).toList();
        return Map.of("labels", shown.stream().map(Supervision.Cell::label).toList(),
                "disbursed", shown.stream().map(c -> num(c.figures().disbursedAmount())).toList(),
                "balance", shown.stream().map(c -> num(c.figures().balance())).toList());
    }

    private static double num(BigDecimal v) {
        return v == null ? 0 : v.doubleValue();
    }
}
