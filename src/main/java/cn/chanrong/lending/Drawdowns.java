package cn.chanrong.lending;

import cn.chanrong.identity.Caller;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One contract, one or several drawdowns. The first disbursement may draw part of the contracted
 * amount; each later drawdown is a loan (借据) of its own under the contract, with its own schedule
 * ending at the contract's maturity, until the contracted amount is drawn.
 */
public interface Drawdowns {

    /** The contract: its amount, what is drawn and what remains, and each drawdown. */
    record Contract(long contractLoanId, String number, BigDecimal contractAmount, BigDecimal drawn, BigDecimal available,
                    LocalDate maturity, List<Loan> drawdowns) {
    }

    /** Disburses the contract's first loan for {@code amount} (≤ the contracted amount). */
    Loan disburseFirst(Caller caller, long loanId, LocalDate valueDate, BigDecimal amount, List<Loans.Payee> payees);

    /** A later drawdown under the contract of {@code contractLoanId}. */
    Loan draw(Caller caller, long contractLoanId, LocalDate valueDate, BigDecimal amount, List<Loans.Payee> payees);

    Contract contract(Caller caller, long loanId);
}
