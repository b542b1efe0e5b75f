package cn.chanrong.scf.internal;

import cn.chanrong.enterprise.EnterpriseSql;
import cn.chanrong.reference.BusinessDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The enterprises and institutions a supply-chain document names, as the checks need them, read from the
 * views the enterprise and institution modules publish.
 */
@Component
class PartyStore {

    record Party(long id, String name, String creditCode, String regionCode, String size, Long groupId) {
        boolean large() {
            return "LARGE".equals(size);
        }
    }

    private final JdbcClient jdbc;
    private final BusinessDate businessDate;

    PartyStore(JdbcClient jdbc, BusinessDate businessDate) {
        this.jdbc = jdbc;
        this.businessDate = businessDate;
    }

    Optional<Party> enterprise(long id) {
        return jdbc.sql("SELECT e.id, e.name, e.credit_code, e.region_code, " + EnterpriseSql.SIZE
                        + ", e.group_id FROM enterprise_party_view e WHERE e.id = :id")
                .param("id", id).query((rs, i) -> new Party(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), (Long) rs.getObject(6))).optional();
    }

    Optional<Party> byCreditCode(String code) {
        return jdbc.sql("SELECT id FROM enterprise_party_view WHERE credit_code = :c").param("c", code).query(Long.class)
                .optional().flatMap(this::enterprise);
    }

    Optional<String> institutionName(long id) {
        return jdbc.sql("SELECT name FROM institution_party_view WHERE id = :id").param("id", id).query(String.class).optional();
    }

    boolean enterpriseExists(long id) {
        return jdbc.sql("SELECT count(*) FROM enterprise_party_view WHERE id = :id").param("id", id).query(Long.class).single() > 0;
    }

    boolean institutionExists(long id) {
        return jdbc.sql("SELECT count(*) FROM institution_party_view WHERE id = :i").param("i", id)
                .query(Long.class).single() > 0;
    }

    /** An enterprise's credit code and name, as a filing and a booking name it. */
    record Named(String creditCode, String name) {
    }

    Named named(long id) {
        return jdbc.sql("SELECT credit_code, name FROM enterprise_party_view WHERE id = :e").param("e", id)
                .query((rs, i) -> new Named(rs.getString(1), rs.getString(2))).single();
    }

    java.time.LocalDate today() {
        return businessDate.today();
    }
}
