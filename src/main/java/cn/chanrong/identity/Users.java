package cn.chanrong.identity;

import java.util.Optional;

/** The user directory. */
public interface Users {

    /** Creates a user with a hashed password; returns its id. */
    long create(UserDraft draft, Caller actor);

    boolean exists(String username);

    Optional<Caller> caller(String username);

    /** Users in username order, for administrators. */
    cn.chanrong.shared.Page<UserView> list(Caller caller, cn.chanrong.shared.PageRequest page);

    /** A user as administrators see it (never the password hash). */
    record UserView(long id, String username, String displayName, Role role, Long enterpriseId, Long institutionId,
                    String authorities, String department, String regionCode, boolean enabled) {
    }
}
