package cn.chanrong.enterprise.internal;

import cn.chanrong.enterprise.domain.ChainTag;
import cn.chanrong.enterprise.domain.Ownership;
import cn.chanrong.enterprise.domain.Profile;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Bulk reads for imports: what the registry already holds for a set of credit codes. */
@Repository
class ImportStore {

    record Existing(long id, int version, Profile profile, Set<ChainTag> tags, Long groupId, String controller) {
    }

    private final JdbcClient jdbc;

    ImportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Long> groupIds() {
        Map<String, Long> m = new HashMap<>();
        jdbc.sql("SELECT code, id FROM enterprise_group").query((rs, i) -> m.put(rs.getString(1), rs.getLong(2))).list();
        return m;
    }

    Map<String, Existing> existing(Collection<String> creditCodes) {
        Map<String, Existing> out = new HashMap<>();
        if (creditCodes.isEmpty()) {
            return out;
        }
        Map<Long, Set<ChainTag>> tags = new HashMap<>();
        String[] codes = creditCodes.toArray(String[]::new);
        jdbc.sql("""
                        SELECT t.enterprise_id, t.tag FROM enterprise_chain_tag t JOIN enterprise e ON e.id = t.enterprise_id
                        WHERE e.credit_code = ANY(:codes)""")
                .param("codes", codes)
                .query((rs, i) -> {
                    long id = rs.getLong(1);
                    ChainTag.parse(rs.getString(2))
                            .ifPresent(t -> tags.computeIfAbsent(id, k -> EnumSet.noneOf(ChainTag.class)).add(t));
                    return id;
                })
                .list();
        jdbc.sql("""
                        SELECT id, version, credit_code, credit_code_override, name, name_en, region_code, industry_code,
                               ownership, founding_date, employees, annual_revenue, group_id, actual_controller
                        FROM enterprise WHERE credit_code = ANY(:codes)""")
                .param("codes", codes)
                .query((rs, i) -> {
                    long id = rs.getLong("id");
                    Profile p = new Profile(rs.getString("credit_code"), rs.getString("credit_code_override"),
                            rs.getString("name"), rs.getString("name_en"), rs.getString("region_code"),
                            rs.getString("industry_code"), Ownership.valueOf(rs.getString("ownership")),
                            rs.getObject("founding_date", LocalDate.class), rs.getInt("employees"),
                            rs.getBigDecimal("annual_revenue"));
                    out.put(p.creditCode(), new Existing(id, rs.getInt("version"), p,
                            tags.getOrDefault(id, EnumSet.noneOf(ChainTag.class)), (Long) rs.getObject("group_id"),
                            rs.getString("actual_controller")));
                    return id;
                })
                .list();
        return out;
    }

    void setGroup(long enterpriseId, Long groupId, String controller) {
        jdbc.sql("UPDATE enterprise SET group_id = :g, actual_controller = :c WHERE id = :id")
                .param("g", groupId).param("c", controller).param("id", enterpriseId).update();
    }
}
