package cn.chanrong.matching.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.matching.Needs.Interest;
import cn.chanrong.matching.Needs.Need;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Financing needs ({@code financing_need}) and the interest institutions express in them ({@code need_interest}). */
@Repository
class NeedStore {

    /**
     * Who may read a need: the enterprise that published it, institutions while it is open and
     * shown to all or to them, the regulators where the enterprise is registered.
     */
    static final ReadScope SCOPE = ReadScope.regulated().enterprise("n.enterprise_id")
            .institutionWhen("n.status = 'OPEN' AND (n.visibility = 'ALL' OR :sc_inst = ANY(n.chosen))");

    private static final String COLUMNS = """
            n.id, n.enterprise_id, e.name AS enterprise_name, e.region_code, n.amount, n.term_months, n.purpose,
            n.product_types, n.collateral, n.urgency, n.visibility, n.chosen, n.use_credit_data, n.decision_id, n.status,
            n.published_on, n.version, (SELECT count(*) FROM need_interest i WHERE i.need_id = n.id) AS interested""";

    private final JdbcClient jdbc;

    NeedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Need row(ResultSet rs, int i) throws SQLException {
        Long decision = rs.getObject("decision_id", Long.class);
        return new Need(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("enterprise_name"),
                rs.getString("region_code"), rs.getBigDecimal("amount"), rs.getInt("term_months"), rs.getString("purpose"),
                List.of((String[]) rs.getArray("product_types").getArray()), rs.getString("collateral"),
                rs.getString("urgency"), rs.getString("visibility"),
                Arrays.stream((Long[]) rs.getArray("chosen").getArray()).toList(), rs.getBoolean("use_credit_data"),
                decision, rs.getString("status"), rs.getObject("published_on", LocalDate.class), rs.getInt("interested"),
                rs.getInt("version"));
    }

    boolean institutionExists(long id) {
        return jdbc.sql("SELECT count(*) FROM institution_party_view WHERE id = :i").param("i", id).query(Long.class).single() != 0;
    }

    /** Stores a checked need as published on the date; returns its id. */
    long insert(long enterpriseId, NeedService.Valid v, LocalDate publishedOn, String by) {
        return jdbc.sql("""
                        INSERT INTO financing_need (enterprise_id, amount, term_months, purpose, product_types, collateral,
                          urgency, visibility, chosen, use_credit_data, published_on, created_by)
                        VALUES (:e, :a, :t, :p, :types, :c, :u, :v, :chosen, :credit, :d, :by) RETURNING id""")
                .param("e", enterpriseId).param("a", v.amount()).param("t", v.term())
                .param("p", v.purpose()).param("types", v.types().toArray(String[]::new))
                .param("c", v.collateral()).param("u", v.urgency()).param("v", v.visibility())
                .param("chosen", v.chosen().toArray(Long[]::new)).param("credit", v.useCreditData())
                .param("d", publishedOn).param("by", by).query(Long.class).single();
    }

    void setDecision(long needId, long decisionId) {
        jdbc.sql("UPDATE financing_need SET decision_id = :d WHERE id = :id").param("d", decisionId).param("id", needId)
                .update();
    }

    /** The need if the caller may see it. */
    Optional<Need> find(Caller caller, long id) {
        Map<String, Object> p = new HashMap<>();
        String where = SCOPE.where(caller, p);
        return jdbc.sql("SELECT " + COLUMNS + " FROM financing_need n JOIN enterprise_party_view e ON e.id = n.enterprise_id WHERE n.id = :id AND "
                        + where).params(p).param("id", id).query(NeedStore::row).optional();
    }

    /**
     * Newest first, of the needs the caller may see: of one status when given, and when {@code products} is given
     * only those of enterprises eligible for one of them.
     */
    Page<Need> search(Caller caller, String status, Long[] products, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder where = new StringBuilder(SCOPE.where(caller, p));
        if (status != null) {
            where.append(" AND n.status = :status");
            p.put("status", status);
        }
        if (products != null) {
            where.append(" AND EXISTS (SELECT 1 FROM need_eligibility g WHERE g.enterprise_id = n.enterprise_id"
                    + " AND g.eligible && CAST(:mine AS bigint[]))");
            p.put("mine", products);
        }
        String from = " FROM financing_need n JOIN enterprise_party_view e ON e.id = n.enterprise_id WHERE " + where;
        List<Need> items = jdbc.sql("SELECT " + COLUMNS + from + " ORDER BY n.id DESC LIMIT :limit OFFSET :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset()).query(NeedStore::row).list();
        long total = jdbc.sql("SELECT count(*)" + from).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** Records an institution's interest; false when it had expressed it already. */
    boolean insertInterest(long needId, long institutionId, Long productId, String note, String by) {
        return jdbc.sql("""
                        INSERT INTO need_interest (need_id, institution_id, product_id, note, by_user)
                        VALUES (:n, :i, :p, :note, :by) ON CONFLICT DO NOTHING""")
                .param("n", needId).param("i", institutionId).param("p", productId)
                .param("note", note).param("by", by)
                .update() != 0;
    }

    /** The interest expressed in a need, oldest first; with {@code onlyOwn}, only institution {@code me}'s. */
    List<Interest> interests(long needId, boolean onlyOwn, long me) {
        return jdbc.sql("""
                        SELECT i.need_id, i.institution_id, t.name, i.product_id, i.note, i.by_user, i.at
                        FROM need_interest i JOIN institution_party_view t ON t.id = i.institution_id
                        WHERE i.need_id = :n AND (NOT :own OR i.institution_id = :me) ORDER BY i.at""")
                .param("n", needId).param("own", onlyOwn).param("me", me)
                .query((rs, i) -> new Interest(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, Long.class), rs.getString(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Withdraws an open need; false when it was no longer open. */
    boolean withdraw(long id) {
        return jdbc.sql("""
                        UPDATE financing_need SET status = 'WITHDRAWN', version = version + 1
                        WHERE id = :id AND status = 'OPEN'""").param("id", id).update() != 0;
    }
}
