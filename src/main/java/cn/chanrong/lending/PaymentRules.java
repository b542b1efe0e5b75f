package cn.chanrong.lending;

import cn.chanrong.identity.Caller;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The thresholds of entrusted payment (受托支付), decided per payment at disbursement (FACTS §10):
 * effective-dated, the platform's row holding the 2024 measures' figures and each institution's own rows
 * winning over it from their date.
 */
public interface PaymentRules {

    /**
     * One row: from {@code effectiveFrom}, a single payment to one counterparty above {@code singlePayment}
     * is entrusted; on a fixed-asset loan, one above {@code fixedAssetShare} (a fraction) of total project
     * investment or above {@code fixedAssetPayment}; a borrower newly related to the lender whose grade is
     * at or below {@code averageGrade} entrusts every payment. {@code institutionId} null: the platform's.
     */
    record Rule(Long institutionId, LocalDate effectiveFrom, BigDecimal singlePayment, BigDecimal fixedAssetShare,
                BigDecimal fixedAssetPayment, String averageGrade, String source, String createdBy) {
    }

    /** An institution's own thresholds from a date (not before the business date); {@code source}: its rule. */
    record Request(LocalDate effectiveFrom, BigDecimal singlePayment, BigDecimal fixedAssetShare,
                   BigDecimal fixedAssetPayment, String averageGrade, String source) {
    }

    /** The platform's rows and the caller's institution's, latest first. */
    List<Rule> list(Caller caller);

    /** Sets the caller's institution's thresholds from a date (approvers). */
    Rule set(Caller caller, Request request);
}
