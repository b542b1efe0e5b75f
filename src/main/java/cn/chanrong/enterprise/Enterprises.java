package cn.chanrong.enterprise;

import cn.chanrong.enterprise.domain.ProfileRules;
import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;

/**
 * The enterprise registry's application service: every call names its caller, runs in one
 * transaction and writes its audit entry in it. Refusals are thrown as
 * {@link cn.chanrong.shared.Rejected}.
 */
public interface Enterprises {

    Enterprise register(Caller caller, ProfileRules.Input input);

    /**
     * Replaces the profile if {@code expectedVersion} is still current.
     *
     * @param fromIfMatch whether the version came from an {@code If-Match} header (a stale one is a
     *                    failed precondition) or from the body (a stale one is a conflict)
     */
    Enterprise update(Caller caller, long id, ProfileRules.Input input, int expectedVersion, boolean fromIfMatch);

    Enterprise get(Caller caller, long id);

    Page<Enterprise> search(Caller caller, EnterpriseFilter filter, PageRequest page);

    /** Whether the caller may change this enterprise's profile (for showing an edit button). */
    boolean mayEdit(Caller caller, Enterprise enterprise);
}
