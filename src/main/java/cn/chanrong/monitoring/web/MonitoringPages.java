package cn.chanrong.monitoring.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.monitoring.Monitoring;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The alert queue in the workbench: an institution's officers see their alerts by status, open one with its
 * evidence and confirm or dismiss it with a reason; a financial regulator sees the confirmed cases in its
 * region. Times in Beijing time.
 */
@Controller
class MonitoringPages {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Monitoring monitoring;
    private final ApiErrors errors;
    private final cn.chanrong.monitoring.MonitoringRules rules;

    MonitoringPages(Monitoring monitoring, ApiErrors errors, cn.chanrong.monitoring.MonitoringRules rules) {
        this.monitoring = monitoring;
        this.errors = errors;
        this.rules = rules;
    }

    /** An instant as Beijing time to the minute; a dash when there is none. */
    static String beijing(Instant at) {
        return at == null ? "—" : MINUTE.format(at.atZone(cn.chanrong.reference.BusinessDate.ZONE));
    }

    @GetMapping("/monitoring/alerts")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('REGULATOR') or hasRole('ADMIN')")
    String alerts(Caller caller, Model model, @RequestParam(required = false) String status,
                  @RequestParam(required = false) Integer page) {
        String s = status == null || status.isBlank() ? null : status;
        model.addAttribute("result", monitoring.alerts(caller, s, PageRequest.of(page == null ? 0 : Math.max(0, page), 20)));
        model.addAttribute("status", s);
        model.addAttribute("statuses", cn.chanrong.monitoring.domain.AlertStatus.values());
        model.addAttribute("times", new Times());
        return "monitoring/alerts";
    }

    @GetMapping("/monitoring/alerts/{id}")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('REGULATOR') or hasRole('ADMIN')")
    String alert(Caller caller, @PathVariable long id, Model model) {
        Monitoring.Alert a = monitoring.alert(caller, id);
        model.addAttribute("a", a);
        // the version that raised it, with its parameters, when the caller may read the rules
        model.addAttribute("ruleVersion", rules.version(caller, a.rule(), a.ruleVersion()).orElse(null));
        model.addAttribute("times", new Times());
        model.addAttribute("mayDecide", a.status().open() && caller.is(Role.INSTITUTION)
                && caller.institutionId() == a.institutionId()
                && (caller.hasAuthority("operator") || caller.hasAuthority("approver")));
        model.addAttribute("mayAct", a.status() == cn.chanrong.monitoring.domain.AlertStatus.CONFIRMED
                && caller.is(Role.INSTITUTION) && caller.institutionId() == a.institutionId() && caller.hasAuthority("approver"));
        model.addAttribute("actions", Monitoring.Action.values());
        return "monitoring/alert";
    }

    @PostMapping("/monitoring/alerts/{id}/outcome")
    @PreAuthorize("hasRole('INSTITUTION')")
    String decide(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) String reason, RedirectAttributes flash) {
        try {
            monitoring.decide(caller, id, new Monitoring.OutcomeRequest(outcome, reason));
            flash.addFlashAttribute("saved", true);
        } catch (Rejected r) {
            if (r.kind() == Rejected.Kind.NOT_FOUND) {
                throw r;
            }
            flash.addFlashAttribute("problems", r.rejections().stream().map(x -> errors.message(x, locale)).toList());
        }
        return "redirect:/monitoring/alerts/" + id;
    }

    /**
     * An approver's act on a confirmed case from the alert's page: the amount, date and markup typed are read
     * strictly here (two decimals, an ISO date) and only used for the diversion penalty.
     */
    @PostMapping("/monitoring/alerts/{id}/actions")
    @PreAuthorize("hasRole('INSTITUTION')")
    String act(Caller caller, Locale locale, @PathVariable long id, @RequestParam(required = false) String action,
               @RequestParam(required = false) String reason, @RequestParam(required = false) String amount,
               @RequestParam(required = false) String since, @RequestParam(required = false) String markup,
               RedirectAttributes flash) {
        try {
            java.util.List<cn.chanrong.shared.Rejection> problems = new java.util.ArrayList<>();
            boolean penalty = "DIVERSION_PENALTY".equals(action);
            java.math.BigDecimal diverted = penalty ? money(amount, "amount", problems) : null;
            java.math.BigDecimal mk = penalty ? decimal(markup, "markup", problems) : null;
            java.time.LocalDate from = null;
            if (penalty && since != null && !since.isBlank()) {
                try {
                    from = java.time.LocalDate.parse(since.strip());
                } catch (java.time.format.DateTimeParseException e) {
                    problems.add(cn.chanrong.shared.Rejection.of("date.format", "since", since));
                }
            }
            if (!problems.isEmpty()) {
                throw Rejected.invalid(problems);
            }
            monitoring.act(caller, id, new Monitoring.ActionRequest(action, reason, diverted, from, mk));
            flash.addFlashAttribute("saved", true);
        } catch (Rejected r) {
            if (r.kind() == Rejected.Kind.NOT_FOUND) {
                throw r;
            }
            flash.addFlashAttribute("problems", r.rejections().stream().map(x -> errors.message(x, locale)).toList());
        }
        return "redirect:/monitoring/alerts/" + id;
    }

    /** Money typed in a form: blank is none; else at most two decimals, no exponent. */
    private static java.math.BigDecimal money(String raw, String field, java.util.List<cn.chanrong.shared.Rejection> problems) {
        return raw == null || raw.isBlank() ? null
                : cn.chanrong.shared.Amounts.parse(raw.strip(), field, false, MonitoringApi.MAX_AMOUNT, problems);
    }

    private static java.math.BigDecimal decimal(String raw, String field, java.util.List<cn.chanrong.shared.Rejection> problems) {
        return raw == null || raw.isBlank() ? null : cn.chanrong.shared.Amounts.decimal(raw.strip(), field, 4, problems);
    }

    /** Formats instants for the templates. */
    static final class Times {
        public String beijing(Instant at) {
            return MonitoringPages.beijing(at);
        }
    }
}
