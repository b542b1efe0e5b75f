package cn.chanrong.platform.internal;

import cn.chanrong.platform.PlatformMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Shows administrators (in /actuator/info) which database runs and whether it is durable. */
@Component
class DatabaseInfo implements InfoContributor {

    private final JdbcClient jdbc;
    private final PlatformMode mode;

    DatabaseInfo(JdbcClient jdbc, PlatformMode mode) {
        this.jdbc = jdbc;
        this.mode = mode;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> db = new LinkedHashMap<>();
        db.put("embedded", mode.embeddedDatabase());
        db.put("demo", mode.demo());
        db.put("serverVersion", jdbc.sql("SHOW server_version").query(String.class).single());
        db.put("fsync", jdbc.sql("SHOW fsync").query(String.class).single());
        db.put("synchronousCommit", jdbc.sql("SHOW synchronous_commit").query(String.class).single());
        builder.withDetail("database", db);
    }
}
