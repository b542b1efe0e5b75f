package cn.chanrong.policy;

import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Risk-compensation pools (风险补偿资金池, issue 19 §5). A pool is a programme of kind {@code RISK_POOL}: a local
 * government's money, administered by the finance department, that compensates banks for a share of their losses on
 * eligible loans (the share, a cap per loan and per year, the days past due that trigger a claim — or a write-off).
 * The pool keeps no book: its money is a record of fundings, claims paid and recoveries returned. A bank's approver
 * claims on a loan once; the administrator approves (the compensation is booked in the bank's book) or refuses with
 * a reason; a later recovery on the loan returns the pool's share.
 */
public interface Pools {

    /** A pool with its figures: funded, paid out, returned, what it holds, what it paid this year and may still pay. */
    record Pool(String code, String name, String nameEn, BigDecimal sharePercent, BigDecimal capPerLoan, BigDecimal capPerYear,
                int triggerDaysPastDue, List<String> regions, BigDecimal funded, BigDecimal paid, BigDecimal returned,
                BigDecimal balance, BigDecimal paidThisYear) {
    }

    List<Pool> pools(Caller caller);

    /** The administrator records money put into the pool. */
    Pool fund(Caller caller, String pool, BigDecimal amount, String note);

    record Claim(long id, String number, String pool, String poolName, long loanId, String loanNumber, long institutionId,
                 String institutionName, String borrowerName, cn.chanrong.policy.domain.PoolTrigger trigger, int daysPastDue, BigDecimal loss,
                 BigDecimal sharePercent, BigDecimal amount, String cappedBy, cn.chanrong.policy.domain.ClaimStatus status, LocalDate claimedOn,
                 String claimedBy, LocalDate decidedOn, String decidedBy, String reason, BigDecimal returned) {
    }

    /** {@code pool} by code, {@code loan} by number. */
    Claim claim(Caller caller, String pool, String loan);

    Claim approve(Caller caller, long id);

    Claim reject(Caller caller, long id, String reason);

    Page<Claim> claims(Caller caller, String pool, String status, PageRequest page);

    Claim get(Caller caller, long id);
}
