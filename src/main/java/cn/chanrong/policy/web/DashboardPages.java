package cn.chanrong.policy.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.policy.PolicyDashboard;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The policy money at a glance: the same figures as a page and as JSON. */
@Controller
class DashboardPages {

    private final PolicyDashboard dashboard;
    private final cn.chanrong.policy.CarbonReductions carbon;
    private final cn.chanrong.reference.BusinessDate businessDate;

    DashboardPages(PolicyDashboard dashboard, cn.chanrong.policy.CarbonReductions carbon,
                   cn.chanrong.reference.BusinessDate businessDate) {
        this.dashboard = dashboard;
        this.carbon = carbon;
        this.businessDate = businessDate;
    }

    @GetMapping("/policy/dashboard")
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('REGULATOR') or hasRole('ADMIN')")
    String page(Caller caller, Model model) {
        model.addAttribute("f", dashboard.figures(caller));
        int year = businessDate.today().getYear();
        model.addAttribute("year", String.valueOf(year));
        model.addAttribute("disclosures", carbon.disclosures(caller, year));
        model.addAttribute("reductions", carbon.list(caller, cn.chanrong.shared.PageRequest.of(0, 20)));
        return "policy/dashboard";
    }

    @GetMapping("/api/v1/policy/dashboard")
    @ResponseBody
    @PreAuthorize("hasRole('INSTITUTION') or hasRole('REGULATOR') or hasRole('ADMIN')")
    @io.swagger.v3.oas.annotations.tags.Tag(name = "policy")
    @Operation(summary = "The policy money in the caller's scope: re-lending per programme and bank, subsidies per programme, "
            + "guarantees per scheme with what each stage of the chain paid, the pools' money, green, transition, "
            + "energy-intensive and carbon-reduction lending outstanding by key chain and by province")
    PolicyDashboard.Figures figures(Caller caller) {
        return dashboard.figures(caller);
    }
}
