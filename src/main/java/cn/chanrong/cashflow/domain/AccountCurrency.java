package cn.chanrong.cashflow.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Rule: a statement is in its bound account's currency. The statement's own currency (camt
 * {@code Acct/Ccy}, the CSV {@code currency} column) and every entry's amount currency (camt
 * {@code Ntry/Amt/@Ccy} or {@code TxDtls/Amt/@Ccy}) must be the currency the account was bound in;
 * otherwise a CHF statement would land on a EUR account and its figures be read as euros. There is no
 * conversion: a mismatch refuses the file, naming both currencies.
 *
 * <p>A check that returns what is wrong and where; it never throws. One mismatch is reported for the
 * statement and one per other currency found among its entries (the first entry in it), so a file of
 * ten thousand foreign entries does not give ten thousand lines.
 */
public final class AccountCurrency {

    private AccountCurrency() {
    }

    /**
     * One currency that is not the bound one.
     *
     * @param statementId the statement it was found in
     * @param field       {@code Acct/Ccy} or {@code currency} for the statement; {@code Amt/@Ccy} for an entry
     * @param entry       the entry's reference (with the transaction key of a batched one); null for the statement
     * @param found       the currency in the file
     * @param bound       the account's currency
     */
    public record Mismatch(String statementId, String field, String entry, String found, String bound) {
    }

    public static List<Mismatch> check(StatementDraft statement, String bound) {
        Objects.requireNonNull(statement, "statement");
        Money.requireCurrency(bound, "bound");
        boolean camt = statement.format().startsWith("camt");
        List<Mismatch> out = new ArrayList<>();
        if (!statement.currency().equals(bound)) {
            out.add(new Mismatch(statement.statementId(), camt ? "Acct/Ccy" : "currency", null, statement.currency(), bound));
        }
        Set<String> reported = new HashSet<>(List.of(bound, statement.currency()));
        for (EntryDraft e : statement.entries()) {
            if (reported.add(e.currency())) {
                out.add(new Mismatch(statement.statementId(), camt ? "Amt/@Ccy" : "currency", e.label(), e.currency(), bound));
            }
        }
        return out;
    }
}
