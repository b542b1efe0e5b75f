package cn.chanrong.identity;

import java.util.Optional;

/** The user directory. */
public interface Users {

    /** Creates a user with a hashed password; returns its id. */
    long create(UserDraft draft, Caller actor);

    boolean exists(String username);

    Optional<Caller> caller(String username);

    /**
     * An institution's administrator creates a staff member of the same institution (operator,
     * reviewer, approver); only the platform administrator creates institution administrators.
     */
    long createStaff(Caller institutionAdmin, String username, String password, String displayName,
                     java.util.Set<String> authorities);

    /** The users of the caller's own institution, for its administrator. */
    java.util.List<UserView> staff(Caller institutionAdmin);

    /** Users in username order, for administrators. */
    cn.chanrong.shared.Page<UserView> list(Caller caller, cn.chanrong.shared.PageRequest page);

    /**
     * The enterprises that have users of their own, in id order: the demo writes their data first so
     * that the demo users find it at once.
     */
    java.util.List<Long> enterprisesWithUsers();

    /** A user as administrators see it (never the password hash). */
    record UserView(long id, String username, String displayName, Role role, Long enterpriseId, Long institutionId,
                    String authorities, String department, String regionCode, boolean enabled) {
    }
}
