package cn.chanrong.platform.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import cn.chanrong.platform.PlatformMode;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts PostgreSQL from the embedded binaries when no external database is configured. The
 * cluster lives in {@code <data-dir>/pg} and survives restarts; fsync and synchronous commit are on
 * unless {@code chanrong.db.durable=false}; {@code chanrong.db.throwaway=true} starts from an empty
 * cluster and deletes it on close. Both are for tests only.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(PlatformMode mode, Environment env) throws IOException {
        return EmbeddedServer.open(new EmbeddedServer.Settings(mode.dataDirectory(),
                env.getProperty("chanrong.db.durable", Boolean.class, true),
                env.getProperty("chanrong.db.port", Integer.class),
                env.getProperty("chanrong.db.attach-if-running", Boolean.class, false),
                env.getProperty("chanrong.db.throwaway", Boolean.class, false)));
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedServer server, Environment env) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(server.jdbcUrl());
        cfg.setUsername("postgres");
        cfg.setMaximumPoolSize(env.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 20));
        cfg.setPoolName("chanrong-embedded");
        return new HikariDataSource(cfg);
    }
}
