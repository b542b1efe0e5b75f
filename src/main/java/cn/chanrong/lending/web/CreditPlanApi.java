package cn.chanrong.lending.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.lending.CreditPlans;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/credit-plans")
@Tag(name = "credit plan", description = "The manufacturing credit plan (单列制造业信贷计划): targets against the book, and"
        + " provisions against their floors")
class CreditPlanApi {

    private final CreditPlans plans;

    CreditPlanApi(CreditPlans plans) {
        this.plans = plans;
    }

    @PutMapping(value = "/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Set the institution's targets for a year (approvers); shares as fractions, amounts in yuan")
    CreditPlans.Report set(Caller caller, @PathVariable int year, @RequestBody CreditPlans.Request body) {
        plans.set(caller, year, body);
        return plans.report(caller, caller.institutionId(), year);
    }

    @PutMapping(value = "/provisioning", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Set the institution's provision rates by tier and the floors of 拨备覆盖率 and 贷款拨备率 from a date"
            + " (approvers); fractions")
    CreditPlans.Provisions provisioning(Caller caller, @RequestBody CreditPlans.ProvisioningRequest body) {
        return plans.setProvisioning(caller, body);
    }

    @GetMapping("/{year}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Plan versus actual: an institution's own, or every institution's for regulators")
    List<CreditPlans.Report> reports(Caller caller, @PathVariable int year) {
        if (caller.is(Role.INSTITUTION)) {
            return List.of(plans.report(caller, caller.institutionId(), year));
        }
        return plans.reports(caller, year);
    }
}
