package cn.chanrong.lending.internal;

import cn.chanrong.credit.CreditDecisions;
import cn.chanrong.credit.decision.RatingScale;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.Products;
import cn.chanrong.institution.domain.ProductType;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.Loans.Payee;
import cn.chanrong.lending.PaymentCheck;
import cn.chanrong.lending.domain.EntrustedPaymentRules.Facts;
import cn.chanrong.lending.domain.EntrustedPaymentRules.Mode;
import cn.chanrong.lending.domain.EntrustedPaymentRules.Payment;
import cn.chanrong.lending.domain.EntrustedPaymentRules;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who a disbursement pays, and how: each listed counterparty entrusted (the bank pays it, 受托支付) or
 * self-paid (自主支付), checked payment by payment against {@link EntrustedPaymentRules} with the
 * thresholds in force for the lender on the value date.
 */
@Component
class EntrustedPayees {

    static final List<String> GRADES = RatingScale.GRADES.stream().map(RatingScale.Grade::code).toList();

    private final PaymentRuleStore rules;
    private final CreditDecisions decisions;
    private final Products products;
    private final ObjectProvider<PaymentCheck> checks;

    EntrustedPayees(PaymentRuleStore rules, CreditDecisions decisions, Products products, ObjectProvider<PaymentCheck> checks) {
        this.checks = checks;
        this.rules = rules;
        this.decisions = decisions;
        this.products = products;
    }

    /**
     * The payees checked: each named, amounts adding up to the principal under entrusted payment (a single
     * payee without an amount takes all of it) and to no more than it under self-payment, where the
     * unlisted rest is the borrower's own; then each payment against the rules.
     */
    List<Payee> check(Loan l, LocalDate date, List<Payee> given, String actor) {
        boolean contractEntrusted = "ENTRUSTED".equals(l.paymentMode());
        if (contractEntrusted && given.isEmpty()) {
            throw Rejected.invalid(Rejection.of("lending.disburse.payee-required", "payee"));
        }
        List<Rejection> problems = new ArrayList<>();
        List<Payee> out = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Payee p : given) {
            Mode mode = mode(p.mode(), contractEntrusted, problems);
            if (p.name() == null || p.name().strip().length() < 2) {
                problems.add(Rejection.of("required", "payee"));
                continue;
            }
            BigDecimal amount = given.size() == 1 && p.amount() == null ? l.principal()
                    : Amounts.check(p.amount(), "amount", false, FacilityService.MAX_AMOUNT, problems);
            String invoice = p.invoice() == null || p.invoice().isBlank() ? null : p.invoice().strip();
            if (invoice != null && !invoice.matches("[0-9]{20}")) {
                problems.add(Rejection.of("lending.disburse.invoice-format", "invoice", invoice));
                continue;
            }
            if (amount != null && mode != null) {
                total = total.add(amount);
                out.add(new Payee(p.name().strip(), p.account() == null || p.account().isBlank() ? null : p.account().strip(),
                        amount, mode.name(), invoice));
            }
        }
        int against = total.compareTo(l.principal());
        if (problems.isEmpty() && !out.isEmpty() && (contractEntrusted ? against != 0 : against > 0)) {
            problems.add(Rejection.of("lending.disburse.payee-total", "payees", total.toPlainString(),
                    l.principal().toPlainString()));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        List<Payment> payments = new ArrayList<>(out.stream()
                .map(p -> new Payment(p.name(), p.amount(), Mode.valueOf(p.mode()))).toList());
        if (total.compareTo(l.principal()) < 0) {
            payments.add(new Payment(null, l.principal().subtract(total), Mode.SELF));
        }
        var thresholds = rules.inForce(l.institutionId(), date);
        if (thresholds.isPresent()) {
            problems.addAll(EntrustedPaymentRules.check(payments, facts(l, date, contractEntrusted, thresholds.get()),
                    thresholds.get()));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        // before the money leaves: each payment's supporting document, where another module checks it
        List<PaymentCheck.Payment> released = out.stream().map(p -> new PaymentCheck.Payment(l.id(), l.number(),
                l.institutionId(), l.borrowerId(), p.name(), p.account(), p.amount(), p.mode(), p.invoice(), date)).toList();
        checks.orderedStream().forEach(c -> problems.addAll(c.clear(released, actor)));
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return out;
    }

    private Facts facts(Loan l, LocalDate date, boolean contractEntrusted, EntrustedPaymentRules.Thresholds t) {
        boolean newlyRelated = rules.newlyRelated(l.id(), date);
        String grade = newlyRelated ? grade(l) : null;
        BigDecimal investment = rules.projectInvestment(l.id()).orElse(null);
        return new Facts(contractEntrusted, newlyRelated, grade,
                EntrustedPaymentRules.averageStanding(grade, t.averageGrade(), GRADES),
                investment != null || fixedAsset(l), investment);
    }

    /** The lender's latest credit decision's grade on the borrower; null when it has none. */
    private String grade(Loan l) {
        Caller lender = new Caller("lending", Role.INSTITUTION, null, l.institutionId(), null, null, Set.of());
        return decisions.list(lender, l.borrowerId(), PageRequest.of(0, 1)).items().stream().findFirst()
                .map(CreditDecisions.Decision::grade).orElse(null);
    }

    private boolean fixedAsset(Loan l) {
        if ("FIXED_ASSET".equals(l.purpose())) {
            return true;
        }
        try {
            return l.productId() != null
                    && products.get(Caller.system("lending"), l.productId()).type() == ProductType.FIXED_ASSET_LOAN;
        } catch (Rejected e) {
            return false;
        }
    }

    private static Mode mode(String raw, boolean contractEntrusted, List<Rejection> problems) {
        if (raw == null || raw.isBlank()) {
            return contractEntrusted ? Mode.ENTRUSTED : Mode.SELF;
        }
        try {
            return Mode.valueOf(raw.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            problems.add(Rejection.of("enum", "mode", raw, "ENTRUSTED, SELF"));
            return null;
        }
    }
}
