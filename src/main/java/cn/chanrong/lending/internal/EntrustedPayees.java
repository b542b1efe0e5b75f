package cn.chanrong.lending.internal;

import cn.chanrong.lending.Loan;
import cn.chanrong.lending.Loans.Payee;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Entrusted payment (受托支付): who the bank pays directly, and how much each. */
final class EntrustedPayees {

    private EntrustedPayees() {
    }

    /**
     * The payees checked against the payment mode: entrusted payment needs at least one, each named,
     * amounts adding up to the principal (a single payee without an amount takes all of it).
     */
    static List<Payee> check(Loan l, List<Payee> given) {
        if ("ENTRUSTED".equals(l.paymentMode()) && given.isEmpty()) {
            throw Rejected.invalid(Rejection.of("lending.disburse.payee-required", "payee"));
        }
        List<Rejection> problems = new ArrayList<>();
        List<Payee> out = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Payee p : given) {
            if (p.name() == null || p.name().strip().length() < 2) {
                problems.add(Rejection.of("required", "payee"));
                continue;
            }
            BigDecimal amount = given.size() == 1 && p.amount() == null ? l.principal()
                    : Amounts.check(p.amount(), "amount", false, FacilityService.MAX_AMOUNT, problems);
            if (amount != null) {
                total = total.add(amount);
                out.add(new Payee(p.name().strip(), p.account() == null || p.account().isBlank() ? null : p.account().strip(),
                        amount));
            }
        }
        if (problems.isEmpty() && !out.isEmpty() && total.compareTo(l.principal()) != 0) {
            problems.add(Rejection.of("lending.disburse.payee-total", "payees", total.toPlainString(),
                    l.principal().toPlainString()));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        return out;
    }
}
