package cn.chanrong.monitoring.domain;

import cn.chanrong.cashflow.domain.CounterpartyCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A loan's money paid where loans may not go (a pure rule, issue 18 §4; 流动资金贷款管理办法 and 固定资产贷款管理办法
 * forbid loan funds in securities, futures, real estate, wealth-management products and lending on): a debit
 * from the borrower's account to a counterparty of a prohibited category, within the window after one of its
 * loans at the reporting bank was paid out. The finding names the loan most recently paid out before the
 * payment: the money that left first is the money that came in last (the newest loan's proceeds sit on top).
 */
public final class ProhibitedUse {

    /** The rule's name and version, stored with each alert it raises. */
    public static final String RULE = "prohibited-use";
    public static final int VERSION = 1;

    /** Counterparty categories a loan's money may not reach. */
    public static final Set<CounterpartyCategory> PROHIBITED = Set.of(CounterpartyCategory.SECURITIES,
            CounterpartyCategory.REAL_ESTATE, CounterpartyCategory.WEALTH_MANAGEMENT, CounterpartyCategory.PRIVATE_LENDING);

    private ProhibitedUse() {
    }

    /** A loan paid out to the borrower before the payment; {@code renewal}: a declared renewal (借新还旧 on the record). */
    public record Loan(long id, String number, BigDecimal principal, LocalDate disbursedOn, boolean renewal, Long product) {

        public Loan(long id, String number, BigDecimal principal, LocalDate disbursedOn, boolean renewal) {
            this(id, number, principal, disbursedOn, renewal, null);
        }

        public Loan(long id, String number, BigDecimal principal, LocalDate disbursedOn) {
            this(id, number, principal, disbursedOn, false, null);
        }
    }

    /** What the rule found: the loan, the category, the days since the loan was paid out. */
    public record Finding(Loan loan, CounterpartyCategory category, long days) {
    }

    /**
     * The finding for a debit of {@code amount} on {@code valueDate} to a counterparty of {@code category},
     * given the borrower's loans (any order); empty when the category is allowed, the flow is not a debit, or
     * no loan was paid out within {@code windowDays} before it.
     */
    public static Optional<Finding> check(BigDecimal amount, LocalDate valueDate, CounterpartyCategory category,
                                          List<Loan> loans, int windowDays) {
        return check(amount, valueDate, category, loans, new Rules.Prohibited(VERSION, true, windowDays, PROHIBITED));
    }

    /** As above, with the rule's parameters: its window and its categories; nothing when switched off. */
    public static Optional<Finding> check(BigDecimal amount, LocalDate valueDate, CounterpartyCategory category,
                                          List<Loan> loans, Rules.Prohibited rule) {
        if (!rule.enabled() || amount.signum() >= 0 || !rule.categories().contains(category)) {
            return Optional.empty();
        }
        return moneyOf(loans, valueDate, rule.windowDays())
                .map(l -> new Finding(l, category, ChronoUnit.DAYS.between(l.disbursedOn(), valueDate)));
    }

    /**
     * Whose money a payment on {@code date} is: the loan paid out most recently on or before it, within
     * {@code windowDays}; empty when none was.
     */
    public static Optional<Loan> moneyOf(List<Loan> loans, LocalDate date, int windowDays) {
        return loans.stream()
                .filter(l -> !l.disbursedOn().isAfter(date) && ChronoUnit.DAYS.between(l.disbursedOn(), date) <= windowDays)
                .max(java.util.Comparator.comparing(Loan::disbursedOn).thenComparingLong(Loan::id));
    }
}
