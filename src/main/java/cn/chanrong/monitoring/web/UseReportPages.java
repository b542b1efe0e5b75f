package cn.chanrong.monitoring.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.monitoring.UseReports;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.util.ArrayList;
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
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A self-paid loan's use of funds on a page: the borrower reports a use; its bank and regulators read the ledger. */
@Controller
class UseReportPages {

    private final UseReports reports;
    private final ApiErrors errors;

    UseReportPages(UseReports reports, ApiErrors errors) {
        this.reports = reports;
        this.errors = errors;
    }

    @GetMapping("/monitoring/loans/{id}/uses")
    @PreAuthorize("isAuthenticated()")
    String uses(Caller caller, @PathVariable long id, Model model) {
        UseReports.Ledger ledger = reports.ledger(caller, id);
        model.addAttribute("u", ledger);
        model.addAttribute("mayReport", caller.is(Role.ENTERPRISE));
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        return "monitoring/uses";
    }

    @PostMapping("/monitoring/loans/{id}/uses")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String report(Caller caller, Locale locale, @PathVariable long id, @RequestParam Map<String, String> form,
                  RedirectAttributes flash) {
        Map<String, String> typed = new LinkedHashMap<>();
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        for (String field : List.of("payeeName", "payeeAccount", "amount", "purpose", "documentNumber", "paidOn")) {
            String v = form.get(field);
            if (v != null && !v.isBlank()) {
                n.put(field, v.strip());
                typed.put(field, v);
            }
        }
        try {
            List<Rejection> problems = new ArrayList<>();
            UseReports.Use use = UseReportsApi.read("", n, problems);
            if (!problems.isEmpty()) {
                throw Rejected.invalid(problems);
            }
            reports.report(caller, id, List.of(use));
            flash.addFlashAttribute("saved", true);
        } catch (Rejected r) {
            if (r.kind() == Rejected.Kind.NOT_FOUND) {
                throw r;
            }
            flash.addFlashAttribute("problems", r.rejections().stream().map(x -> errors.message(x, locale)).toList());
            flash.addFlashAttribute("typed", typed);
        }
        return "redirect:/monitoring/loans/" + id + "/uses";
    }
}
