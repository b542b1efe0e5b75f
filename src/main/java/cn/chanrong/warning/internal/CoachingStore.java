package cn.chanrong.warning.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.warning.CoachingCases;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the coaching cases, the specialists and the expert pool; cases read in scope. */
@Repository
class CoachingStore {

    /** MIIT's regulators where the case is (the enterprise its own, assigned specialists' institutions). */
    static final ReadScope CASES = ReadScope.customerData().alsoDepartment("MIIT").enterprise("k.enterprise_id")
            .institutionWhen("EXISTS (SELECT 1 FROM warning_case_specialist cs JOIN warning_specialist s ON s.id = cs.specialist_id"
                    + " WHERE cs.case_id = k.id AND s.institution_id = :sc_inst)")
            .regionCode("k.region_code");

    private static final String CASE = """
            SELECT k.id, k.region_code, k.enterprise_id, e.name, k.project, k.financing_need, k.opened_on, k.due_on, k.status,
                   (SELECT p.number FROM loan_party_view p WHERE p.loan_id = k.outcome_loan), k.closed_on,
                   (SELECT count(*) FROM warning_case_item i WHERE i.case_id = k.id AND i.supplied_on IS NULL),
                   (SELECT d.number FROM capital_deal_view d WHERE d.deal_id = k.outcome_deal)
              FROM warning_case k JOIN enterprise_party_view e ON e.id = k.enterprise_id""";

    private final JdbcClient jdbc;

    CoachingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A MIIT regulator reads only where its own region is (a financial regulator reads no coaching case). */
    private static String miitOnly(Caller caller) {
        return caller.role() == cn.chanrong.identity.Role.REGULATOR && !"MIIT".equals(caller.department()) ? "FALSE" : "TRUE";
    }

    record Head(long id, String regionCode, long enterpriseId, String enterpriseName, String project, BigDecimal need,
                LocalDate openedOn, LocalDate dueOn, cn.chanrong.warning.domain.CaseStatus status, String outcomeLoan,
                LocalDate closedOn, int missing, String outcomeDeal) {
    }

    private static Head head(ResultSet rs, int n) throws SQLException {
        return new Head(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getBigDecimal(6),
                rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                cn.chanrong.warning.domain.CaseStatus.valueOf(rs.getString(9)), rs.getString(10),
                rs.getObject(11, LocalDate.class), rs.getInt(12), rs.getString(13));
    }

    long insertCase(String region, long enterpriseId, String project, BigDecimal need, LocalDate on, LocalDate due, String by) {
        return jdbc.sql("""
                        INSERT INTO warning_case (region_code, enterprise_id, project, financing_need, opened_on, due_on, opened_by)
                        VALUES (:r, :e, :p, :n, :on, :due, :by) RETURNING id""")
                .param("r", region).param("e", enterpriseId).param("p", project).param("n", need).param("on", on)
                .param("due", due).param("by", by).query(Long.class).single();
    }

    void insertItem(long caseId, CoachingCases.ItemDraft i) {
        jdbc.sql("INSERT INTO warning_case_item (case_id, name, supplier, due_on) VALUES (:c, :n, :s, :d)")
                .param("c", caseId).param("n", i.name().strip()).param("s", i.supplier().name()).param("d", i.dueOn()).update();
    }

    Optional<Head> find(Caller caller, long id, boolean lock) {
        Map<String, Object> p = new HashMap<>();
        String w = CASES.where(caller, p) + " AND " + miitOnly(caller);
        return jdbc.sql(CASE + " WHERE k.id = :id AND " + w + (lock ? " FOR UPDATE OF k" : "")).params(p).param("id", id)
                .query(CoachingStore::head).optional();
    }

    Page<Head> list(Caller caller, cn.chanrong.warning.domain.CaseStatus status, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        String w = CASES.where(caller, p) + " AND " + miitOnly(caller) + (status == null ? "" : " AND k.status = :st");
        if (status != null) {
            p.put("st", status.name());
        }
        List<Head> items = jdbc.sql(CASE + " WHERE " + w + " ORDER BY k.opened_on DESC, k.id DESC LIMIT :limit OFFSET :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset()).query(CoachingStore::head).list();
        long total = jdbc.sql("SELECT count(*) FROM warning_case k WHERE " + w).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    List<CoachingCases.Item> items(long caseId, LocalDate today) {
        return jdbc.sql("SELECT id, name, supplier, due_on, supplied_on, supplied_by FROM warning_case_item WHERE case_id = :c ORDER BY id")
                .param("c", caseId)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject(4, LocalDate.class);
                    LocalDate supplied = rs.getObject(5, LocalDate.class);
                    return new CoachingCases.Item(rs.getLong(1), rs.getString(2), CoachingCases.Supplier.valueOf(rs.getString(3)),
                            due, supplied, rs.getString(6), supplied == null && today.isAfter(due));
                })
                .list();
    }

    record ItemRow(long id, long caseId, CoachingCases.Supplier supplier, LocalDate suppliedOn) {
    }

    Optional<ItemRow> item(long id) {
        return jdbc.sql("SELECT id, case_id, supplier, supplied_on FROM warning_case_item WHERE id = :id").param("id", id)
                .query((rs, n) -> new ItemRow(rs.getLong(1), rs.getLong(2), CoachingCases.Supplier.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class)))
                .optional();
    }

    boolean supply(long itemId, LocalDate on, String by) {
        return jdbc.sql("UPDATE warning_case_item SET supplied_on = :on, supplied_by = :by WHERE id = :id AND supplied_on IS NULL")
                .param("on", on).param("by", by).param("id", itemId).update() == 1;
    }

    /** Whether one of the institution's specialists is assigned to the case. */
    boolean assigned(long caseId, long institutionId) {
        return jdbc.sql("""
                        SELECT count(*) FROM warning_case_specialist cs JOIN warning_specialist s ON s.id = cs.specialist_id
                         WHERE cs.case_id = :c AND s.institution_id = :i""")
                .param("c", caseId).param("i", institutionId).query(Long.class).single() > 0;
    }

    boolean assign(long caseId, long specialistId) {
        return jdbc.sql("INSERT INTO warning_case_specialist (case_id, specialist_id) VALUES (:c, :s) ON CONFLICT DO NOTHING")
                .param("c", caseId).param("s", specialistId).update() == 1;
    }

    private static final String SPECIALIST = """
            SELECT s.id, s.institution_id, i.name, s.name, s.enterprise_id, e.name, s.park
              FROM warning_specialist s JOIN institution_party_view i ON i.id = s.institution_id
              LEFT JOIN enterprise_party_view e ON e.id = s.enterprise_id""";

    private static CoachingCases.Specialist specialist(ResultSet rs, int n) throws SQLException {
        return new CoachingCases.Specialist(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, Long.class), rs.getString(6), rs.getString(7));
    }

    List<CoachingCases.Specialist> specialistsOf(long caseId) {
        return jdbc.sql(SPECIALIST + " JOIN warning_case_specialist cs ON cs.specialist_id = s.id WHERE cs.case_id = :c ORDER BY s.id")
                .param("c", caseId).query(CoachingStore::specialist).list();
    }

    /** An institution's own specialists, or (null) every institution's. */
    List<CoachingCases.Specialist> specialists(Long institutionId) {
        return jdbc.sql(SPECIALIST + " WHERE (:i < 0 OR s.institution_id = :i) ORDER BY i.name, s.name LIMIT 500")
                .param("i", institutionId == null ? -1L : institutionId).query(CoachingStore::specialist).list();
    }

    Optional<CoachingCases.Specialist> specialist(long id) {
        return jdbc.sql(SPECIALIST + " WHERE s.id = :id").param("id", id).query(CoachingStore::specialist).optional();
    }

    long insertSpecialist(long institutionId, String name, Long enterpriseId, String park, String by) {
        return jdbc.sql("""
                        INSERT INTO warning_specialist (institution_id, name, enterprise_id, park, registered_by)
                        VALUES (:i, :n, :e, :p, :by) RETURNING id""")
                .param("i", institutionId).param("n", name).param("e", enterpriseId).param("p", park).param("by", by)
                .query(Long.class).single();
    }

    List<CoachingCases.Expert> experts() {
        return jdbc.sql("SELECT id, name, organisation, fields, region_code FROM warning_expert ORDER BY name, id LIMIT 500")
                .query((rs, n) -> new CoachingCases.Expert(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    Optional<CoachingCases.Expert> expert(long id) {
        return experts().stream().filter(e -> e.id() == id).findFirst();
    }

    long insertExpert(CoachingCases.Expert e, String by) {
        return jdbc.sql("""
                        INSERT INTO warning_expert (name, organisation, fields, region_code, registered_by)
                        VALUES (:n, :o, :f, :r, :by) RETURNING id""")
                .param("n", e.name()).param("o", e.organisation()).param("f", e.fields()).param("r", e.regionCode())
                .param("by", by).query(Long.class).single();
    }

    List<CoachingCases.Review> reviews(long caseId) {
        return jdbc.sql("""
                        SELECT r.id, r.expert_id, x.name, r.conflict, r.recommendation, r.opinion, r.reviewed_on
                          FROM warning_case_review r JOIN warning_expert x ON x.id = r.expert_id
                         WHERE r.case_id = :c ORDER BY r.id""")
                .param("c", caseId)
                .query((rs, n) -> new CoachingCases.Review(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5) == null ? null : CoachingCases.Recommendation.valueOf(rs.getString(5)),
                        rs.getString(6), rs.getObject(7, LocalDate.class)))
                .list();
    }

    boolean insertReview(long caseId, long expertId, boolean conflict, CoachingCases.Recommendation r, String opinion,
                         LocalDate on, String by) {
        return jdbc.sql("""
                        INSERT INTO warning_case_review (case_id, expert_id, conflict, recommendation, opinion, reviewed_on,
                            recorded_by)
                        VALUES (:c, :x, :conflict, :r, :o, :on, :by) ON CONFLICT (case_id, expert_id) DO NOTHING""")
                .param("c", caseId).param("x", expertId).param("conflict", conflict).param("r", r == null ? null : r.name())
                .param("o", opinion).param("on", on).param("by", by).update() == 1;
    }

    /** The loan by number when it was paid out to the enterprise. */
    Optional<Long> loanTo(String number, long enterpriseId) {
        return jdbc.sql("""
                        SELECT p.loan_id FROM loan_party_view p JOIN loan_fact_view f ON f.loan_id = p.loan_id
                         WHERE p.number = :n AND (p.borrower_id = :e OR p.risk_obligor_id = :e)""")
                .param("n", number).param("e", enterpriseId).query(Long.class).optional();
    }

    /** The equity deal by number when the case's enterprise received the investment. */
    Optional<Long> dealTo(String number, long enterpriseId) {
        return jdbc.sql("SELECT deal_id FROM capital_deal_view WHERE number = :n AND enterprise_id = :e AND stage = 'INVESTED'")
                .param("n", number).param("e", enterpriseId).query(Long.class).optional();
    }

    /** The case financed by a loan ({@code deal} false) or an equity deal. */
    void financed(long caseId, cn.chanrong.warning.domain.CaseStatus status, long financingId, boolean deal, LocalDate on) {
        jdbc.sql("UPDATE warning_case SET status = :st, " + (deal ? "outcome_deal" : "outcome_loan")
                        + " = :f, closed_on = :on WHERE id = :id")
                .param("st", status.name()).param("f", financingId).param("on", on).param("id", caseId).update();
    }

    CoachingCases.Funnel funnel(Caller caller, LocalDate today) {
        Map<String, Object> p = new HashMap<>();
        String w = CASES.where(caller, p) + " AND " + miitOnly(caller);
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE k.status = 'OPEN'), count(*) FILTER (WHERE k.status = 'FINANCED'),
                               count(*) FILTER (WHERE k.status = 'CLOSED'),
                               count(*) FILTER (WHERE k.status = 'OPEN' AND k.due_on < :today),
                               coalesce(sum((SELECT count(*) FROM warning_case_item i WHERE i.case_id = k.id
                                              AND i.supplied_on IS NULL)) FILTER (WHERE k.status = 'OPEN'), 0),
                               coalesce(sum((SELECT count(*) FROM warning_case_item i WHERE i.case_id = k.id
                                              AND i.supplied_on IS NULL AND i.due_on < :today)) FILTER (WHERE k.status = 'OPEN'), 0)
                          FROM warning_case k WHERE """ + " " + w)
                .params(p).param("today", today)
                .query((rs, n) -> new CoachingCases.Funnel(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6)))
                .single();
    }
}
