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
