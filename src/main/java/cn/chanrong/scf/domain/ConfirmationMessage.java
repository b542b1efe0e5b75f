package cn.chanrong.scf.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The exact bytes both parties sign when a debtor confirms (确权) or disputes a receivable. Anyone
 * holding the stored fields can rebuild them and verify the signatures, so the layout is fixed and
 * documented here rather than left to a JSON library's field order:
 *
 * <pre>
 * chanrong-receivable-confirmation-v1
 * receivable=&lt;receivable number&gt;
 * creditor=&lt;creditor credit code&gt;
 * debtor=&lt;debtor credit code&gt;
 * amount=&lt;plain decimal, exactly 2 places, e.g. 1200000.00&gt;
 * currency=&lt;ISO 4217, e.g. CNY&gt;
 * due=&lt;ISO date, e.g. 2025-12-31&gt;
 * confirmed-at=&lt;ISO instant in UTC, to the second, e.g. 2025-06-01T08:30:00Z&gt;
 * decision=&lt;CONFIRMED or DISPUTED&gt;
 * </pre>
 *
 * Lines end with a single LF (also after the last line); the text is UTF-8. The instant is cut to
 * whole seconds because databases keep fractions at differing precisions, and a signature must
 * survive a round trip through storage. Values may not hold line breaks, so no value can forge a
 * line of its own.
 */
public record ConfirmationMessage(String receivableNumber, String creditorCode, String debtorCode,
                                  BigDecimal amount, String currency, LocalDate dueDate, Instant confirmedAt,
                                  Decision decision) {

    /** First line of the message: names the layout, so a later version cannot be confused with it. */
    public static final String VERSION = "chanrong-receivable-confirmation-v1";

    /** What the debtor said about the receivable. */
    public enum Decision { CONFIRMED, DISPUTED }

    public ConfirmationMessage {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
        Objects.requireNonNull(decision, "decision");
        for (String value : new String[] {receivableNumber, creditorCode, debtorCode, currency}) {
            Objects.requireNonNull(value, "text field");
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a signed field may not contain a line break");
            }
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("amount has more than 2 decimals: " + amount);
        }
    }

    /** The canonical UTF-8 bytes of these fields. */
    public byte[] canonical() {
        String text = VERSION + '\n'
                + "receivable=" + receivableNumber + '\n'
                + "creditor=" + creditorCode + '\n'
                + "debtor=" + debtorCode + '\n'
                + "amount=" + amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString() + '\n'
                + "currency=" + currency + '\n'
                + "due=" + DateTimeFormatter.ISO_LOCAL_DATE.format(dueDate) + '\n'
                + "confirmed-at=" + DateTimeFormatter.ISO_INSTANT.format(confirmedAt.truncatedTo(ChronoUnit.SECONDS)) + '\n'
                + "decision=" + decision.name() + '\n';
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Shorthand for {@code new ConfirmationMessage(...).canonical()}. */
    public static byte[] canonical(String receivableNumber, String creditorCode, String debtorCode, BigDecimal amount,
                                   String currency, LocalDate dueDate, Instant confirmedAt, Decision decision) {
        return new ConfirmationMessage(receivableNumber, creditorCode, debtorCode, amount, currency, dueDate,
                confirmedAt, decision).canonical();
    }
}
