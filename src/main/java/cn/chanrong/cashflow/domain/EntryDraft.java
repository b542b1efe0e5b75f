package cn.chanrong.cashflow.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One booked line of a statement as the bank reported it, before anything is stored: a whole entry,
 * or one transaction of a batched entry (a camt {@code Ntry} with several {@code NtryDtls/TxDtls}),
 * which then carries that transaction's own amount, counterparty and key.
 *
 * @param reference           the bank's reference for the entry; unique within its statement for a whole
 *                            entry, shared by the transactions of a batched one
 * @param bookingDate         the day the bank booked it
 * @param valueDate           the day interest starts or stops counting; null when the file lacks it
 * @param amount              signed, scale 2: a credit (money in) is positive, a debit negative
 * @param currency            ISO 4217 code
 * @param counterpartyName    who paid (for a credit) or was paid (for a debit); null when unknown
 * @param counterpartyAccount that party's account number; null when unknown
 * @param remittance          free text the payer sent, or the bank's description; null when none
 * @param transactionRef      the transaction's key within a batched entry (its {@code Refs/AcctSvcrRef} or
 *                            {@code EndToEndId}, else {@code #n} for the n-th transaction); null for a whole entry
 */
public record EntryDraft(String reference, LocalDate bookingDate, LocalDate valueDate, BigDecimal amount,
                         String currency, String counterpartyName, String counterpartyAccount,
                         String remittance, String transactionRef) {

    public EntryDraft {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("an entry needs a reference");
        }
        reference = reference.strip();
        Objects.requireNonNull(bookingDate, "bookingDate");
        Objects.requireNonNull(amount, "amount");
        amount = Money.scale(amount);
        Money.requireCurrency(currency, "currency");
        counterpartyName = Money.blankToNull(counterpartyName);
        counterpartyAccount = Money.blankToNull(counterpartyAccount);
        remittance = Money.blankToNull(remittance);
        transactionRef = Money.blankToNull(transactionRef);
    }

    /** A whole entry (not one transaction of a batch). */
    public EntryDraft(String reference, LocalDate bookingDate, LocalDate valueDate, BigDecimal amount,
                      String currency, String counterpartyName, String counterpartyAccount, String remittance) {
        this(reference, bookingDate, valueDate, amount, currency, counterpartyName, counterpartyAccount, remittance, null);
    }

    /** True for money coming in. */
    public boolean isCredit() {
        return amount.signum() > 0;
    }

    /** The entry reference, with the transaction's key after a slash for a batched transaction. */
    public String label() {
        return transactionRef == null ? reference : reference + "/" + transactionRef;
    }
}
