package cn.chanrong.identity.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.identity.UserDraft;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outside demo mode no default password exists, so the first administrator of a new installation
 * is created from {@code CHANRONG_BOOTSTRAP_ADMIN_USERNAME} and {@code CHANRONG_BOOTSTRAP_ADMIN_PASSWORD}
 * (at least 12 characters) when no administrator exists yet. The creation is audited.
 */
@Component
@Order(5)
class BootstrapAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);
    static final int MIN_PASSWORD = 12;

    private final JdbcUsers users;
    private final String username;
    private final String password;

    BootstrapAdministrator(JdbcUsers users,
                           @Value("${chanrong.bootstrap.admin-username:}") String username,
                           @Value("${chanrong.bootstrap.admin-password:}") String password) {
        this.users = users;
        this.username = username;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (username.isBlank() || password.isBlank()) {
            return;
        }
        if (users.administrators() > 0) {
            return;
        }
        if (password.length() < MIN_PASSWORD) {
            throw new IllegalStateException("chanrong.bootstrap.admin-password must have at least " + MIN_PASSWORD
                    + " characters");
        }
        users.create(new UserDraft(username, password, "Administrator", Role.ADMIN, null, null, Set.of(), null, null),
                Caller.system("bootstrap"));
        log.info("Created the first administrator '{}' from the bootstrap settings", username);
    }
}
