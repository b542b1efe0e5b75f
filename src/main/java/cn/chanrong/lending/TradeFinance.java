package cn.chanrong.lending;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Supply-chain financings booked as loans: a receivable financed, a voucher part discounted, goods
 * pledged. Each is a credit asset of the funder under its facility on the <em>risk obligor</em> (the
 * debtor, the seller or the voucher's issuer), paid out and booked in the ledger in the caller's
 * transaction, so a financing, its registry filing and its booking commit together or not at all. The
 * loan is contracted and disbursed through the same single step as every other loan; its one
 * installment is resolved by the schedule core (simple interest for the days on ACT/360, rounded HALF_UP
 * to the fen once).
 */
public interface TradeFinance {

    /** When the interest is taken: with the principal at maturity, or deducted from the face value up front (贴现). */
    enum Interest { AT_MATURITY, IN_ADVANCE }

    /**
     * One financing, priced by lending. {@code amount} is the principal paid out when the interest is
     * paid {@link Interest#AT_MATURITY at maturity}; the face value when it is taken
     * {@link Interest#IN_ADVANCE in advance}, and then the principal is the payout (face value less the
     * interest) and the loan repays the face value. {@code annualRate} in percent. The funder's active
     * facility on {@code obligorId} is drawn ({@code facilityId} null picks the oldest one with the
     * principal available, else the oldest). {@code reference} names what was financed, e.g.
     * {@code receivable:AR2026…}.
     */
    record Financing(long institutionId, long borrowerId, long obligorId, Long facilityId, BigDecimal amount,
                     Interest interest, BigDecimal annualRate, LocalDate valueDate, LocalDate maturity, String purpose,
                     String reference, String payee, String actor, GuaranteeMethod guaranteeMethod, Pledge pledge) {
    }

    /**
     * What a pledge financing holds, recorded on the loan as its security: the asset (a receivable, a
     * warehouse receipt, a document), the registry filing that perfects it, and its value.
     */
    record Pledge(String asset, String filingNumber, BigDecimal value, Integer priorityPosition) {

        public Pledge(String asset, String filingNumber, BigDecimal value) {
            this(asset, filingNumber, value, null);
        }

        /** The same pledge, perfected by {@code number} and ranking {@code position} in the register (1 first). */
        public Pledge filed(String number, int position) {
            return new Pledge(asset, number, value, position);
        }
    }

    /** What a financing pays out and earns, as {@link #finance} would book it. */
    record Priced(BigDecimal principal, BigDecimal interest) {
    }

    /** The principal and interest of a financing, computed and nothing booked; refused when the terms make none. */
    Priced price(Financing financing);

    /** Books and pays out; refused (nothing written) when the facility is missing, inactive or short. */
    Loan finance(Financing financing);

    /**
     * One financing priced by the caller. {@code principal} is what the funder pays out; {@code interest}
     * what it earns at maturity (a discount's interest, or the advance's interest for the period), both
     * in yuan to the fen; {@code annualRate} in percent. The interest must be what the schedule core
     * gives the terms — on the principal, or on principal plus interest for a discount — so the caller's
     * figure and the loan's schedule cannot differ. Prefer {@link Financing}, which states the timing.
     */
    record Booking(long institutionId, long borrowerId, long obligorId, Long facilityId, BigDecimal principal,
                   BigDecimal interest, BigDecimal annualRate, LocalDate valueDate, LocalDate maturity, String purpose,
                   String reference, String payee, String actor, GuaranteeMethod guaranteeMethod, Pledge pledge) {

        /**
         * The same booking with its pledge perfected by the filing {@code number}, ranking {@code position}
         * (nothing changes when it has no pledge).
         */
        public Booking filed(String number, int position) {
            return pledge == null ? this : new Booking(institutionId, borrowerId, obligorId, facilityId, principal, interest,
                    annualRate, valueDate, maturity, purpose, reference, payee, actor, guaranteeMethod,
                    pledge.filed(number, position));
        }
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
