package cn.chanrong.identity;

import java.util.Optional;

/** The user directory. */
public interface Users {

    /** Creates a user with a hashed password; returns its id. */
    long create(UserDraft draft, Caller actor);

    boolean exists(String username);

    Optional<Caller> caller(String username);
}
