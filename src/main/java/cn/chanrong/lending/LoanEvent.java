package cn.chanrong.lending;

import cn.chanrong.lending.domain.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Events lending publishes through the outbox for the modules that react later. */
public sealed interface LoanEvent {

    long loanId();

    record LoanDisbursed(long loanId, long institutionId, long borrowerId, BigDecimal amount, LocalDate valueDate)
            implements LoanEvent {
    }

    record LoanRepaid(long loanId, long institutionId, long borrowerId, LocalDate valueDate) implements LoanEvent {
    }

    /**
     * Money recovered on a written-off loan, published in the recording transaction to listeners that act in it (the
     * guarantee chain shares a recovery back); {@code actor} is who recorded it.
     */
    record LoanRecovered(long loanId, long institutionId, BigDecimal amount, LocalDate valueDate, String actor)
            implements LoanEvent {
    }

    record LoanClassified(long loanId, long institutionId, long borrowerId, Tier from, Tier to, String rule,
                          LocalDate businessDate) implements LoanEvent {
    }
}
