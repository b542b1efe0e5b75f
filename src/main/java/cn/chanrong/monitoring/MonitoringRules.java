package cn.chanrong.monitoring;

import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The detections' parameters as data (issue 18 §4): versioned, effective-dated, for the platform, an
 * institution or one of its products. A version is drafted, back-tested over the payments already reported,
 * and only then put live by someone other than who drafted it; the alerts it raises keep its version.
 */
public interface MonitoringRules {

    enum Status { DRAFT, LIVE, WITHDRAWN }

    /**
     * One version of one rule: {@code institutionId} null for the platform's, {@code productId} null for all of
     * the institution's products; {@code params} as stored; {@code inForce} whether it is the version that
     * applies today in its scope.
     */
    record RuleVersion(long id, String rule, int version, Long institutionId, String institutionName, Long productId,
                       String productName, LocalDate effectiveFrom, Map<String, Object> params, String note, Status status,
                       boolean inForce, Backtest backtest, String draftedBy, Instant draftedAt, String decidedBy,
                       Instant decidedAt) {
    }

    /**
     * What a draft would have raised over the payments of {@code from}–{@code to} (value dates), beside what the
     * versions live then raise on the same events: counts per rule, and the alerts it adds or no longer raises
     * (the first {@link #CHANGES_LISTED} listed). {@code truncated}: more payments than one back-test reads.
     */
    record Backtest(LocalDate from, LocalDate to, int payments, boolean truncated, Map<String, Integer> live,
                    Map<String, Integer> draft, int added, int removed, List<Change> changes, String by, Instant at) {
    }

    int CHANGES_LISTED = 50;

    /** An alert the draft adds ({@code ADDED}) or no longer raises ({@code REMOVED}). */
    record Change(String change, String rule, String bankReference, LocalDate valueDate, BigDecimal amount,
                  String counterpartyName, String enterpriseName, String loanNumber) {
    }

    /** {@code productId} optional (null: every product of the institution, or the platform's for an administrator). */
    record Draft(String rule, Long productId, LocalDate effectiveFrom, Map<String, Object> params, String note) {
    }

    /** Versions the caller may read: an institution its own and the platform's; administrators and financial regulators all. */
    Page<RuleVersion> list(Caller caller, String rule, String status, PageRequest page);

    RuleVersion get(Caller caller, long id);

    /** The version of a rule by its number, when the caller may read it (an alert names the version that raised it). */
    java.util.Optional<RuleVersion> version(Caller caller, String rule, int version);

    /** A new draft version (an institution's approver or administrator; the platform's by an administrator). */
    RuleVersion draft(Caller caller, Draft draft);

    /** Runs the draft over the payments reported between the dates and keeps the figures with it. */
    RuleVersion backtest(Caller caller, long id, LocalDate from, LocalDate to);

    /** Puts a back-tested draft live (someone other than its drafter); it applies from its effective date. */
    RuleVersion activate(Caller caller, long id);

    /**
     * The parameters of {@code rule} in force today for the caller's institution and {@code productId} (null: the
     * institution's products in general; the platform's for an administrator): what a new draft starts from.
     */
    Map<String, Object> current(Caller caller, String rule, Long productId);

    /** Withdraws a draft that will not go live. */
    RuleVersion withdraw(Caller caller, long id);
}
