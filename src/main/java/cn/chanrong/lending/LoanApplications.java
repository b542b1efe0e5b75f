package cn.chanrong.lending;

import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.util.List;

/**
 * Applications: submitted by the borrower or by an institution's operator against a published
 * product, then passed or rejected step by step (调查 → 审查 → 审批) by different people, each act audited.
 */
public interface LoanApplications {

    /**
     * Rates: {@code rateType} FIXED with {@code fixedRate} in percent, or LPR_1Y / LPR_5Y plus {@code spreadBp}.
     * Optional conventions: {@code paymentDay} (interest settlement day 1–28, e.g. the 20th, giving a
     * broken first period), {@code frequency} MONTHLY or QUARTERLY, {@code graceMonths} of interest only.
     * {@code firstLoanDeclared}: the borrower declares it never had a bank loan (used when the credit
     * bureau has no record). {@code greenCatalogueCode}: the project's code in the green finance
     * catalogue (2025 edition), e.g. {@code 3.2.1}; a loan with one is tagged green.
     * {@code projectInvestment}: a fixed-asset loan's total project investment (required for one: a single
     * payment over 5 % of it must be entrusted). {@code termReason}: why a working-capital loan needs more
     * than the standard three years (its operating cycle), up to five. {@code paymentMode} is the contract's
     * default; entrusted payment is decided per payment at disbursement.
     */
    record Request(Long productId, Long borrowerId, Long facilityId, BigDecimal amount, Integer termMonths, String rateType,
                   BigDecimal fixedRate, Integer spreadBp, String method, String dayCount, String purpose,
                   String paymentMode, Integer paymentDay, String frequency, Integer graceMonths,
                   List<BigDecimal> principalPlan, Boolean firstLoanDeclared, String greenCatalogueCode,
                   BigDecimal projectInvestment, String termReason) {
        public Request(Long productId, Long borrowerId, Long facilityId, BigDecimal amount, Integer termMonths, String rateType,
                       BigDecimal fixedRate, Integer spreadBp, String method, String dayCount, String purpose,
                       String paymentMode, Integer paymentDay, String frequency, Integer graceMonths,
                       List<BigDecimal> principalPlan, Boolean firstLoanDeclared, String greenCatalogueCode) {
            this(productId, borrowerId, facilityId, amount, termMonths, rateType, fixedRate, spreadBp, method, dayCount,
                    purpose, paymentMode, paymentDay, frequency, graceMonths, principalPlan, firstLoanDeclared,
                    greenCatalogueCode, null, null);
        }

        public Request(Long productId, Long borrowerId, Long facilityId, BigDecimal amount, Integer termMonths, String rateType,
                       BigDecimal fixedRate, Integer spreadBp, String method, String dayCount, String purpose,
                       String paymentMode, Integer paymentDay, String frequency, Integer graceMonths,
                       List<BigDecimal> principalPlan) {
            this(productId, borrowerId, facilityId, amount, termMonths, rateType, fixedRate, spreadBp, method, dayCount,
                    purpose, paymentMode, paymentDay, frequency, graceMonths, principalPlan, null, null);
        }

        public Request(Long productId, Long borrowerId, Long facilityId, BigDecimal amount, Integer termMonths, String rateType,
                       BigDecimal fixedRate, Integer spreadBp, String method, String dayCount, String purpose,
                       String paymentMode, Integer paymentDay, String frequency, Integer graceMonths) {
            this(productId, borrowerId, facilityId, amount, termMonths, rateType, fixedRate, spreadBp, method, dayCount,
                    purpose, paymentMode, paymentDay, frequency, graceMonths, null);
        }

        public Request(Long productId, Long borrowerId, Long facilityId, BigDecimal amount, Integer termMonths, String rateType,
                       BigDecimal fixedRate, Integer spreadBp, String method, String dayCount, String purpose,
                       String paymentMode) {
            this(productId, borrowerId, facilityId, amount, termMonths, rateType, fixedRate, spreadBp, method, dayCount,
                    purpose, paymentMode, null, null, null, null);
        }
    }

    LoanApplication submit(Caller caller, Request request);

    /** Passes or rejects the application's next step; {@code decision} is PASS or REJECT. */
    LoanApplication act(Caller caller, long id, String decision, String comment);

    LoanApplication get(Caller caller, long id);

    /** An institution's applications, optionally only those waiting at one step. */
    Page<LoanApplication> search(Caller caller, String status, String step, PageRequest page);
}
