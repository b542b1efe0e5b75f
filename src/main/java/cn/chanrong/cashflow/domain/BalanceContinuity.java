package cn.chanrong.cashflow.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether a run of statements of one account adds up. A doctored statement usually breaks the
 * arithmetic somewhere: an entry added or removed inside a period leaves opening + entries ≠ closing,
 * and a period stitched in from elsewhere leaves the previous closing ≠ the next opening. Gaps and
 * overlaps between periods are reported too: a missing month hides whatever happened in it, and an
 * overlap counts the same turnover twice.
 *
 * <p>Checks are skipped, never guessed, where a balance or date is missing (camt.054 notifications
 * carry no balances at all).
 */
public final class BalanceContinuity {

    private BalanceContinuity() {
    }

    /**
     * @param statements statements of one account, ordered by period
     * @return every break found, in statement order; empty when the run is continuous
     * @throws IllegalArgumentException when the statements are of more than one account
     */
    public static List<ContinuityBreak> check(List<StatementDraft> statements) {
        Objects.requireNonNull(statements, "statements");
        if (statements.stream().map(StatementDraft::accountId).distinct().count() > 1) {
            throw new IllegalArgumentException("statements of more than one account");
        }
        List<ContinuityBreak> breaks = new ArrayList<>();
        StatementDraft previous = null;
        for (StatementDraft s : statements) {
            if (previous != null) {
                between(previous, s, breaks);
            }
            if (s.openingBalance() != null && s.closingBalance() != null) {
                BigDecimal expected = s.openingBalance().add(s.movement());
                if (expected.compareTo(s.closingBalance()) != 0) {
                    breaks.add(new ContinuityBreak(s.statementId(), "within", expected, s.closingBalance()));
                }
            }
            previous = s;
        }
        return List.copyOf(breaks);
    }

    private static void between(StatementDraft previous, StatementDraft next, List<ContinuityBreak> breaks) {
        if (previous.to() != null && next.from() != null) {
            // Periods are inclusive: a run is seamless when the next starts the day after the previous ends.
            long days = ChronoUnit.DAYS.between(previous.to(), next.from()) - 1;
            if (days > 0) {
                breaks.add(new ContinuityBreak(next.statementId(), "gap", BigDecimal.ZERO, BigDecimal.valueOf(days)));
            } else if (days < 0) {
                LocalDate overlapEnd = next.to() != null && next.to().isBefore(previous.to()) ? next.to() : previous.to();
                long overlap = ChronoUnit.DAYS.between(next.from(), overlapEnd) + 1;
                breaks.add(new ContinuityBreak(next.statementId(), "overlap", BigDecimal.ZERO,
                        BigDecimal.valueOf(Math.max(1, overlap))));
            }
        }
        if (previous.closingBalance() != null && next.openingBalance() != null
                && previous.closingBalance().compareTo(next.openingBalance()) != 0) {
            breaks.add(new ContinuityBreak(next.statementId(), "between", previous.closingBalance(),
                    next.openingBalance()));
        }
    }
}
