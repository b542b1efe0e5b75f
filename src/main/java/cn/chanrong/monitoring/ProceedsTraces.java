package cn.chanrong.monitoring;

import cn.chanrong.identity.Caller;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a loan's money went (issue 18 §3): followed from the borrower's account through the accounts whose
 * payments the lending bank reported, first in first out; what left the visible accounts and what is still on
 * them add up to the principal with what could not be followed. The rules are on
 * {@link cn.chanrong.monitoring.domain.ProceedsTrace}.
 */
public interface ProceedsTraces {

    /** An account the money passed through; {@code holder} as the paying bank named it. */
    record Hop(String account, String holder) {
    }

    /**
     * Money that left the accounts the platform sees: the path it took, the counterparty, its category, from the
     * first to the last day; {@code end} NOT_VISIBLE (the counterparty's account is not seen) or HOP_LIMIT.
     */
    record Destination(List<Hop> path, String counterpartyAccount, String counterpartyName, String category,
                       BigDecimal amount, LocalDate first, LocalDate last, String end) {
    }

    /** Money still on a visible account when the window closes. */
    record Holding(List<Hop> path, String account, BigDecimal amount) {
    }

    /**
     * A loan's trace: through {@code through} (the disbursement plus the window, or today), at most
     * {@code maxHops} hops; {@code account} the account the money landed in (null when the bank reported no
     * payment on the borrower's accounts: then all of it is {@code unseen}); {@code left + held + unseen =
     * principal}; {@code truncated} when the accounts or movements read hit their bound.
     */
    record Trace(long loanId, String loanNumber, String borrowerName, BigDecimal principal, LocalDate disbursedOn,
                 String account, int maxHops, int windowDays, LocalDate through, List<Destination> destinations,
                 List<Holding> holdings, BigDecimal left, BigDecimal held, BigDecimal unseen, boolean truncated) {
    }

    /** The loan's trace: its institution's staff and the financial regulators who may see the loan. */
    Trace trace(Caller caller, long loanId);
}
