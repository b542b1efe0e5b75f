package cn.chanrong.policy.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a risk-compensation pool pays on a loss (issue 19 §5), pure: the pool's share of the loss to the fen (half up),
 * then at most the cap per loan, what is left of the cap for the year, and what the pool holds — whichever bites first
 * is named, so the bank sees why it got less than its share.
 */
public final class PoolRules {

    private PoolRules() {
    }

    /** The compensation and what limited it ({@code loan}, {@code year}, {@code balance}; null when nothing did). */
    public record Compensation(BigDecimal amount, String cappedBy) {
    }

    public static Compensation compensation(BigDecimal loss, BigDecimal sharePercent, BigDecimal capPerLoan,
                                            BigDecimal leftThisYear, BigDecimal balance) {
        BigDecimal amount = loss.multiply(sharePercent).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
        String by = null;
        if (capPerLoan != null && amount.compareTo(capPerLoan) > 0) {
            amount = capPerLoan;
            by = "loan";
        }
        if (leftThisYear != null && amount.compareTo(leftThisYear.max(BigDecimal.ZERO)) > 0) {
            amount = leftThisYear.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
            by = "year";
        }
        if (balance != null && amount.compareTo(balance.max(BigDecimal.ZERO)) > 0) {
            amount = balance.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
            by = "balance";
        }
        return new Compensation(amount, by);
    }

    /** What a recovery returns to the pool: its share of the recovery, at most what it paid and has not had back. */
    public static BigDecimal returned(BigDecimal recovery, BigDecimal sharePercent, BigDecimal outstanding) {
        BigDecimal r = recovery.multiply(sharePercent).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
        return r.min(outstanding.max(BigDecimal.ZERO));
    }
}
