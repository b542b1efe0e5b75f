package cn.chanrong.scf.domain;

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

    /** The text, citing {@code filingNumber}. */
    public String text(String filingNumber) {
        return (pledge ? "应收账款质押通知" : "应收账款转让通知") + "：致 " + debtorName + "，贵司对 " + creditorName
                + " 的应收账款 " + receivableNumber + "（金额 " + amount.toPlainString() + " 元，到期日 " + dueOn + "）已"
                + (pledge ? "出质予 " : "转让予 ") + funderName + "，登记编号 " + filingNumber
                + "。请于到期日将款项付至其监管账户。 / " + (pledge ? "Pledge" : "Assignment") + " notice to "
                + debtorName + ": receivable " + receivableNumber + " is " + (pledge ? "pledged" : "assigned") + " to "
                + funderName + " (filing " + filingNumber + "); pay into its collection account at maturity.";
    }
}
