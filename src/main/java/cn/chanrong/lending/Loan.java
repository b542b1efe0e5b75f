package cn.chanrong.lending;

import cn.chanrong.lending.domain.LoanStatus;
import cn.chanrong.lending.domain.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A loan as the subledger keeps it. {@code receivable} is recognised interest and penalty not yet
 * paid (account 1132); {@code memoReceivable} the part kept off balance sheet while the loan is
 * non-accrual (7011); {@code provision} the loan-loss provision held (1304). {@code status} moves only by
 * {@link LoanStatus}'s named transitions. {@code riskObligorId} and {@code riskObligorName}: whose payment
 * repays a trade financing (the buyer of a confirmed receivable, the issuer of a voucher; the seller with
 * recourse), on whom the loan is classified; null for an ordinary loan, whose obligor is the borrower.
 */
public record Loan(long id, String number, long institutionId, long borrowerId, String borrowerName, Long applicationId,
                   Long facilityId, Long productId, BigDecimal principal, int termMonths, String rateType, Integer spreadBp,
                   BigDecimal annualRate, BigDecimal penaltyMarkup, String method, String dayCount, String purpose,
                   String paymentMode, int periodMonths, LoanStatus status, LocalDate disbursedOn, LocalDate maturityDate,
                   BigDecimal principalOutstanding, BigDecimal interestAccrued, BigDecimal penaltyAccrued,
                   BigDecimal interestPaid, BigDecimal penaltyPaid, BigDecimal receivable, BigDecimal memoReceivable,
                   BigDecimal provision, BigDecimal writtenOff, BigDecimal recovered, LocalDate accruedThrough,
                   int daysPastDue, Tier tier, Tier manualFloor, boolean nonAccrual, int version,
                   GuaranteeMethod guaranteeMethod, Long riskObligorId, String riskObligorName) {

    /** The same loan with other days past due (end of day's state after accrual, before it is read back). */
    public Loan withDaysPastDue(int days) {
        return new Loan(id, number, institutionId, borrowerId, borrowerName, applicationId, facilityId, productId, principal,
                termMonths, rateType, spreadBp, annualRate, penaltyMarkup, method, dayCount, purpose, paymentMode,
                periodMonths, status, disbursedOn, maturityDate, principalOutstanding, interestAccrued, penaltyAccrued,
                interestPaid, penaltyPaid, receivable, memoReceivable, provision, writtenOff, recovered, accruedThrough,
                days, tier, manualFloor, nonAccrual, version, guaranteeMethod, riskObligorId, riskObligorName);
    }

    /** Everything the borrower owes today: principal, and interest and penalty accrued and unpaid. */
    public BigDecimal owed() {
        return principalOutstanding.add(receivable).add(memoReceivable);
    }
}
