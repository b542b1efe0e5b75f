package cn.chanrong.registry;

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

    /** Cancels the caller's own active filing (after the secured debt is repaid). */
    Filing cancel(long securedParty, String number, String reason, String actor);

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
