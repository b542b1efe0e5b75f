package cn.chanrong.scf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Events supply-chain finance publishes through the outbox once a financing has been filed in the
 * registry and booked as the funder's loan (both synchronously, in the same transaction), for the
 * modules that react later: statistics, the matching funnel, warning. Amounts are yuan to the fen,
 * rates annual percentages.
 */
public sealed interface ScfEvent {

    /** The funder's loan that books the financing. */
    long loanId();

    /** The funder. */
    long institutionId();

    /**
     * A confirmed receivable financed by one funder: {@code advance} paid out to the creditor, on the
     * limit of the risk obligor (the debtor or the seller), {@code kind} FACTORING or PLEDGE.
     */
    record ReceivableFinanced(long receivableId, String receivableNumber, long offerId, long institutionId,
                              long creditorId, long debtorId, long obligorId, String kind, BigDecimal advance,
                              BigDecimal interest, BigDecimal annualRate, long loanId, String filingNumber,
                              LocalDate valueDate, LocalDate dueOn) implements ScfEvent {
    }

    /**
     * A voucher part discounted by its holder with a funder: interest on the {@code face} value,
     * {@code payout} lent on the issuer's limit.
     */
    record VoucherDiscounted(long voucherId, String voucherNumber, long partId, long institutionId, long holderId,
                             long issuerId, BigDecimal face, BigDecimal interest, BigDecimal payout,
                             BigDecimal annualRate, boolean recourse, long loanId, LocalDate valueDate,
                             LocalDate maturity) implements ScfEvent {
    }

    /** A warehouse receipt pledged to a funder ({@code mode} STATIC or DYNAMIC) for a loan to its owner. */
    record ReceiptPledged(long receiptId, String receiptNumber, long institutionId, long ownerId, String mode,
                          String commodityCode, BigDecimal loanAmount, BigDecimal interest, BigDecimal annualRate,
                          long loanId, String filingNumber, LocalDate valueDate, LocalDate maturity)
            implements ScfEvent {
    }

    /** A de-nucleated assessment funded: the order or receivable and any receipts filed, the loan booked. */
    record DenucleatedFinanced(long assessmentId, long institutionId, long enterpriseId, String basis,
                               String documentNo, BigDecimal amount, BigDecimal interest, BigDecimal annualRate,
                               long loanId, List<String> filingNumbers, LocalDate valueDate, LocalDate maturity)
            implements ScfEvent {
    }
}
