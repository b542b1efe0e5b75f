package cn.chanrong.lending.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.lending.Facility;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Credit lines (授信): opened, read as the caller may see them, locked, drawn on and restored; and the
 * enterprise module's published views a line names its borrower or group from.
 */
@Component
class FacilityStore {

    private static final ReadScope SCOPE = LoanStore.scope("f");

    private static final String COLUMNS = """
            f.id, f.institution_id, f.borrower_id, f.group_id, coalesce(e.name, g.name), f.amount, f.used, f.revolving,
            f.valid_from, f.valid_to, f.status, f.version""";
    private static final String FROM = " FROM facility f LEFT JOIN enterprise_party_view e ON e.id = f.borrower_id"
            + " LEFT JOIN enterprise_group_view g ON g.id = f.group_id";

    /** An active line as an application checks it: whose it is and what is left of it. */
    record ActiveLine(long institutionId, long borrowerId, BigDecimal available) {
    }

    private final JdbcClient jdbc;

    FacilityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Facility map(ResultSet rs, int i) throws SQLException {
        return new Facility(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), (Long) rs.getObject(4), rs.getString(5),
                rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBoolean(8), rs.getObject(9, LocalDate.class),
                rs.getObject(10, LocalDate.class), rs.getString(11), rs.getInt(12));
    }

    private static String visible(Caller caller, Map<String, Object> p) {
        return SCOPE.where(caller, p);
    }

    /** Whether the enterprise is known (published by the enterprise module). */
    boolean enterpriseExists(long id) {
        return jdbc.sql("SELECT count(*) FROM enterprise_party_view WHERE id = :id")
                .param("id", id).query(Long.class).single() != 0;
    }

    /** Whether the enterprise group is known (published by the enterprise module). */
    boolean groupExists(long id) {
        return jdbc.sql("SELECT count(*) FROM enterprise_group_view WHERE id = :id")
                .param("id", id).query(Long.class).single() != 0;
    }

    /** Opens a line for a borrower or a group; returns its id. */
    long open(long institutionId, Long borrowerId, Long groupId, BigDecimal amount, boolean revolving, LocalDate from,
              LocalDate to, String actor) {
        return jdbc.sql("""
                        INSERT INTO facility (institution_id, borrower_id, group_id, amount, revolving, valid_from, valid_to,
                            created_by)
                        VALUES (:i, :b, :g, :a, :r, :f, :t, :by) RETURNING id""")
                .param("i", institutionId).param("b", borrowerId).param("g", groupId).param("a", amount)
                .param("r", revolving).param("f", from).param("t", to)
                .param("by", actor).query(Long.class).single();
    }

    Optional<Facility> find(Caller caller, long id) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE f.id = :id AND " + visible(caller, p)).params(p)
                .query(FacilityStore::map).optional();
    }

    Page<Facility> search(Caller caller, Long borrowerId, PageRequest page) {
        Map<String, Object> p = new LinkedHashMap<>();
        String where = visible(caller, p);
        if (borrowerId != null) {
            where += " AND f.borrower_id = :b";
            p.put("b", borrowerId);
        }
        long total = jdbc.sql("SELECT count(*)" + FROM + " WHERE " + where).params(p).query(Long.class).single();
        p.put("limit", page.size());
        p.put("offset", page.offset());
        return new Page<>(jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE "
                + where + " ORDER BY f.id DESC LIMIT :limit OFFSET :offset").params(p).query(FacilityStore::map).list(),
                page.page(), page.size(), total);
    }

    /** Lines in scope active and in force on the day with something left to draw, by borrower; at most 200. */
    java.util.List<Facility> drawable(Caller caller, java.time.LocalDate day) {
        Map<String, Object> p = new LinkedHashMap<>();
        String where = visible(caller, p) + " AND f.status = 'ACTIVE' AND f.valid_from <= :d AND f.valid_to >= :d"
                + " AND f.amount > f.used";
        p.put("d", day);
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE " + where + " ORDER BY f.borrower_id, f.id LIMIT 200")
                .params(p).query(FacilityStore::map).list();
    }

    /** The line with its row locked for the rest of the transaction; null when there is none. */
    Facility lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE f.id = :id FOR UPDATE OF f").param("id", id)
                .query(FacilityStore::map).optional().orElse(null);
    }

    /** The borrower's enterprise group, or null. */
    Long groupOf(long borrowerId) {
        return jdbc.sql("SELECT group_id FROM enterprise_party_view WHERE id = :b").param("b", borrowerId)
                .query((rs, i) -> (Long) rs.getObject(1)).optional().orElse(null);
    }

    /** The first active line at the institution of the group the borrower belongs to, or null. */
    Long groupLineOf(long institutionId, long borrowerId) {
        return jdbc.sql("""
                        SELECT f.id FROM enterprise_party_view e
                        JOIN facility f ON f.group_id = e.group_id AND f.institution_id = :i AND f.status = 'ACTIVE'
                        WHERE e.id = :b ORDER BY f.id LIMIT 1""")
                .param("i", institutionId).param("b", borrowerId).query(Long.class).optional().orElse(null);
    }

    /** An active line, as an application checks it before citing it. */
    Optional<ActiveLine> active(long id) {
        return jdbc.sql("SELECT institution_id, borrower_id, amount - used FROM facility WHERE id = :id AND status = 'ACTIVE'")
                .param("id", id)
                .query((rs, i) -> new ActiveLine(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3))).optional();
    }

    /**
     * The borrower's line at the institution valid on {@code date} for a financing of {@code principal}:
     * one with the room for it first, then the oldest.
     */
    Optional<Long> lineFor(long institutionId, long borrowerId, LocalDate date, BigDecimal principal) {
        return jdbc.sql("""
                        SELECT id FROM facility WHERE institution_id = :i AND borrower_id = :o AND status = 'ACTIVE'
                           AND valid_from <= :d AND valid_to >= :d ORDER BY amount - used >= :p DESC, id LIMIT 1""")
                .param("i", institutionId).param("o", borrowerId).param("d", date).param("p", principal)
                .query(Long.class).optional();
    }

    /** Uses {@code amount} of the line. */
    void draw(long id, BigDecimal amount) {
        jdbc.sql("UPDATE facility SET used = used + :a, version = version + 1 WHERE id = :id")
                .param("a", amount).param("id", id).update();
    }

    /** Gives {@code principal} back to the line when it revolves. */
    void restore(long id, BigDecimal principal) {
        jdbc.sql("UPDATE facility SET used = greatest(used - :a, 0), version = version + 1 WHERE id = :id AND revolving")
                .param("a", principal).param("id", id).update();
    }
}
