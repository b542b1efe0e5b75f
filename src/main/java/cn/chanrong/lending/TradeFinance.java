package cn.chanrong.lending;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Supply-chain financings booked as loans: a receivable financed, a voucher part discounted, goods
 * pledged. Each is a credit asset of the funder under its facility on the <em>risk obligor</em> (the
 * debtor, the seller or the voucher's issuer), paid out and booked in the ledger in the caller's
 * transaction, so a financing, its registry filing and its booking commit together or not at all.
 */
public interface TradeFinance {

    /**
     * One financing. {@code principal} is what the funder pays out; {@code interest} what it earns at
     * {@code maturity} (a discount's interest, or the advance's interest for the period), both in
     * yuan to the fen; {@code annualRate} in percent, for the record. The funder's active facility on
     * {@code obligorId} is drawn ({@code facilityId} null picks the oldest one with the principal available, else the oldest). {@code reference}
     * names what was financed, e.g. {@code receivable:AR2026…}.
     */
    record Booking(long institutionId, long borrowerId, long obligorId, Long facilityId, BigDecimal principal,
                   BigDecimal interest, BigDecimal annualRate, LocalDate valueDate, LocalDate maturity, String purpose,
                   String reference, String payee, String actor) {
    }

    /** Books and pays out; refused (nothing written) when the facility is missing, inactive or short. */
    Loan book(Booking booking);

    /**
     * Money collected for a financing (the debtor's or issuer's payment into the funder's account) on
     * {@code valueDate}: pays what is due, or settles the loan when it covers the payoff. Returns the
     * amount applied, never more than the loan owes; the rest belongs to the seller.
     */
    BigDecimal collect(long loanId, BigDecimal amount, LocalDate valueDate, String actor);

    /** The loan booked for a reference, if any. */
    java.util.Optional<Loan> byReference(String reference);
}
