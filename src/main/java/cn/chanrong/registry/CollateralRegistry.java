package cn.chanrong.registry;

import cn.chanrong.shared.Upload;
import java.util.List;

/**
 * Filing and checking. Both join the caller's transaction (a financing and its filing commit
 * together) and lock what they look at, so the answer holds until that transaction ends.
 */
public interface CollateralRegistry {

    /**
     * A request about some collateral: who grants it, its type, its identifiers and/or a blanket scope;
     * for an interest that secures the goods' purchase price ({@code purchaseMoney}, or a retention of
     * title or a financial lease) the date the goods were delivered, which decides its priority.
     */
    record Request(String grantor, String collateralType, String description, List<String> identifiers,
                   String blanketScope, Integer termMonths, java.time.LocalDate deliveredOn, boolean purchaseMoney) {

        public Request(String grantor, String collateralType, String description, List<String> identifiers,
                       String blanketScope, Integer termMonths) {
            this(grantor, collateralType, description, identifiers, blanketScope, termMonths, null, false);
        }
    }

    /**
     * Where an interest ranks in the asset it covers: {@code position} 1 is first; {@code ahead} lists
     * the other parties' filings that rank before it, first first, each with the rule that puts it there;
     * {@code covering} every other party's filing on the asset, ahead or not (what {@link #check} answers).
     */
    record Ranking(int position, List<Conflict> ahead, List<Conflict> covering) {
    }

    /** Every active filing by another party than {@code securedParty} that covers the request. */
    List<Conflict> check(long securedParty, Request request);

    /**
     * Where a filing made now for {@code securedParty} would rank, counting blanket filings and imported
     * national-registry filings.
     */
    Ranking rank(long securedParty, Request request);

    /** Where a registered filing ranks now among the active filings of other parties on the same asset. */
    Ranking rankOf(String number);

    /**
     * Registers a filing for {@code securedParty}. The register refuses no valid filing: a second
     * secured party is registered behind the first (see {@link #rankOf}); whether a financing may take
     * a junior position is the financing side's decision.
     */
    Filing file(long securedParty, Request request, String actor);

    /**
     * Counts a financing refused because another party holds the asset (for the regulators' figures),
     * in a transaction of its own so that the count survives the refusal.
     */
    void recordRefused(long securedParty, Request request, List<Conflict> conflicts);

    /** Active filings against a grantor in registration order. */
    List<Filing> byGrantor(String grantor);

    /** A filing by its registration number, whatever its status. */
    java.util.Optional<Filing> byNumber(String number);

    /**
     * Amends the caller's own active filing: a new description, identifiers added (registered like a
     * new filing, behind other parties' filings on them) or removed.
     */
    record Amendment(String description, List<String> addIdentifiers, List<String> removeIdentifiers) {
    }

    Filing amend(long securedParty, String number, Amendment amendment, String actor);

    /** Extends the caller's own active filing by some months (the whole term stays within 360). */
    Filing extend(long securedParty, String number, Integer months, String actor);

    /** An objection by an enterprise user (the grantor or another interested party). */
    Filing object(String username, Long enterpriseId, String number, String reason);

    /** The secured party (or an administrator, {@code securedParty} null) records how an objection was resolved. */
    Filing resolveObjection(Long securedParty, String number, long objectionId, String resolution, String actor);

    /** Cancels the caller's own active filing (after the secured debt is repaid). */
    Filing cancel(long securedParty, String number, String reason, String actor);

    /**
     * Raises a task for the secured party to cancel a filing whose secured debt was repaid, due in the
     * configured number of working days; raising it again for the same reason changes nothing.
     */
    CancellationTask raiseCancellationTask(String filingNumber, String reason);

    /**
     * Imports national-registry search results (the CSV layout in README, UTF-8 unless {@code encoding}
     * says otherwise), streaming the upload: all rows or none; each refused row is reported with its
     * line and field, the first 1,000 listed and the rest counted. Returns how many filings were imported.
     */
    int importExternal(Upload file, String encoding, String actor);

    /** Active filings on the platform by collateral type. */
    java.util.Map<String, Long> activeByType();

    /** How many double-financing attempts were refused, per institution, since a date (for regulators). */
    java.util.Map<Long, Long> blockedAttempts(java.time.LocalDate since);

    /** A secured party's cancellation tasks still open, or (for {@code null}) every overdue one. */
    List<CancellationTask> openCancellationTasks(Long securedParty, boolean overdueOnly);

    /** A duty to cancel a filing by a date; {@code doneOn} is set when the filing is cancelled. */
    record CancellationTask(long id, String filingNumber, long securedParty, String grantor, String reason,
                            java.time.LocalDate raisedOn, java.time.LocalDate dueOn, java.time.LocalDate doneOn,
                            boolean overdue) {
    }

    /** The certificate's verification hash: SHA-256 over the filing's registered content. */
    String certificateHash(Filing filing);

}
