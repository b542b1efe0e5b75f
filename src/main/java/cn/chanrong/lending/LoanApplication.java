package cn.chanrong.lending;

import cn.chanrong.lending.domain.ApplicationStatus;
import cn.chanrong.lending.domain.ApprovalStep;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An application for a loan under a product, with the steps it must pass and the acts so far.
 * {@code nextStep} is null once the application has left the chain; {@code status} moves only by
 * {@link ApplicationStatus}'s named transitions. {@code projectInvestment}: a fixed-asset loan's total
 * project investment; {@code termReason}: the operating-cycle reason for a working-capital term over three years.
 */
public record LoanApplication(long id, long institutionId, long borrowerId, String borrowerName, long productId,
                              String productName, Long facilityId, BigDecimal amount, int termMonths, String rateType,
                              BigDecimal fixedRate, Integer spreadBp, String method, String dayCount, String purpose,
                              String paymentMode, Integer paymentDay, int periodMonths, int graceMonths,
                              List<ApprovalStep> steps, ApprovalStep nextStep, ApplicationStatus status,
                              List<Act> acts, String createdBy, Instant createdAt, Long loanId, int version,
                              BigDecimal projectInvestment, String termReason) {

    public record Act(int seq, ApprovalStep step, String decision, String actor, String comment, Instant at) {
    }
}
