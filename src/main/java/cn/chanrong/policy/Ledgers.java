package cn.chanrong.policy;

import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Re-lending ledgers (台账, issue 19 §2) compiled from the bank's own book: for a re-lending programme (the tech
 * re-lending, the carbon tool, small-business re-lending) and a period, the bank's loans paid out then that were
 * pushed on a project list or carry a tag the programme looks at, each with its verdict and, when left out, every
 * reason by rule; the programme's share of each qualifying loan's principal, to the fen. Read by the bank and the
 * financial regulators where it operates.
 */
public interface Ledgers {

    /** Why a loan is left out: the rule (a message key) and what the rule found. */
    record Reason(String rule, String found, String message) {
    }

    record Line(long loanId, String loanNumber, long borrowerId, String borrowerName, BigDecimal principal,
                LocalDate disbursedOn, String purpose, String listType, boolean qualifies, BigDecimal relending,
                List<Reason> reasons) {
    }

    /** A ledger; {@code lines} only when read one by one. */
    record Ledger(long id, String number, long institutionId, String institutionName, long programmeId, String programmeCode,
                  String programmeName, int programmeVersion, LocalDate from, LocalDate to,
                  cn.chanrong.policy.domain.LedgerStatus status,
                  BigDecimal sharePercent, BigDecimal ratePercent, int candidates, int qualifying,
                  BigDecimal qualifyingPrincipal, BigDecimal relendingAmount, LocalDate compiledOn, String compiledBy,
                  Instant compiledAt, List<Line> lines, Approval approval) {
    }

    /**
     * Past compiling: who confirmed it for the bank and when; who approved it for the central bank, on which day, at
     * which rate, maturing when, and the entry that booked the borrowing in the bank's book (null until each happens).
     */
    record Approval(String confirmedBy, Instant confirmedAt, String approvedBy, LocalDate approvedOn, BigDecimal rate,
                    LocalDate maturesOn, Long journalEntryId, int rollovers, BigDecimal interestPaid, LocalDate repaidOn) {
    }

    /**
     * At maturity the bank rolls the borrowing over for another term (at most the programme's rollovers; the rate of the
     * day) or repays it (at or before maturity); the interest since the approval or the last rollover is paid either way,
     * each booked in the bank's book. The bank's approvers.
     */
    Ledger rollOver(Caller caller, long id, java.util.Locale locale);

    Ledger repay(Caller caller, long id, java.util.Locale locale);

    /** The bank confirms its compiled ledger (an approver, not the one who compiled it). */
    Ledger confirm(Caller caller, long id, java.util.Locale locale);

    /**
     * The central bank approves a confirmed ledger (its regulators where the bank operates): the programme's rate on
     * the approval day, the maturity after the programme's term, the quota of the version in force checked against
     * what the programme already lent, and the borrowing booked in the bank's book (deposits with the central bank
     * against borrowings from it) in the same transaction.
     */
    Ledger approve(Caller caller, long id, java.util.Locale locale);

    /** What a programme lent out of its quota: the quota in force, used by booked ledgers, left. */
    record Quota(String programme, BigDecimal quota, BigDecimal used, BigDecimal left) {
    }

    Quota quota(Caller caller, String programme);

    /** {@code programme} by code. */
    record Compile(String programme, LocalDate from, LocalDate to) {
    }

    /** Compiles a ledger for the caller's institution (its operators and approvers). */
    Ledger compile(Caller caller, Compile request, java.util.Locale locale);

    Page<Ledger> list(Caller caller, String programme, String status, PageRequest page);

    Ledger get(Caller caller, long id, java.util.Locale locale);
}
