package cn.chanrong.cashflow.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One booked line of a statement as the bank reported it, before anything is stored.
 *
 * @param reference           the bank's reference for the entry; unique within its statement
 * @param bookingDate         the day the bank booked it
 * @param valueDate           the day interest starts or stops counting; null when the file lacks it
 * @param amount              signed, scale 2: a credit (money in) is positive, a debit negative
 * @param currency            ISO 4217 code
 * @param counterpartyName    who paid (for a credit) or was paid (for a debit); null when unknown
 * @param counterpartyAccount that party's account number; null when unknown
 * @param remittance          free text the payer sent, or the bank's description; null when none
 */
public record EntryDraft(String reference, LocalDate bookingDate, LocalDate valueDate, BigDecimal amount,
                         String currency, String counterpartyName, String counterpartyAccount,
                         String remittance) {

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
    }

    /** True for money coming in. */
    public boolean isCredit() {
        return amount.signum() > 0;
    }
}
