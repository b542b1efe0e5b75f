package cn.chanrong.platform.internal;

import cn.chanrong.platform.PlatformMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** Shows administrators (in /actuator/info) which database runs and whether it is durable. */
@Component
class DatabaseInfo implements InfoContributor {

    private final DatabaseSettingsStore settings;
    private final PlatformMode mode;

    DatabaseInfo(DatabaseSettingsStore settings, PlatformMode mode) {
        this.settings = settings;
        this.mode = mode;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> db = new LinkedHashMap<>();
        db.put("embedded", mode.embeddedDatabase());
        db.put("demo", mode.demo());
        db.put("serverVersion", settings.serverVersion());
        db.put("fsync", settings.fsync());
        db.put("synchronousCommit", settings.synchronousCommit());
        builder.withDetail("database", db);
    }
}
