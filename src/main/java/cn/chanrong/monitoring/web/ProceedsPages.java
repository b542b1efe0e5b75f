package cn.chanrong.monitoring.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.monitoring.ProceedsTraces;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A loan's money on a page: the figures that add up to the principal, the paths as tables and as a flow chart. */
@Controller
class ProceedsPages {

    private final ProceedsTraces traces;
    private final org.springframework.context.MessageSource messages;
    private final cn.chanrong.monitoring.Monitoring monitoring;
    private final cn.chanrong.platform.ApiErrors errors;

    ProceedsPages(ProceedsTraces traces, org.springframework.context.MessageSource messages,
                  cn.chanrong.monitoring.Monitoring monitoring, cn.chanrong.platform.ApiErrors errors) {
        this.traces = traces;
        this.messages = messages;
        this.monitoring = monitoring;
        this.errors = errors;
    }

    /** The lender's officer takes the flows of the borrower's accounts at other banks, under its post-loan consent. */
    @org.springframework.web.bind.annotation.PostMapping("/monitoring/loans/{id}/consented-flows")
    @PreAuthorize("hasRole('INSTITUTION')")
    String consentedFlows(Caller caller, @PathVariable long id, java.util.Locale locale,
                          org.springframework.web.servlet.mvc.support.RedirectAttributes flash) {
        try {
            var r = monitoring.consentedFlows(caller, id);
            flash.addFlashAttribute("taken", r);
        } catch (cn.chanrong.shared.Rejected r) {
            if (r.kind() == cn.chanrong.shared.Rejected.Kind.NOT_FOUND) {
                throw r;
            }
            flash.addFlashAttribute("problems", r.rejections().stream().map(x -> errors.message(x, locale)).toList());
        }
        return "redirect:/monitoring/loans/" + id + "/proceeds";
    }

    @GetMapping("/monitoring/loans/{id}/proceeds")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('REGULATOR') or hasRole('ADMIN')")
    String proceeds(Caller caller, @PathVariable long id, Model model, java.util.Locale locale) {
        ProceedsTraces.Trace t = traces.trace(caller, id);
        model.addAttribute("t", t);
        model.addAttribute("lender", caller.is(cn.chanrong.identity.Role.INSTITUTION));
        model.addAttribute("flow", flow(t, messages.getMessage("monitoring.proceeds.held-node", null, locale)));
        return "monitoring/proceeds";
    }

    /**
     * The trace as a Sankey chart's nodes and links: a node per account at each hop (so that money coming back
     * to the borrower draws no cycle), per counterparty where money left and per account where it is still held
     * ({@code heldLabel}); a link per step with its amount.
     */
    static Map<String, Object> flow(ProceedsTraces.Trace t, String heldLabel) {
        Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
        Map<String, BigDecimal> links = new LinkedHashMap<>();
        for (ProceedsTraces.Destination d : t.destinations()) {
            String last = path(d.path(), d.amount(), nodes, links);
            String to = "out:" + (d.counterpartyAccount() == null ? d.counterpartyName() : d.counterpartyAccount());
            nodes.putIfAbsent(to, node(to, d.counterpartyName() == null ? d.counterpartyAccount() : d.counterpartyName()));
            links.merge(last + "\u0000" + to, d.amount(), BigDecimal::add);
        }
        for (ProceedsTraces.Holding h : t.holdings()) {
            String last = path(h.path(), h.amount(), nodes, links);
            String held = "held:" + last;
            nodes.putIfAbsent(held, node(held, heldLabel + " …" + tail(h.account())));
            links.merge(last + "\u0000" + held, h.amount(), BigDecimal::add);
        }
        List<Map<String, Object>> linkList = new ArrayList<>();
        links.forEach((k, v) -> {
            String[] ends = k.split("\u0000");
            linkList.add(Map.of("source", ends[0], "target", ends[1], "value", v));
        });
        return Map.of("nodes", List.copyOf(nodes.values()), "links", linkList);
    }

    private static String path(List<ProceedsTraces.Hop> path, BigDecimal amount, Map<String, Map<String, Object>> nodes,
                               Map<String, BigDecimal> links) {
        String previous = null;
        for (int i = 0; i < path.size(); i++) {
            ProceedsTraces.Hop h = path.get(i);
            String id = i + ":" + h.account();
            nodes.putIfAbsent(id, node(id, (h.holder() == null ? "" : h.holder() + " ") + "…" + tail(h.account())));
            if (previous != null) {
                links.merge(previous + "\u0000" + id, amount, BigDecimal::add);
            }
            previous = id;
        }
        return previous;
    }

    private static Map<String, Object> node(String id, String label) {
        return Map.of("name", id, "label", label == null ? id : label);
    }

    private static String tail(String account) {
        return account.length() <= 4 ? account : account.substring(account.length() - 4);
    }
}
