package cn.chanrong.lending.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.lending.PaymentRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/lending/payment-rules")
@Tag(name = "payment rules", description = "Entrusted payment (受托支付) decided per payment: the thresholds in force,"
        + " effective-dated per institution (流动资金贷款管理办法, 固定资产贷款管理办法 2024)")
class PaymentRuleApi {

    private final PaymentRules rules;

    PaymentRuleApi(PaymentRules rules) {
        this.rules = rules;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The platform's thresholds and the caller's institution's own, latest first")
    List<PaymentRules.Rule> list(Caller caller) {
        return rules.list(caller);
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Set the institution's thresholds from a date (approvers): single payment and fixed-asset amounts"
            + " in yuan, the fixed-asset share as a fraction, the grade at or below which a standing is average")
    PaymentRules.Rule set(Caller caller, @RequestBody PaymentRules.Request body) {
        return rules.set(caller, body);
    }
}
