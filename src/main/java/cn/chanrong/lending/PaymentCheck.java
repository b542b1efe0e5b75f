package cn.chanrong.lending;

import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A check every payment of a loan's proceeds passes before its money leaves, run inside the disbursing
 * transaction, after the entrusted-payment rules. Lending declares it and does not know who answers:
 * the monitoring module implements it (its supporting-invoice check). A refusal rolls the whole
 * disbursement back.
 */
public interface PaymentCheck {

    /** One payment as it is about to be released: to whom, how much, how paid, on what document. */
    record Payment(long loanId, String loanNumber, long institutionId, long borrowerId, String payee, String account,
                   BigDecimal amount, String mode, String invoice, LocalDate valueDate) {
    }

    /**
     * Why the payments may not go, each reason naming its field; none when they may, in which case what
     * they rest on is recorded as used in the caller's transaction.
     */
    List<Rejection> clear(List<Payment> payments, String actor);
}
