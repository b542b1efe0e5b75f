package cn.chanrong.cashflow.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A statement (or notification) of one account as parsed from a file, before anything is stored.
 *
 * @param format         where it came from, e.g. {@code camt.053.001.08}, {@code camt.054.001.08}, {@code csv}
 * @param statementId    the bank's id for the statement (or one derived from account and period for CSV)
 * @param accountId      IBAN or domestic account number
 * @param currency       ISO 4217 code of the account
 * @param from           first day covered; null only when the file gives no way to tell
 * @param to             last day covered; null only when the file gives no way to tell
 * @param openingBalance signed, scale 2; null when the file carries no opening balance (camt.054 never does)
 * @param closingBalance signed, scale 2; null when the file carries no closing balance
 * @param entries        in file order
 */
public record StatementDraft(String format, String statementId, String accountId, String currency,
                             LocalDate from, LocalDate to, BigDecimal openingBalance,
                             BigDecimal closingBalance, List<EntryDraft> entries) {

    public StatementDraft {
        if (format == null || format.isBlank()) {
            throw new IllegalArgumentException("a statement needs a format");
        }
        if (statementId == null || statementId.isBlank()) {
            throw new IllegalArgumentException("a statement needs an id");
        }
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("a statement needs an account");
        }
        accountId = accountId.strip();
        Money.requireCurrency(currency, "currency");
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("statement period ends (" + to + ") before it starts (" + from + ")");
        }
        openingBalance = Money.scale(openingBalance);
        closingBalance = Money.scale(closingBalance);
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    }

    /** Sum of the signed entry amounts, scale 2. */
    public BigDecimal movement() {
        return Money.scale(entries.stream().map(EntryDraft::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
