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

    private final cn.chanrong.platform.ApiErrors errors;

    DashboardPages(PolicyDashboard dashboard, cn.chanrong.policy.CarbonReductions carbon,
                   cn.chanrong.reference.BusinessDate businessDate, cn.chanrong.platform.ApiErrors errors) {
        this.errors = errors;
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
        boolean records = caller.is(cn.chanrong.identity.Role.INSTITUTION)
                && (caller.hasAuthority("operator") || caller.hasAuthority("approver"));
        model.addAttribute("carbonCandidates", records ? carbon.candidates(caller) : java.util.List.of());
        model.addAttribute("recordsCarbon", records);
        return "policy/dashboard";
    }

    /** The bank records a green loan's verified reduction, the loan chosen by number and borrower from its green book. */
    @org.springframework.web.bind.annotation.PostMapping("/policy/carbon-reductions")
    @PreAuthorize("hasRole('INSTITUTION')")
    String record(Caller caller, java.util.Locale locale,
                  @org.springframework.web.bind.annotation.RequestParam(required = false) String loan,
                  @org.springframework.web.bind.annotation.RequestParam(required = false) String co2Tonnes,
                  @org.springframework.web.bind.annotation.RequestParam(required = false) String verifier,
                  @org.springframework.web.bind.annotation.RequestParam(required = false) String verifiedOn,
                  @org.springframework.web.bind.annotation.RequestParam(required = false) String verificationMethod,
                  org.springframework.web.servlet.mvc.support.RedirectAttributes flash) {
        try {
            java.util.List<cn.chanrong.shared.Rejection> problems = new java.util.ArrayList<>();
            java.math.BigDecimal tonnes = co2Tonnes == null || co2Tonnes.isBlank() ? null : cn.chanrong.shared.Amounts.parse(
                    co2Tonnes.strip(), "co2Tonnes", false, new java.math.BigDecimal("100000000.00"), problems);
            java.time.LocalDate day = verifiedOn == null || verifiedOn.isBlank() ? null
                    : cn.chanrong.shared.Dates.required(verifiedOn, "verifiedOn", problems);
            if (!problems.isEmpty()) {
                throw cn.chanrong.shared.Rejected.invalid(problems);
            }
            carbon.record(caller, new cn.chanrong.policy.CarbonReductions.Request(loan, tonnes, verifier, day,
                    verificationMethod));
            flash.addFlashAttribute("carbonSaved", true);
        } catch (cn.chanrong.shared.Rejected r) {
            flash.addFlashAttribute("problems", errors.messages(r, locale));
        }
        return "redirect:/policy/dashboard#carbon";
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
