package cn.chanrong.statistics.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.statistics.EnterpriseCount;
import cn.chanrong.statistics.EnterpriseStatistics;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class JdbcEnterpriseStatistics implements EnterpriseStatistics {

    private final JdbcClient jdbc;

    JdbcEnterpriseStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public cn.chanrong.statistics.Overview overview(Caller caller) {
        String prefix = caller.regionPrefix();
        String like = prefix == null ? null : prefix + "%";
        // national scope: by province; a provincial regulator: its prefectures
        var byProvince = counts(prefix == null ? """
                SELECT province_code, count(*) FROM stat_enterprise
                WHERE CAST(:p AS text) IS NULL OR province_code LIKE :p GROUP BY 1 ORDER BY 2 DESC, 1""" : """
                SELECT coalesce(prefecture_code, province_code), count(*) FROM stat_enterprise
                WHERE province_code LIKE :p GROUP BY 1 ORDER BY 2 DESC, 1""", like);
        var byChain = counts("""
                SELECT c.tag, count(*) FROM stat_enterprise_chain c JOIN stat_enterprise s ON s.enterprise_id = c.enterprise_id
                WHERE CAST(:p AS text) IS NULL OR s.province_code LIKE :p GROUP BY 1 ORDER BY 2 DESC, 1""", like);
        var bySize = counts("""
                SELECT size_class, count(*) FROM stat_enterprise
                WHERE CAST(:p AS text) IS NULL OR province_code LIKE :p GROUP BY 1 ORDER BY 1""", like);
        long total = byProvince.stream().mapToLong(cn.chanrong.statistics.Overview.Count::count).sum();
        return new cn.chanrong.statistics.Overview(prefix == null ? "national" : prefix + "0000", total, byProvince,
                byChain, bySize);
    }

    private List<cn.chanrong.statistics.Overview.Count> counts(String sql, String like) {
        return jdbc.sql(sql).param("p", like)
                .query((rs, i) -> new cn.chanrong.statistics.Overview.Count(rs.getString(1), rs.getLong(2))).list();
    }

    @Override
    public List<EnterpriseCount> byProvinceAndSize(Caller caller) {
        String prefix = caller.regionPrefix();
        return jdbc.sql("""
                        SELECT province_code, size_class, count(*) FROM stat_enterprise
                        WHERE CAST(:p AS text) IS NULL OR province_code LIKE :p
                        GROUP BY province_code, size_class ORDER BY province_code, size_class""")
                .param("p", prefix == null ? null : prefix + "%")
                .query((rs, i) -> new EnterpriseCount(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }
}
