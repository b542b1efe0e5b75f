package cn.chanrong.lending;

import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;

/**
 * Applications: submitted by the borrower or by an institution's operator against a published
 * product, then passed or rejected step by step (调查 → 审查 → 审批) by different people, each act audited.
 */
public interface LoanApplications {

    /** Rates: {@code rateType} FIXED with {@code fixedRate} in percent, or LPR_1Y / LPR_5Y plus {@code spreadBp}. */
    record Request(Long productId, Long borrowerId, Long facilityId, String amount, Integer termMonths, String rateType,
                   String fixedRate, Integer spreadBp, String method, String dayCount, String purpose,
                   String paymentMode) {
    }

    LoanApplication submit(Caller caller, Request request);

    /** Passes or rejects the application's next step; {@code decision} is PASS or REJECT. */
    LoanApplication act(Caller caller, long id, String decision, String comment);

    LoanApplication get(Caller caller, long id);

    /** An institution's applications, optionally only those waiting at one step. */
    Page<LoanApplication> search(Caller caller, String status, String step, PageRequest page);
}
