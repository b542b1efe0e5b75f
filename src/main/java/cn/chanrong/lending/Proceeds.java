package cn.chanrong.lending;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The loans whose money fund-usage monitoring follows: what was paid out, to whom, when, for what. */
public interface Proceeds {

    /**
     * A loan paid out to its borrower; {@code paymentMode} ENTRUSTED or SELF, {@code purpose} as contracted,
     * {@code renewalOf} the loan it renews when it is a declared renewal (借新还旧 on the record), else null;
     * {@code productId} the product it was granted under (null when none was named).
     */
    record Disbursed(long loanId, String number, long institutionId, long borrowerId, BigDecimal principal,
                     LocalDate disbursedOn, String paymentMode, String purpose, Long renewalOf, Long productId) {
    }

    /** The borrower's loans at the institution disbursed between the dates (both included), latest first. */
    List<Disbursed> disbursed(long institutionId, long borrowerId, LocalDate from, LocalDate to);

    /**
     * A payee a disbursement or a drawdown listed, {@code entrusted} when the bank paid it (受托支付), else paid by
     * the borrower from the proceeds (自主支付).
     */
    record Payee(String name, String account, boolean entrusted) {
    }

    /** The payees listed for each of these loans (a loan that listed none is absent). */
    java.util.Map<Long, List<Payee>> payees(java.util.Collection<Long> loanIds);

    /** An outstanding loan a registry filing secures (its collateral or pledge was filed under that number). */
    record Secured(long loanId, String number, long institutionId, long borrowerId, Long productId, LocalDate disbursedOn) {
    }

    /** The outstanding (active) loans secured by the filing of that number. */
    List<Secured> securedBy(String filingNumber);

    /** The institution's loans paid out between the dates (both included), oldest first, at most {@code limit}. */
    List<Disbursed> disbursedBy(long institutionId, LocalDate from, LocalDate to, int limit);

    /** The institution's paid-out loan of that number, as its people know it (none when another holds it). */
    java.util.Optional<Disbursed> disbursedNumbered(long institutionId, String number);

    /** Self-paid (自主支付) loans of every institution disbursed between the dates (both included), oldest first. */
    List<Disbursed> selfPaid(LocalDate from, LocalDate to);
}
