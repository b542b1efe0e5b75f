package cn.chanrong.registry;

import cn.chanrong.shared.Upload;
import java.util.List;

/**
 * Filing and checking. Both join the caller's transaction (a financing and its filing commit
 * together) and lock what they look at, so the answer holds until that transaction ends.
 */
public interface CollateralRegistry {

    /** A request about some collateral: who grants it, its type, its identifiers and/or a blanket scope. */
    record Request(String grantor, String collateralType, String description, List<String> identifiers,
                   String blanketScope, Integer termMonths) {
    }

    /** Every active filing by another party than {@code securedParty} that covers the request. */
    List<Conflict> check(long securedParty, Request request);

    /** Files for {@code securedParty}; refused with the conflicts cited when another party holds the asset. */
    Filing file(long securedParty, Request request, String actor);

    /** Active filings against a grantor in registration order. */
    List<Filing> byGrantor(String grantor);

    /** A filing by its registration number, whatever its status. */
    java.util.Optional<Filing> byNumber(String number);

    /**
     * Amends the caller's own active filing: a new description, identifiers added (checked against
     * other parties' filings like a new filing, and refused the same way) or removed.
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

    /** Thrown by {@link #file} when the asset is already filed by someone else. */
    final class AlreadyFiled extends RuntimeException {
        private final List<Conflict> conflicts;

        public AlreadyFiled(List<Conflict> conflicts) {
            super("already filed by another secured party: " + conflicts.get(0).number());
            this.conflicts = List.copyOf(conflicts);
        }

        public List<Conflict> conflicts() {
            return conflicts;
        }
    }
}
