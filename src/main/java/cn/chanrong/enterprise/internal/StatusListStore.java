package cn.chanrong.enterprise.internal;

import cn.chanrong.enterprise.StatusLists;
import cn.chanrong.enterprise.domain.QualificationType;
import cn.chanrong.enterprise.domain.StatusList;
import cn.chanrong.enterprise.domain.StatusListEntry;
import cn.chanrong.enterprise.domain.StatusRules;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the imported status lists and of the statuses an enterprise holds, verified or declared. */
@Repository
class StatusListStore {

    private static final String SELECT = """
            SELECT s.id, s.list, s.issuer, s.document, s.credit_code, s.valid_from, s.valid_to, s.imported_by, s.imported_at,
                   e.id, e.name
              FROM enterprise_status_list s LEFT JOIN enterprise e ON e.credit_code = s.credit_code""";

    private final JdbcClient jdbc;

    StatusListStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String key(StatusList list, String creditCode, LocalDate validFrom) {
        return list.name() + "|" + creditCode + "|" + validFrom;
    }

    /** The rows already held for these entries' keys, by {@link #key}. */
    Map<String, StatusListEntry> existing(Collection<StatusListEntry> entries) {
        Map<String, StatusListEntry> out = new HashMap<>();
        if (entries.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT list, issuer, document, credit_code, valid_from, valid_to FROM enterprise_status_list
                        WHERE credit_code = ANY(:codes)""")
                .param("codes", entries.stream().map(StatusListEntry::creditCode).distinct().toArray(String[]::new))
                .query(rs -> {
                    StatusListEntry e = new StatusListEntry(StatusList.valueOf(rs.getString(1)), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class));
                    out.put(key(e.list(), e.creditCode(), e.validFrom()), e);
                });
        return out;
    }

    void upsert(StatusListEntry e, String actor) {
        jdbc.sql("""
                        INSERT INTO enterprise_status_list (list, issuer, document, credit_code, valid_from, valid_to, imported_by)
                        VALUES (:l, :i, :d, :c, :f, :t, :a)
                        ON CONFLICT (list, credit_code, valid_from) DO UPDATE SET issuer = excluded.issuer,
                            document = excluded.document, valid_to = excluded.valid_to, imported_by = excluded.imported_by,
                            imported_at = now()""")
                .param("l", e.list().name()).param("i", e.issuer()).param("d", e.document()).param("c", e.creditCode())
                .param("f", e.validFrom()).param("t", e.validTo()).param("a", actor).update();
    }

    /** Registered enterprises by credit code, for those of {@code creditCodes} that are registered. */
    Map<String, Long> enterpriseIds(Collection<String> creditCodes) {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("SELECT credit_code, id FROM enterprise WHERE credit_code = ANY(:codes)")
                .param("codes", creditCodes.toArray(String[]::new))
                .query(rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    /** A page of list rows, newest start first, filtered by list, credit code and the day they are valid on. */
    Page<StatusLists.Entry> page(StatusLists.Filter f, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> p = new HashMap<>();
        if (f.list() != null) {
            where.append(" AND s.list = :list");
            p.put("list", f.list().name());
        }
        if (f.creditCode() != null) {
            where.append(" AND s.credit_code = :code");
            p.put("code", f.creditCode());
        }
        if (f.validOn() != null) {
            where.append(" AND s.valid_from <= :day AND (s.valid_to IS NULL OR s.valid_to > :day)");
            p.put("day", f.validOn());
        }
        long total = jdbc.sql("SELECT count(*) FROM enterprise_status_list s" + where).params(p).query(Long.class).single();
        List<StatusLists.Entry> items = jdbc.sql(SELECT + where + " ORDER BY s.valid_from DESC, s.id DESC LIMIT :lim OFFSET :off")
                .params(p).param("lim", page.size()).param("off", page.offset()).query(StatusListStore::entry).list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static StatusLists.Entry entry(ResultSet rs, int i) throws SQLException {
        return new StatusLists.Entry(rs.getLong(1), StatusList.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8),
                rs.getTimestamp(9).toInstant(), (Long) rs.getObject(10), rs.getString(11));
    }

    /**
     * Every status of these enterprises, of any validity: the list rows naming their credit codes, the
     * qualifications regulators confirmed, and those the enterprises declared.
     */
    Map<Long, List<StatusRules.Held>> held(Collection<Long> ids) {
        Map<Long, List<StatusRules.Held>> out = new HashMap<>();
        Long[] array = ids.toArray(Long[]::new);
        jdbc.sql("""
                        SELECT e.id, s.list, s.issuer, s.document, s.valid_from, s.valid_to
                          FROM enterprise_status_list s JOIN enterprise e ON e.credit_code = s.credit_code
                         WHERE e.id = ANY(:ids) ORDER BY s.valid_from, s.id""")
                .param("ids", array)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new StatusRules.Held(
                            StatusList.valueOf(rs.getString(2)).type(), StatusRules.Source.LIST, rs.getString(3),
                            rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)));
                });
        jdbc.sql("""
                        SELECT enterprise_id, type, issuer, certificate, valid_from, valid_to, confirmed_by
                          FROM enterprise_qualification WHERE enterprise_id = ANY(:ids) ORDER BY valid_from, id""")
                .param("ids", array)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new StatusRules.Held(
                            QualificationType.valueOf(rs.getString(2)),
                            rs.getString(7) == null ? StatusRules.Source.DECLARATION : StatusRules.Source.CONFIRMATION,
                            rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                            rs.getObject(6, LocalDate.class)));
                });
        return out;
    }
}
