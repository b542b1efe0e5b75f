package cn.chanrong.monitoring.domain;

import cn.chanrong.cashflow.domain.CounterpartyCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A new loan's money repaying a loan (借新还旧) when the new loan is not a declared renewal (a pure rule, issue 18
 * §4): a debit from the borrower's account to a counterparty categorised as a loan repayment, within the window
 * after a loan was paid out, where the loan whose money it is ({@link ProhibitedUse#moneyOf}) does not renew an
 * earlier one on the record. Paying one loan with another outside a renewal hides a borrower who cannot repay:
 * 商业银行金融资产风险分类办法 (2023) treats refinancing a borrower in difficulty as a restructuring, which the
 * officer classifies (the alert's act SPECIAL_MENTION, or a restructuring in lending).
 */
public final class HiddenRefinancing {

    public static final String RULE = "hidden-refinancing";
    public static final int VERSION = 1;
    public static final CounterpartyCategory CATEGORY = CounterpartyCategory.LOAN_REPAYMENT;

    private HiddenRefinancing() {
    }

    /** What the rule found: the loan whose money repaid another, the days since it was paid out. */
    public record Finding(ProhibitedUse.Loan loan, long days) {
    }

    /** The finding for a payment of {@code amount} (negative: out) on {@code valueDate} to {@code category}. */
    public static Optional<Finding> check(BigDecimal amount, LocalDate valueDate, CounterpartyCategory category,
                                          List<ProhibitedUse.Loan> loans, int windowDays) {
        return check(amount, valueDate, category, loans, new Rules.Window(VERSION, true, windowDays));
    }

    /** As above, with the rule's parameters; nothing when switched off. */
    public static Optional<Finding> check(BigDecimal amount, LocalDate valueDate, CounterpartyCategory category,
                                          List<ProhibitedUse.Loan> loans, Rules.Window rule) {
        if (!rule.enabled() || amount.signum() >= 0 || category != CATEGORY) {
            return Optional.empty();
        }
        return ProhibitedUse.moneyOf(loans, valueDate, rule.windowDays()).filter(l -> !l.renewal())
                .map(l -> new Finding(l, ChronoUnit.DAYS.between(l.disbursedOn(), valueDate)));
    }
}
