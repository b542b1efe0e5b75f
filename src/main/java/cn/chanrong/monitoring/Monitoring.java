package cn.chanrong.monitoring;

import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Fund-usage monitoring's API: the payments banks report on the accounts they keep, checked against the
 * loans they paid out, and the alerts this raises with their outcome.
 */
public interface Monitoring {

    /**
     * Published when an institution confirms a case (in the confirming transaction, so what listeners do commits with
     * it): the loan's proceeds were diverted from their purpose. Policy stops the loan's interest subsidies on it.
     */
    record DiversionConfirmed(String caseNumber, String rule, long loanId, String loanNumber, long institutionId,
                              LocalDate on) {
    }

    /**
     * A lender's approver reported a confirmed case's enterprise to the joint risk-warning mechanism (issue 18 §6), in
     * the reporting transaction: the warning module records it once per case (a second report is refused there).
     */
    record CaseReported(String caseNumber, String rule, long loanId, String loanNumber, long institutionId, String reason,
                        LocalDate on, String by) {
    }


    enum Direction { DEBIT, CREDIT }

    /** A payment as the reporting bank booked it on one of its accounts. */
    record PaymentEvent(Direction direction, String account, String counterpartyAccount, String counterpartyName,
                        BigDecimal amount, String currency, LocalDate valueDate, String bankReference, String remittance) {
    }

    /**
     * One element of a report as read at the edge: its position, its text as received, the event when it
     * could be read, else why not.
     */
    record Incoming(int index, String raw, String bankReference, PaymentEvent event, List<Rejection> unreadable) {
    }

    /** An event set aside (dead-lettered) with its reasons; the rest of the report goes on. */
    record DeadLetter(int index, String bankReference, List<Rejection> reasons) {
    }

    /**
     * What a report did: events received, accepted (new), duplicates (a bank reference already reported,
     * nothing changed), alerts raised, the dead letters (the first {@link #LISTED} listed, all counted).
     */
    record Report(int received, int accepted, int duplicates, int alerts, int deadLettered, List<DeadLetter> deadLetters) {
    }

    int LISTED = 100;

    /** Records a bank's report of payments on its accounts, each event on its own; see {@link Report}. */
    Report report(Caller caller, List<Incoming> events);

    /**
     * Takes the flows of the borrower's accounts at other banks, as their statements were imported into cashflow,
     * for a loan of the caller's institution whose borrower granted a post-loan consent for it: each transaction since
     * the payout on an account the consent covers and the caller does not keep, read through cashflow's consent-checked
     * API, goes through the same checks and detections as a report ({@code CF-} and the transaction's id its reference,
     * so taking them again changes nothing). At most {@link #CONSENTED_MAX} transactions a call.
     */
    Report consentedFlows(Caller caller, long loanId);

    int CONSENTED_MAX = 10_000;

    /**
     * An alert with the payment that raised it, the earlier payment the rule relates it to (a round trip's
     * payment out; null for rules on one payment), and its outcome once decided. {@code days}: after the
     * disbursement for a prohibited use, between out and back for a round trip. {@code caseNumber} is how people
     * name it (DV, the year it was raised, a serial); {@code actions} what the lender did about it once confirmed.
     * An alert on a registry filing against the loan's collateral ({@code filingNumber} set) has no payment: its
     * {@code valueDate} is the day of the filing, {@code counterpartyName} who filed it, the amount and reference null.
     */
    record Alert(long id, String caseNumber, String rule, int ruleVersion, cn.chanrong.monitoring.domain.AlertStatus status,
                 long institutionId, long loanId,
                 String loanNumber, long enterpriseId, String enterpriseName, String category, long days,
                 BigDecimal amount, LocalDate valueDate, String counterpartyName, String counterpartyAccount,
                 String bankReference, Instant raisedAt, String outcomeReason, String decidedBy, Instant decidedAt,
                 Earlier earlier, List<cn.chanrong.lending.Sanctions.Act> actions, String filingNumber) {

        public Alert withActions(List<cn.chanrong.lending.Sanctions.Act> taken) {
            return new Alert(id, caseNumber, rule, ruleVersion, status, institutionId, loanId, loanNumber, enterpriseId,
                    enterpriseName, category, days, amount, valueDate, counterpartyName, counterpartyAccount, bankReference,
                    raisedAt, outcomeReason, decidedBy, decidedAt, earlier, List.copyOf(taken), filingNumber);
        }
    }

    /** The earlier payment an alert relates to. */
    record Earlier(String bankReference, BigDecimal amount, LocalDate valueDate) {
    }

    /** The institution's queue (its own alerts, by status); financial regulators see confirmed cases in their region. */
    Page<Alert> alerts(Caller caller, String status, PageRequest page);

    Alert alert(Caller caller, long id);

    /** {@code outcome} CONFIRMED or DISMISSED, with the reason. */
    record OutcomeRequest(String outcome, String reason) {
    }

    /** Decides an open alert (the institution's approvers), audited; a decided alert stays decided. */
    Alert decide(Caller caller, long id, OutcomeRequest request);

    /** What a lender may do about a confirmed diversion, each an approver's act (issue 18 §6). */
    enum Action { STOP_DRAWDOWNS, DIVERSION_PENALTY, ACCELERATE, SPECIAL_MENTION, REPORT_TO_WARNING }

    /**
     * An act on a confirmed case: {@code action}, the reason; for a diversion penalty the amount diverted
     * (default the payment's amount), since when (default the day the money left) and the markup on the
     * contract rate (default 0.5, at most 1).
     */
    record ActionRequest(String action, String reason, BigDecimal amount, LocalDate since, BigDecimal markup) {
    }

    /** Takes one act on the loan of a confirmed case; each act once per case; returns the alert with its acts. */
    Alert act(Caller caller, long id, ActionRequest request);
}
