package cn.chanrong.policy.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.lending.Loans;
import java.math.BigDecimal;

/** What the policy claims read of a written-off loan: the principal its write-off movements took off the books. */
final class LoanLosses {

    /** The loan movement lending records for a write-off. */
    static final String WRITE_OFF = "WRITE_OFF";

    private LoanLosses() {
    }

    static BigDecimal principalWrittenOff(Loans loans, Caller caller, long loanId) {
        return loans.transactions(caller, loanId).stream().filter(x -> WRITE_OFF.equals(x.type()))
                .map(Loans.Transaction::principal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
