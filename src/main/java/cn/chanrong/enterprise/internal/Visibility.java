package cn.chanrong.enterprise.internal;

import cn.chanrong.identity.Caller;

/**
 * The tenant predicate of enterprise queries: administrators, institutions and national
 * regulators see every public profile; a regional regulator sees its province; an enterprise user
 * sees only their own enterprise.
 */
record Visibility(boolean all, Long enterpriseId, String regionPrefix) {

    static Visibility of(Caller c) {
        return switch (c.role()) {
            case ADMIN, INSTITUTION -> new Visibility(true, null, null);
            case REGULATOR -> c.regionPrefix() == null ? new Visibility(true, null, null)
                    : new Visibility(false, null, c.regionPrefix());
            case ENTERPRISE -> new Visibility(false, c.enterpriseId() == null ? -1L : c.enterpriseId(), null);
        };
    }

    /**
     * The SQL predicate over alias {@code e}, written for this caller only (parameters
     * {@code :v_eid}, {@code :v_region}), so a prepared statement's plan never carries the other
     * callers' branches.
     */
    String predicate() {
        if (all) {
            return "TRUE";
        }
        return enterpriseId != null ? "e.id = :v_eid" : "e.region_code LIKE :v_region";
    }

    String regionLike() {
        return regionPrefix == null ? null : regionPrefix + "%";
    }
}
