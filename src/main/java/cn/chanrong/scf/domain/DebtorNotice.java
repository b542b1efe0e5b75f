package cn.chanrong.scf.domain;

import cn.chanrong.shared.Wording;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The notice to a receivable's debtor that it was assigned (转让通知, factoring) or pledged (质押通知) to
 * a funder and must pay the funder's collection account from now on, in Chinese and English; it cites
 * the registry filing that publishes the funder's right.
 */
public record DebtorNotice(boolean pledge, String debtorName, String creditorName, String receivableNumber,
                           BigDecimal amount, LocalDate dueOn, String funderName) {

    /** The notice for a financing of {@code kind} FACTORING or PLEDGE. */
    public static DebtorNotice of(String kind, String debtorName, String creditorName, String receivableNumber,
                                  BigDecimal amount, LocalDate dueOn, String funderName) {
        return new DebtorNotice("PLEDGE".equals(kind), debtorName, creditorName, receivableNumber, amount, dueOn,
                funderName);
    }

    private static final Wording WORDS = Wording.of("scf");

    /** The text, citing {@code filingNumber}: "中文 / English", worded in {@code wording/scf*.properties}. */
    public String text(String filingNumber) {
        return WORDS.both(pledge ? "notice.pledge" : "notice.assignment", debtorName, creditorName, receivableNumber,
                amount, dueOn, funderName, filingNumber);
    }
}
