package cn.chanrong.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Debit and credit totals per account of one book up to a date, and whether the book balances. */
public record TrialBalance(long book, LocalDate asOf, List<Line> lines, BigDecimal totalDebit, BigDecimal totalCredit) {

    /** {@code balance} is signed by the account's normal side (positive = normal). */
    public record Line(String account, String nameZh, String nameEn, String type, BigDecimal debit, BigDecimal credit,
                       BigDecimal balance) {
    }

    public boolean balanced() {
        return totalDebit.compareTo(totalCredit) == 0;
    }
}
