package cn.chanrong.statistics.internal;

import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The fact row statistics keeps per enterprise ({@code stat_enterprise}) and its chain tags ({@code stat_enterprise_chain}). */
@Repository
class EnterpriseFactStore {

    private final JdbcClient jdbc;

    EnterpriseFactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the enterprise's region, industry section and size unless a later version is stored already. */
    void upsert(long id, int version, String region, String industry, String size) {
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

    /** Replaces the enterprise's tags with the full set: written again, they leave the same rows. */
    void replaceChainTags(long enterpriseId, Collection<String> tags) {
        jdbc.sql("DELETE FROM stat_enterprise_chain WHERE enterprise_id = :id").param("id", enterpriseId).update();
        for (String tag : tags) {
            jdbc.sql("INSERT INTO stat_enterprise_chain (enterprise_id, tag) VALUES (:id, :t) ON CONFLICT DO NOTHING")
                    .param("id", enterpriseId).param("t", tag).update();
        }
    }
}
