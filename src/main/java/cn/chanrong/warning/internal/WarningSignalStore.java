package cn.chanrong.warning.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the early-warning signals: the facts each rule reads, the weights in force, the public records. */
@Repository
class WarningSignalStore {

    /** The enterprise itself; the institutions lending to it or holding its lines; every regulator where it is. */
    static final ReadScope SCOPE = ReadScope.regulated().enterprise("e.id")
            .institutionWhen("(EXISTS (SELECT 1 FROM loan_fact_view f WHERE f.institution_id = :sc_inst"
                    + " AND (f.borrower_id = e.id OR f.obligor_id = e.id))"
                    + " OR EXISTS (SELECT 1 FROM facility_view c WHERE c.institution_id = :sc_inst AND c.borrower_id = e.id))")
            .regionOfEnterprise("e.id");

    private final JdbcClient jdbc;

    WarningSignalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Subject(long id, String name, String creditCode) {
    }

    Optional<Subject> subject(Caller caller, long id) {
        Map<String, Object> p = new HashMap<>();
        String w = SCOPE.where(caller, p);
        return jdbc.sql("SELECT e.id, e.name, e.credit_code FROM enterprise_party_view e WHERE e.id = :id AND " + w)
                .params(p).param("id", id).query((rs, n) -> new Subject(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** The weights and level thresholds in force on {@code day}, by rule. */
    Map<String, Integer> weights(LocalDate day) {
        Map<String, Integer> out = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (rule) rule, weight FROM warning_weight WHERE effective_from <= :d
                         ORDER BY rule, effective_from DESC""")
                .param("d", day).query(rs -> {
                    out.put(rs.getString(1), rs.getInt(2));
                });
        return out;
    }

    record Fact(String rule, String detail, LocalDate since, String source) {
    }

    /** The public records in force on {@code day} naming the credit code. */
    List<Fact> publicRecords(String creditCode, LocalDate day) {
        return jdbc.sql("""
                        SELECT kind, detail, valid_from, source FROM warning_public_record
                         WHERE credit_code = :c AND valid_from <= :d AND (valid_to IS NULL OR valid_to >= :d)
                         ORDER BY valid_from DESC, kind""")
                .param("c", creditCode).param("d", day)
                .query((rs, n) -> new Fact(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4)))
                .list();
    }

    /** Confirmed diversion cases reported on the enterprise, with the reporting institution. */
    List<Fact> reportedCases(long enterpriseId) {
        return jdbc.sql("""
                        SELECT r.case_number || '（' || r.rule || '）', r.reported_on, i.name FROM warning_report r
                          JOIN institution_party_view i ON i.id = r.institution_id
                         WHERE r.enterprise_id = :e ORDER BY r.reported_on DESC""")
                .param("e", enterpriseId)
                .query((rs, n) -> new Fact("CONFIRMED_DIVERSION", rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getString(3)))
                .list();
    }

    /** The regulators' lists, not confidential, that name the enterprise. */
    List<Fact> listedOn(long enterpriseId) {
        return jdbc.sql("""
                        SELECT l.title || coalesce('：' || n.reason, ''), l.published_on, l.department FROM warning_entry n
                          JOIN warning_list l ON l.id = n.list_id
                         WHERE n.enterprise_id = :e AND NOT l.confidential ORDER BY l.published_on DESC""")
                .param("e", enterpriseId)
                .query((rs, n) -> new Fact("HIGH_RISK_LIST", rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getString(3)))
                .list();
    }

    record Arrears(int loans, int lenders, int maxDays) {
    }

    /** Loans with the enterprise as risk obligor past due at any lender: how many, at how many lenders, the longest. */
    Arrears arrears(long enterpriseId) {
        return jdbc.sql("""
                        SELECT count(*), count(DISTINCT institution_id), coalesce(max(days_past_due), 0) FROM loan_fact_view
                         WHERE obligor_id = :e AND days_past_due > 0 AND principal_outstanding > 0""")
                .param("e", enterpriseId).query((rs, n) -> new Arrears(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
    }

    /**
     * The enterprise's direct suppliers and customers with a loan (as risk obligor) classified non-performing or written
     * off at any lender: their names.
     */
    List<String> defaultedPartners(long enterpriseId) {
        return jdbc.sql("""
                        SELECT DISTINCT p.name FROM enterprise_relationship_view r
                          JOIN enterprise_party_view p ON p.id = CASE WHEN r.supplier_id = :e THEN r.customer_id
                                                                      ELSE r.supplier_id END
                         WHERE (r.supplier_id = :e OR r.customer_id = :e)
                           AND EXISTS (SELECT 1 FROM loan_fact_view f WHERE f.obligor_id = p.id
                                        AND (f.status = 'WRITTEN_OFF' OR f.tier IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')))
                         ORDER BY p.name LIMIT 20""")
                .param("e", enterpriseId).query(String.class).list();
    }

    /** The latest scoring and the best one in the 365 days before it. */
    record Scores(LocalDate on, int score, String grade, LocalDate bestOn, Integer bestScore, String bestGrade) {
    }

    java.util.Optional<Scores> scores(long enterpriseId) {
        return jdbc.sql("""
                        WITH latest AS (SELECT scored_on, score, grade FROM credit_score_view WHERE enterprise_id = :e
                                         ORDER BY scored_on DESC LIMIT 1)
                        SELECT l.scored_on, l.score, l.grade, b.scored_on, b.score, b.grade
                          FROM latest l LEFT JOIN LATERAL (
                               SELECT p.scored_on, p.score, p.grade FROM credit_score_view p
                                WHERE p.enterprise_id = :e AND p.scored_on < l.scored_on
                                  AND p.scored_on >= l.scored_on - 365
                                ORDER BY p.score DESC, p.scored_on LIMIT 1) b ON TRUE""")
                .param("e", enterpriseId)
                .query((rs, i) -> new Scores(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), (Integer) rs.getObject(5, Integer.class), rs.getString(6)))
                .optional();
    }

    /** The institution's borrowers by name: risk obligors of loans outstanding, holders of active lines. */
    cn.chanrong.shared.Page<Long> borrowers(long institutionId, cn.chanrong.shared.PageRequest page) {
        String from = """
                 FROM enterprise_party_view e WHERE e.id IN (
                   SELECT f.obligor_id FROM loan_fact_view f WHERE f.institution_id = :i AND f.principal_outstanding > 0
                   UNION SELECT c.borrower_id FROM facility_view c WHERE c.institution_id = :i AND c.status = 'ACTIVE')""";
        List<Long> ids = jdbc.sql("SELECT e.id " + from + " ORDER BY e.name, e.id LIMIT :limit OFFSET :offset")
                .param("i", institutionId).param("limit", page.size()).param("offset", page.offset())
                .query(Long.class).list();
        long total = jdbc.sql("SELECT count(*) " + from).param("i", institutionId).query(Long.class).single();
        return new cn.chanrong.shared.Page<>(ids, page.page(), page.size(), total);
    }

    /** Writes a public record; 1 when new, 0 when it replaced the one with its kind, code and first day. */
    int upsertPublicRecord(String kind, String code, String detail, String source, LocalDate from, LocalDate to, String by) {
        return jdbc.sql("""
                        INSERT INTO warning_public_record (kind, credit_code, detail, source, valid_from, valid_to, imported_by)
                        VALUES (:k, :c, :d, :s, :f, :t, :by)
                        ON CONFLICT (kind, credit_code, valid_from) DO UPDATE SET detail = EXCLUDED.detail,
                               source = EXCLUDED.source, valid_to = EXCLUDED.valid_to, imported_by = EXCLUDED.imported_by,
                               imported_at = now()
                        RETURNING (xmax = 0)::int""")
                .param("k", kind).param("c", code).param("d", detail).param("s", source).param("f", from).param("t", to)
                .param("by", by).query(Integer.class).single();
    }
}
