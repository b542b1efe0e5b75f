package cn.chanrong.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chanrong.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class BootstrapAdministratorIntegrationTests {

    @Autowired
    JdbcUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    TransactionTemplate tx;

    long count(String username) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
    }

    @Test
    void nothing_happens_while_an_administrator_exists() throws Exception {
        new BootstrapAdministrator(users, "root-admin", "a-long-enough-secret").run(null);
        assertThat(count("root-admin")).isZero();
    }

    @Test
    void a_new_installation_gets_its_first_administrator_from_the_settings() {
        tx.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM app_user WHERE role = 'ADMIN'").update();
            assertThatThrownBy(() -> new BootstrapAdministrator(users, "first-admin", "short").run(null))
                    .hasMessageContaining("at least 12");
            try {
                new BootstrapAdministrator(users, "first-admin", "a-long-enough-secret").run(null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'first-admin' AND role = 'ADMIN'")
                    .query(String.class).single();
            assertThat(hash).startsWith("{bcrypt}");
            assertThat(encoder.matches("a-long-enough-secret", hash)).isTrue();
            status.setRollbackOnly();
        });
        assertThat(count("first-admin")).isZero();
    }
}
