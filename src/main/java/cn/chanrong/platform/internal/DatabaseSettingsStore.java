package cn.chanrong.platform.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The settings of the database server that say which it is and how durable its commits are. */
@Repository
class DatabaseSettingsStore {

    private final JdbcClient jdbc;

    DatabaseSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String serverVersion() {
        return show("SHOW server_version");
    }

    String fsync() {
        return show("SHOW fsync");
    }

    String synchronousCommit() {
        return show("SHOW synchronous_commit");
    }

    private String show(String sql) {
        return jdbc.sql(sql).query(String.class).single();
    }
}
