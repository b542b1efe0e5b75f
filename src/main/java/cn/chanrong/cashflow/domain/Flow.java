package cn.chanrong.cashflow.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One movement of money on an enterprise's account, as the trust checks see it.
 *
 * @param reference           the entry's reference
 * @param date                booking date
 * @param amount              signed, scale 2: inflow +, outflow −
 * @param counterpartyAccount may be null
 * @param counterpartyName    may be null
 */
public record Flow(String reference, LocalDate date, BigDecimal amount, String counterpartyAccount,
                   String counterpartyName) {

    public Flow {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("a flow needs a reference");
        }
        Objects.requireNonNull(date, "date");
        amount = Money.scale(Objects.requireNonNull(amount, "amount"));
        counterpartyAccount = Money.blankToNull(counterpartyAccount);
        counterpartyName = Money.blankToNull(counterpartyName);
    }

    /** The flow of a parsed entry. */
    public static Flow of(EntryDraft e) {
        return new Flow(e.label(), e.bookingDate(), e.amount(), e.counterpartyAccount(), e.counterpartyName());
    }

    public boolean isInflow() {
        return amount.signum() > 0;
    }

    public boolean isOutflow() {
        return amount.signum() < 0;
    }
}
