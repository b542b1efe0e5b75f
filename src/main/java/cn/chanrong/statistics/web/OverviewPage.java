package cn.chanrong.statistics.web;

import cn.chanrong.enterprise.domain.ChainTag;
import cn.chanrong.identity.Caller;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.statistics.EnterpriseStatistics;
import cn.chanrong.statistics.Overview;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The regulator's overview: charts of the registry by chain, province and size, scoped to its region. */
@Controller
class OverviewPage {

    private final EnterpriseStatistics statistics;
    private final ReferenceData reference;

    OverviewPage(EnterpriseStatistics statistics, ReferenceData reference) {
        this.statistics = statistics;
        this.reference = reference;
    }

    record Bar(String key, String label, long count) {
    }

    @GetMapping("/overview")
    @PreAuthorize("hasAnyRole('REGULATOR', 'ADMIN')")
    String overview(Caller caller, Locale locale, Model model) {
        boolean en = "en".equals(locale.getLanguage());
        Overview o = statistics.overview(caller);
        List<Bar> provinces = o.byProvince().stream().map(c -> new Bar(c.key(),
                reference.region(c.key()).map(r -> r.name(en)).orElse(c.key()), c.count())).toList();
        List<Bar> chains = o.byChain().stream().map(c -> new Bar(c.key(),
                ChainTag.parse(c.key()).map(t -> t.name(en)).orElse(c.key()), c.count())).toList();
        model.addAttribute("overview", o);
        model.addAttribute("scopeName", o.scope().equals("national") ? null
                : reference.region(o.scope()).map(r -> r.name(en)).orElse(o.scope()));
        model.addAttribute("provinces", provinces);
        model.addAttribute("chains", chains);
        model.addAttribute("sizes", o.bySize());
        model.addAttribute("chartData", Map.of(
                "provinces", Map.of("labels", provinces.stream().map(Bar::label).toList(),
                        "values", provinces.stream().map(Bar::count).toList()),
                "chains", Map.of("labels", chains.stream().map(Bar::label).toList(),
                        "values", chains.stream().map(Bar::count).toList())));
        return "statistics/overview";
    }
}
