package cn.chanrong.cashflow.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * One place where a run of statements does not add up; see {@link BalanceContinuity}.
 *
 * @param statementId the statement where the break shows (for the kinds between two statements, the later one)
 * @param kind        {@code within}: opening + entries ≠ closing (expected = opening + entries, actual = closing);
 *                    {@code between}: previous closing ≠ this opening (expected = previous closing, actual = opening);
 *                    {@code gap}: days between the two periods that no statement covers (expected 0, actual the count);
 *                    {@code overlap}: days covered by both periods (expected 0, actual the count)
 * @param expected    what the figure should have been
 * @param actual      what the statement says
 */
public record ContinuityBreak(String statementId, String kind, BigDecimal expected, BigDecimal actual) {

    private static final Set<String> KINDS = Set.of("within", "between", "gap", "overlap");

    public ContinuityBreak {
        Objects.requireNonNull(statementId, "statementId");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("kind must be one of " + KINDS + ", got " + kind);
        }
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
    }

    /** How far off: actual − expected (money for within/between, days for gap/overlap). */
    public BigDecimal difference() {
        return actual.subtract(expected);
    }
}
