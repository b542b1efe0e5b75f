package cn.chanrong.lending;

import cn.chanrong.identity.Caller;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a lender does about a confirmed diversion of a loan's proceeds (挪用, issue 18 §6). Each act is an
 * approver's, names the case that justifies it, is audited, and is taken once per loan and case (a second
 * is refused with the first named): stop further drawdowns under the loan's contract; charge the diversion
 * penalty on the diverted amount only, from the diversion date (the days already closed as one catch-up
 * entry on the business date, the days after by end of day); call the loan early (加速到期: everything
 * outstanding falls due on the business date); set it at least 关注.
 */
public interface Sanctions {

    enum Kind { STOP_DRAWDOWNS, DIVERSION_PENALTY, ACCELERATION, SPECIAL_MENTION }

    /** A diversion penalty's terms: the amount diverted, the day it was diverted, the markup on the contract rate. */
    record Diversion(BigDecimal amount, LocalDate since, BigDecimal markup) {
    }

    /** An act taken: for a diversion penalty, its terms and the catch-up charged on {@code businessDate}. */
    record Act(Kind kind, long loanId, String loanNumber, String caseNumber, String reason, LocalDate businessDate,
               BigDecimal amount, LocalDate since, BigDecimal markup, BigDecimal catchUp, String actedBy, Instant actedAt) {
    }

    /** Markups on the contract rate a diversion may bear (FACTS §8: the contract rate + 50 % to 100 %). */
    BigDecimal MIN_MARKUP = new BigDecimal("0.5");
    BigDecimal MAX_MARKUP = BigDecimal.ONE;

    /**
     * Takes one act on one of the caller's institution's loans ({@code diversion} for a penalty only, else
     * null); the caller must be an approver.
     */
    Act act(Caller caller, long loanId, Kind kind, String caseNumber, String reason, Diversion diversion);

    /** The acts taken for these cases, in the order taken (no scope check: the caller scoped the cases). */
    List<Act> taken(java.util.Collection<String> caseNumbers);
}
