package cn.chanrong.statistics.internal;

import cn.chanrong.enterprise.EnterpriseProfileChanged;
import cn.chanrong.enterprise.EnterpriseRegistered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps one fact row per enterprise from registry events; the version guard ignores stale redeliveries. */
@Component
class EnterpriseFacts {

    private final JdbcClient jdbc;

    EnterpriseFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(EnterpriseRegistered e) {
        upsert(e.enterpriseId(), 0, e.regionCode(), e.industryCode(), e.sizeClass());
    }

    @ApplicationModuleListener
    void on(EnterpriseProfileChanged e) {
        upsert(e.enterpriseId(), e.version(), e.regionCode(), e.industryCode(), e.sizeClass());
    }

    /** Replaces the enterprise's tags with the event's full set: a redelivery writes the same rows again. */
    @ApplicationModuleListener
    void on(cn.chanrong.enterprise.EnterpriseChainTagsChanged e) {
        jdbc.sql("DELETE FROM stat_enterprise_chain WHERE enterprise_id = :id").param("id", e.enterpriseId()).update();
        for (String tag : e.tags()) {
            jdbc.sql("INSERT INTO stat_enterprise_chain (enterprise_id, tag) VALUES (:id, :t) ON CONFLICT DO NOTHING")
                    .param("id", e.enterpriseId()).param("t", tag).update();
        }
    }

    private void upsert(long id, int version, String region, String industry, String size) {
        jdbc.sql("""
                        INSERT INTO stat_enterprise (enterprise_id, version, province_code, prefecture_code, industry_section,
                                                     size_class)
                        VALUES (:id, :v, :p, :pref, :s, :size)
                        ON CONFLICT (enterprise_id) DO UPDATE SET version = excluded.version,
                            province_code = excluded.province_code, prefecture_code = excluded.prefecture_code,
                            industry_section = excluded.industry_section,
                            size_class = excluded.size_class
                        WHERE stat_enterprise.version < excluded.version""")
                .param("id", id).param("v", version).param("p", region.substring(0, 2) + "0000")
                .param("pref", region.substring(0, 4) + "00")
                .param("s", industry.substring(0, 1)).param("size", size)
                .update();
    }
}
