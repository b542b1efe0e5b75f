package cn.chanrong.monitoring;

import cn.chanrong.identity.Caller;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Self-paid loans (自主支付, issue 18 §5): the borrower reports what it paid with the loan — payee, amount,
 * purpose, invoice or contract number — by the agreed day; each use is matched to a payment the bank reported
 * ({@link cn.chanrong.monitoring.domain.UseMatch}), documents are sampled for the officer, and a payment that
 * carried the loan's money with no use reported for it raises an alert once the day has passed.
 */
public interface UseReports {

    /** Rule of the alert on a payment of the loan's money that no reported use accounts for. */
    String RULE = "use-unreported";
    int RULE_VERSION = 1;
    /** A report of more uses than this is refused whole; a loan's uses come in a few reports at most. */
    int MAX_USES = 200;

    /** A use as the borrower reports it, read at the edge. */
    record Use(String payeeName, String payeeAccount, BigDecimal amount, String purpose, String documentNumber,
               LocalDate paidOn) {
    }

    /** A reported use and the payment it matched, if any; {@code sampled}: its document goes to the officer. */
    record Reported(long id, String payeeName, String payeeAccount, BigDecimal amount, String purpose, String documentNumber,
                    LocalDate paidOn, boolean matched, String paymentReference, LocalDate paymentDate, boolean sampled,
                    String reportedBy, Instant reportedAt) {
    }

    /** A payment out of the borrower's account that carried {@code loanMoney} of the loan, with no use reported. */
    record Unreported(long paymentId, String bankReference, String counterpartyName, BigDecimal amount, BigDecimal loanMoney,
                      LocalDate valueDate) {
    }

    /**
     * A self-paid loan's uses: reported by {@code dueBy}; {@code reported} and {@code matched} their sums;
     * {@code paidOut} the loan's money seen leaving the borrower's account (first in, first out, as the trace
     * allocates it); the payments that carried it with no use reported.
     */
    record Ledger(long loanId, String loanNumber, String borrowerName, BigDecimal principal, LocalDate disbursedOn,
                  LocalDate dueBy, BigDecimal reported, BigDecimal matched, BigDecimal paidOut, List<Reported> uses,
                  List<Unreported> unreported) {
    }

    /** The borrower reports uses: all of them or none; the ledger after matching. */
    Ledger report(Caller caller, long loanId, List<Use> uses);

    /** The ledger: the borrower, the loan's bank and the financial regulators who may see the loan. */
    Ledger ledger(Caller caller, long loanId);

    /**
     * The daily pass: for each self-paid loan whose reporting day passed in the 30 days up to {@code today} (a missed day loses nothing), the
     * uses are matched again and each payment of the loan's money with no use reported raises {@link #RULE}
     * once. Returns the alerts raised.
     */
    int raiseUnreported(LocalDate today);

    /**
     * The daily check of sales proceeds coming back to the lender (回款归行, rule {@code proceeds-return}, on for the
     * products whose contracts require it): for each borrower whose customers' payments were seen on accounts at
     * other banks under its post-loan consent within the rule's days before {@code today}, when those seen on the
     * lender's accounts are less than the rule's share of all, the largest payment elsewhere raises an alert on the
     * borrower's latest loan there whose product turns the rule on; returns the alerts raised.
     */
    int raiseProceedsNotReturned(LocalDate today);
}
