package cn.chanrong.lending.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.lending.PaymentRules;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An institution's thresholds of entrusted payment, set by its approvers from a date, audited. */
@Service
class PaymentRuleService implements PaymentRules {

    private final PaymentRuleStore store;
    private final BusinessDate businessDate;
    private final AuditTrail audit;

    PaymentRuleService(PaymentRuleStore store, BusinessDate businessDate, AuditTrail audit) {
        this.store = store;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Rule> list(Caller caller) {
        return store.rows(caller.institutionId()).stream().map(PaymentRuleService::rule).toList();
    }

    @Override
    @Transactional
    public Rule set(Caller caller, Request r) {
        if (!caller.is(Role.INSTITUTION) || !caller.hasAuthority("approver")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.approver-only", null));
        }
        List<Rejection> problems = new ArrayList<>();
        if (r.effectiveFrom() == null) {
            problems.add(Rejection.of("required", "effectiveFrom"));
        } else if (r.effectiveFrom().isBefore(businessDate.today())) {
            problems.add(Rejection.of("date.too-early", "effectiveFrom", r.effectiveFrom(), businessDate.today()));
        }
        BigDecimal single = positive(r.singlePayment(), "singlePayment", problems);
        BigDecimal payment = positive(r.fixedAssetPayment(), "fixedAssetPayment", problems);
        BigDecimal share = Amounts.checkRatio(r.fixedAssetShare(), "fixedAssetShare", BigDecimal.ONE, problems);
        if (share != null && share.signum() == 0) {
            problems.add(Rejection.of("range", "fixedAssetShare", "0", "1", share.toPlainString()));
        }
        if (r.averageGrade() == null || !EntrustedPayees.GRADES.contains(r.averageGrade())) {
            problems.add(Rejection.of("enum", "averageGrade", r.averageGrade(), String.join(", ", EntrustedPayees.GRADES)));
        }
        String source = r.source() == null ? null : r.source().strip();
        if (source == null || source.length() < 2 || source.length() > 500) {
            problems.add(Rejection.of("length", "source", 2, 500));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        PaymentRuleStore.Row row = new PaymentRuleStore.Row(caller.institutionId(), r.effectiveFrom(), single, share, payment,
                r.averageGrade(), source, caller.username());
        store.put(row);
        audit.record(AuditEvent.success(caller.username(), "lending.payment-rule.set", "institution", caller.institutionId(),
                "from " + r.effectiveFrom() + ": single payment " + single + ", fixed asset " + share + " / " + payment
                        + ", average grade " + r.averageGrade()));
        return rule(row);
    }

    private static BigDecimal positive(BigDecimal v, String field, List<Rejection> problems) {
        BigDecimal out = Amounts.check(v, field, false, FacilityService.MAX_AMOUNT, problems);
        if (out != null && out.signum() == 0) {
            problems.add(Rejection.of("range", field, "0.01", FacilityService.MAX_AMOUNT.toPlainString(), "0"));
            return null;
        }
        return out;
    }

    private static Rule rule(PaymentRuleStore.Row r) {
        return new Rule(r.institutionId(), r.effectiveFrom(), r.singlePayment(), r.fixedAssetShare(), r.fixedAssetPayment(),
                r.averageGrade(), r.source(), r.createdBy());
    }
}
