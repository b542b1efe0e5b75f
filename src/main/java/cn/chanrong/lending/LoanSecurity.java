package cn.chanrong.lending;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Collateral, a pledge or a guarantee attached to a loan, with the registry filing that perfects it
 * when there is one. A loan with none is unsecured (信用贷款). {@code priorityPosition} is where a
 * trade financing's pledge ranks in the register (1 first; 2 or later: a junior position the funder
 * accepted), null when not recorded.
 */
public record LoanSecurity(long id, long loanId, String kind, String description, BigDecimal value, String guarantor,
                           String filingNumber, String createdBy, Instant createdAt, Integer priorityPosition) {
}
