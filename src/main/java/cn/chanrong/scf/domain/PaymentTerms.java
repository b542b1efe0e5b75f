package cn.chanrong.scf.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When a payment for delivered goods, works or services was due, and by how many days it was
 * late, under the Regulations on Ensuring Payments to SMEs (保障中小企业款项支付条例, in force
 * 2025-06-01; FACTS §4):
 * <ul>
 * <li>a public body (机关、事业单位) pays an SME within 30 days of delivery; a contract may set a
 * term, but never beyond 60 days ({@link Rule#PUBLIC_30}, {@link Rule#CONTRACT},
 * {@link Rule#PUBLIC_60} when the contract's longer term is cut to 60);</li>
 * <li>a large enterprise pays an SME within 60 days of delivery unless the contract sets another
 * term ({@link Rule#LARGE_60}, {@link Rule#CONTRACT}); whether that term is "reasonable" is a
 * judgment left to people, not computed here;</li>
 * <li>any other payment is due when the contract says, and without a contract term there is no
 * statutory date to be late against.</li>
 * </ul>
 * Days count from the delivery (or inspection / agreed settlement) date the caller passes; paying
 * on the last day is on time. Paying with an e-voucher or a commercial bill does not lengthen the
 * term: the voucher counts as paid on its maturity ({@link #overdueByVoucher}).
 */
public final class PaymentTerms {

    /** Statutory days for a public body paying an SME. */
    public static final int PUBLIC_DAYS = 30;
    /** The most a contract may allow a public body. */
    public static final int PUBLIC_MAX_DAYS = 60;
    /** Statutory days for a large enterprise paying an SME when the contract is silent. */
    public static final int LARGE_DAYS = 60;

    private PaymentTerms() {
    }

    /** Which term decided the due date. */
    public enum Rule { CONTRACT, LARGE_60, PUBLIC_30, PUBLIC_60 }

    /** The term that applies: the due date and the rule behind it. */
    public record Term(LocalDate dueOn, Rule rule) {
    }

    /**
     * A late payment: the due date, the days late as of payment (or as of the reporting date while
     * unpaid), the rule applied and whether it is still unpaid.
     */
    public record Breach(LocalDate dueOn, long daysLate, Rule rule, boolean unpaid) {
    }

    /** The term for these parties, empty when neither the contract nor the regulation sets one. */
    public static Optional<Term> term(LocalDate delivered, Integer contractTermDays, boolean debtorLarge,
                                      boolean creditorSme, boolean debtorPublicBody) {
        if (contractTermDays != null && contractTermDays < 0) {
            throw new IllegalArgumentException("a contract term cannot be negative: " + contractTermDays);
        }
        if (creditorSme && debtorPublicBody) {
            if (contractTermDays == null) {
                return Optional.of(new Term(delivered.plusDays(PUBLIC_DAYS), Rule.PUBLIC_30));
            }
            return Optional.of(contractTermDays > PUBLIC_MAX_DAYS
                    ? new Term(delivered.plusDays(PUBLIC_MAX_DAYS), Rule.PUBLIC_60)
                    : new Term(delivered.plusDays(contractTermDays), Rule.CONTRACT));
        }
        if (contractTermDays != null) {
            return Optional.of(new Term(delivered.plusDays(contractTermDays), Rule.CONTRACT));
        }
        if (creditorSme && debtorLarge) {
            return Optional.of(new Term(delivered.plusDays(LARGE_DAYS), Rule.LARGE_60));
        }
        return Optional.empty();
    }

    /**
     * The breach, if the payment was late ({@code paidOn} after the due date) or is still unpaid
     * after the due date as of {@code asOf}; empty when on time, not yet due, or no term applies.
     */
    public static Optional<Breach> overdue(LocalDate delivered, Integer contractTermDays, boolean debtorLarge,
                                           boolean creditorSme, boolean debtorPublicBody, LocalDate paidOn,
                                           LocalDate asOf) {
        Optional<Term> term = term(delivered, contractTermDays, debtorLarge, creditorSme, debtorPublicBody);
        if (term.isEmpty()) {
            return Optional.empty();
        }
        LocalDate due = term.get().dueOn();
        LocalDate until = paidOn != null ? paidOn : asOf;
        long late = ChronoUnit.DAYS.between(due, until);
        return late > 0 ? Optional.of(new Breach(due, late, term.get().rule(), paidOn == null)) : Optional.empty();
    }

    /**
     * The breach when the debtor paid with an e-voucher or bill: the payment counts as made on the
     * voucher's maturity, whatever day the voucher was handed over.
     */
    public static Optional<Breach> overdueByVoucher(LocalDate delivered, Integer contractTermDays, boolean debtorLarge,
                                                    boolean creditorSme, boolean debtorPublicBody,
                                                    LocalDate voucherMaturity) {
        return overdue(delivered, contractTermDays, debtorLarge, creditorSme, debtorPublicBody, voucherMaturity,
                voucherMaturity);
    }
}
