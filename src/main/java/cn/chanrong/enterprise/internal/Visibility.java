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

    /** SQL predicate over alias {@code e} using parameters {@code :v_all}, {@code :v_eid}, {@code :v_region}. */
    static final String PREDICATE = "(:v_all OR e.id = :v_eid OR e.region_code LIKE :v_region)";

    String regionLike() {
        return regionPrefix == null ? null : regionPrefix + "%";
    }
}
