package cn.chanrong.lending;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Collateral, a pledge or a guarantee attached to a loan, with the registry filing that perfects it
 * when there is one. A loan with none is unsecured (信用贷款).
 */
public record LoanSecurity(long id, long loanId, String kind, String description, BigDecimal value, String guarantor,
                           String filingNumber, String createdBy, Instant createdAt) {
}
