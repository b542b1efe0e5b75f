package cn.chanrong.policy;

import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Interest subsidies to the fen (贴息, issue 19 §3). A bank enrols a loan in a central or local subsidy programme (the
 * loan judged by the version in force when it was paid out); end of day accrues the subsidy in the same chunks that
 * accrue the loan — points a year on the principal outstanding over 360 days, capped at the interest the loan charges
 * that day, none while the loan is past due or non-performing, none after a confirmed diversion — and either nets it
 * off the interest of each installment the day before it falls due (the borrower's dues fall by it) or, where the
 * programme pays through the bank, owes it to the borrower at each quarter's end. Each quarter the bank claims what it
 * settled from the treasury, which may have prepaid part; the finance department settles the claim, booked in the
 * bank's book. Read by the bank, the borrower and the regulators where the borrower is.
 */
public interface Subsidies {

    record Subsidy(long id, String number, String programme, String programmeName, String kind, long loanId,
                   String loanNumber, long institutionId, String institutionName, long borrowerId, String borrowerName,
                   String settlement, LocalDate firstDay, LocalDate lastDay, BigDecimal cap,
                   cn.chanrong.policy.domain.SubsidyStatus status,
                   LocalDate stoppedOn, String stopRule, String stopDetail, LocalDate accruedThrough, BigDecimal accrued,
                   BigDecimal settled, int daysAccrued, int daysSuspended, int daysCapped, LocalDate enrolledOn,
                   String enrolledBy) {

        /** Accrued and not yet netted or owed to the borrower. */
        public BigDecimal unsettled() {
            return accrued.subtract(settled);
        }
    }

    /** One end of day's accrual: the days it covered, those subsidised, left out and capped, the interest charged. */
    record Accrued(LocalDate firstDay, LocalDate through, int days, int suspended, int capped, BigDecimal interest,
                   BigDecimal amount) {
    }

    /** A settlement: netted off the interest due on {@code due} (NET) or owed to the borrower (CLAIM); its claim. */
    record Settled(LocalDate on, LocalDate due, String kind, BigDecimal amount, String claim) {
    }

    record Detail(Subsidy subsidy, List<Accrued> accruals, List<Settled> settlements) {
    }

    /** {@code programme} by code, {@code loan} by its number. */
    record Enrol(String programme, String loan) {
    }

    /** Enrols one of the caller's institution's loans (its operators and approvers). */
    Subsidy enrol(Caller caller, Enrol request, Locale locale);

    Page<Subsidy> list(Caller caller, String loan, String programme, String status, PageRequest page);

    Detail get(Caller caller, long id);

    record Claim(long id, String number, String programme, String programmeName, long institutionId,
                 String institutionName, String quarter, LocalDate from, LocalDate to, BigDecimal amount, int loans,
                 cn.chanrong.policy.domain.ClaimStatus status, LocalDate submittedOn, String submittedBy, LocalDate decidedOn, String decidedBy,
                 String reason, BigDecimal prepaymentApplied, BigDecimal paid, Long journalEntryId) {
    }

    /** {@code quarter} as {@code 2026Q2}. */
    record ClaimRequest(String programme, String quarter) {
    }

    /** The bank claims a past quarter's settled subsidies of a programme (its approvers); once per quarter. */
    Claim claim(Caller caller, ClaimRequest request);

    /**
     * The finance department settles a claim (its regulators where the bank is): the prepaid funds first, the rest paid,
     * booked in the bank's book.
     */
    Claim settle(Caller caller, long id);

    /** The finance department refuses a claim with its reason; its subsidies may be claimed again. */
    Claim reject(Caller caller, long id, String reason);

    Page<Claim> claims(Caller caller, String programme, String status, PageRequest page);

    Claim claimById(Caller caller, long id);

    record Prepayment(long id, String programme, long institutionId, String institutionName, String quarter,
                      BigDecimal amount, LocalDate paidOn, String recordedBy, long journalEntryId) {
    }

    /** {@code institution} by its unified social credit code. */
    record PrepaymentRequest(String programme, String institution, String quarter, BigDecimal amount) {
    }

    /** The finance department records a quarter's prepayment to a bank, booked in the bank's book. */
    Prepayment prepay(Caller caller, PrepaymentRequest request);

    Page<Prepayment> prepayments(Caller caller, String programme, PageRequest page);
}
