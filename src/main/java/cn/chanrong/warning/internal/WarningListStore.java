package cn.chanrong.warning.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.identity.Role;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.warning.WarningLists;
import cn.chanrong.warning.domain.ExposureAction;
import cn.chanrong.warning.domain.ExposureStatus;
import cn.chanrong.warning.domain.Severity;
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

/**
 * SQL of the shared high-risk lists, every read scoped in SQL: the institution its own exposures and the lists and
 * entries that name them; a regulator the lists not confidential or its department's, the entries and exposures of
 * enterprises in its region.
 */
@Repository
class WarningListStore {

    /** Exposures: the institution; the financial regulators and the industry departments where the enterprise is. */
    static final ReadScope EXPOSURES = ReadScope.customerData().alsoDepartment("MIIT").alsoDepartment("NDRC")
            .institution("x.institution_id").regionOfEnterprise("n.enterprise_id");
    /** Entries: the institutions exposed to them; every regulator where the enterprise is. */
    static final ReadScope ENTRIES = ReadScope.regulated()
            .institutionWhen("EXISTS (SELECT 1 FROM warning_exposure y WHERE y.entry_id = n.id AND y.institution_id = :sc_inst)")
            .regionOfEnterprise("n.enterprise_id");
    /** Lists: the institutions exposed; every regulator whose region the list or one of its entries is in. */
    static final ReadScope LISTS = ReadScope.regulated()
            .institutionWhen("EXISTS (SELECT 1 FROM warning_exposure y WHERE y.list_id = l.id AND y.institution_id = :sc_inst)")
            .regionWhen("(l.region_code LIKE :sc_region OR EXISTS (SELECT 1 FROM warning_entry z WHERE z.list_id = l.id"
                    + " AND z.region_code LIKE :sc_region))");

    private static final String LIST_COLUMNS = """
            SELECT l.id, l.department, l.region_code, l.title, l.reason, l.severity, l.confidential, l.answer_days,
                   l.published_on, l.due_on, l.published_by,
                   (SELECT count(*) FROM warning_entry n WHERE n.list_id = l.id),
                   (SELECT count(*) FROM warning_exposure x WHERE x.list_id = l.id),
                   (SELECT count(*) FROM warning_exposure x WHERE x.list_id = l.id AND x.status = 'ANSWERED'),
                   (SELECT count(*) FROM warning_exposure x WHERE x.list_id = l.id AND x.status = 'OPEN' AND x.due_on < :today)
              FROM warning_list l""";

    private static final String EXPOSURE_COLUMNS = """
            SELECT x.id, x.list_id, l.published_on, l.title, l.severity, x.entry_id, n.enterprise_id, n.enterprise_name,
                   x.institution_id, i.name, x.via, x.loans, x.loan_balance, x.facility_available, x.due_on, x.status,
                   x.action, x.note, x.answered_on, x.answered_by, x.guaranteed, x.invested
              FROM warning_exposure x
              JOIN warning_list l ON l.id = x.list_id
              JOIN warning_entry n ON n.id = x.entry_id
              JOIN institution_party_view i ON i.id = x.institution_id""";

    private final JdbcClient jdbc;

    WarningListStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A list's number: YJ, the year it was published, its id in six digits. */
    static String number(long id, LocalDate publishedOn) {
        return "YJ" + publishedOn.getYear() + String.format("%06d", id);
    }

    /** A regulator other than the issuing department does not see a confidential list. */
    private static String confidential(Caller caller, Map<String, Object> p) {
        if (caller.role() != Role.REGULATOR) {
            return "TRUE";
        }
        p.put("dept", caller.department() == null ? "" : caller.department());
        return "(NOT l.confidential OR l.department = :dept)";
    }

    record Registered(long id, String name, String regionCode) {
    }

    Optional<Registered> enterprise(String creditCode) {
        return jdbc.sql("SELECT id, name, region_code FROM enterprise_party_view WHERE credit_code = :c").param("c", creditCode)
                .query((rs, i) -> new Registered(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    long insertList(Caller caller, WarningLists.Publish h, int answerDays, LocalDate on, LocalDate due) {
        return jdbc.sql("""
                        INSERT INTO warning_list (department, region_code, title, reason, severity, confidential, answer_days,
                            published_on, due_on, published_by)
                        VALUES (:d, :r, :t, :why, :s, :c, :days, :on, :due, :by) RETURNING id""")
                .param("d", caller.department()).param("r", caller.regionCode()).param("t", h.title()).param("why", h.reason())
                .param("s", h.severity().name()).param("c", h.confidential()).param("days", answerDays).param("on", on)
                .param("due", due).param("by", caller.username()).query(Long.class).single();
    }

    long insertEntry(long listId, int line, Registered e, String creditCode, String project, String reason) {
        return jdbc.sql("""
                        INSERT INTO warning_entry (list_id, line, enterprise_id, credit_code, enterprise_name, region_code,
                            project_name, reason)
                        VALUES (:l, :line, :e, :c, :n, :r, :p, :why) RETURNING id""")
                .param("l", listId).param("line", line).param("e", e.id()).param("c", creditCode).param("n", e.name())
                .param("r", e.regionCode()).param("p", project).param("why", reason).query(Long.class).single();
    }

    /**
     * Every institution's book on the enterprise and its group, per institution: whether it lends to the enterprise
     * itself as risk obligor, the loans outstanding to any of them (on the risk obligor) and their principal, the
     * unused part of active credit lines to any of them, for a guarantee agency the amount it guaranteed on loans
     * outstanding to any of them, for an investor the equity it invested in any of them. Then one exposure each, due on
     * {@code due}.
     */
    int openExposures(long listId, long entryId, long enterpriseId, LocalDate today, LocalDate due) {
        return jdbc.sql("""
                        WITH target AS (
                          SELECT :e::bigint AS id
                          UNION
                          SELECT m.id FROM enterprise_party_view x JOIN enterprise_party_view m ON m.group_id = x.group_id
                           WHERE x.id = :e AND x.group_id IS NOT NULL),
                        loans AS (
                          SELECT f.institution_id, bool_or(f.obligor_id = :e) AS direct, count(*) AS n,
                                 sum(f.principal_outstanding) AS balance
                            FROM loan_fact_view f
                           WHERE f.obligor_id IN (SELECT id FROM target) AND f.principal_outstanding > 0
                           GROUP BY f.institution_id),
                        lines AS (
                          SELECT c.institution_id, bool_or(c.borrower_id = :e) AS direct, sum(c.amount - c.used) AS available
                            FROM facility_view c
                           WHERE c.borrower_id IN (SELECT id FROM target) AND c.status = 'ACTIVE' AND c.valid_to >= :today
                           GROUP BY c.institution_id),
                        guarantees AS (
                          SELECT g.agency_id AS institution_id, bool_or(f.obligor_id = :e) AS direct, sum(g.amount) AS amount
                            FROM policy_guarantee_view g JOIN loan_fact_view f ON f.loan_id = g.loan_id
                           WHERE f.obligor_id IN (SELECT id FROM target) AND f.principal_outstanding > 0
                           GROUP BY g.agency_id),
                        equity AS (
                          SELECT d.institution_id, bool_or(d.enterprise_id = :e) AS direct, sum(d.amount) AS amount
                            FROM capital_deal_view d
                           WHERE d.enterprise_id IN (SELECT id FROM target) AND d.stage = 'INVESTED'
                           GROUP BY d.institution_id),
                        parts AS (
                          SELECT institution_id, direct, n, balance, 0 AS available, 0 AS guaranteed, 0 AS invested FROM loans
                          UNION ALL SELECT institution_id, direct, 0, 0, available, 0, 0 FROM lines
                          UNION ALL SELECT institution_id, direct, 0, 0, 0, amount, 0 FROM guarantees
                          UNION ALL SELECT institution_id, direct, 0, 0, 0, 0, amount FROM equity),
                        book AS (
                          SELECT institution_id, bool_or(direct) AS direct, sum(n) AS n, sum(balance) AS balance,
                                 sum(available) AS available, sum(guaranteed) AS guaranteed, sum(invested) AS invested
                            FROM parts GROUP BY institution_id)
                        INSERT INTO warning_exposure (list_id, entry_id, institution_id, via, loans, loan_balance,
                            facility_available, guaranteed, invested, due_on)
                        SELECT :l, :n, institution_id, CASE WHEN direct THEN 'OBLIGOR' ELSE 'GROUP' END, n, balance, available,
                               guaranteed, invested, :due
                          FROM book WHERE n > 0 OR available > 0 OR guaranteed > 0 OR invested > 0""")
                .param("e", enterpriseId).param("l", listId).param("n", entryId).param("today", today).param("due", due)
                .update();
    }

    Page<WarningLists.ListInfo> lists(Caller caller, LocalDate today, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        String w = LISTS.where(caller, p) + " AND " + confidential(caller, p);
        List<WarningLists.ListInfo> items = jdbc.sql(LIST_COLUMNS + " WHERE " + w
                        + " ORDER BY l.published_on DESC, l.id DESC LIMIT :limit OFFSET :offset")
                .params(p).param("today", today).param("limit", page.size()).param("offset", page.offset())
                .query(WarningListStore::list).list();
        long total = jdbc.sql("SELECT count(*) FROM warning_list l WHERE " + w).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    Optional<WarningLists.ListInfo> list(Caller caller, long id, LocalDate today) {
        Map<String, Object> p = new HashMap<>();
        String w = LISTS.where(caller, p) + " AND " + confidential(caller, p);
        return jdbc.sql(LIST_COLUMNS + " WHERE l.id = :id AND " + w).params(p).param("id", id).param("today", today)
                .query(WarningListStore::list).optional();
    }

    List<WarningLists.Entry> entries(Caller caller, long listId) {
        Map<String, Object> p = new HashMap<>();
        String w = ENTRIES.where(caller, p);
        return jdbc.sql("""
                        SELECT n.id, n.line, n.enterprise_id, n.credit_code, n.enterprise_name, n.region_code, n.project_name,
                               n.reason
                          FROM warning_entry n WHERE n.list_id = :l AND """ + " " + w + " ORDER BY n.line")
                .params(p).param("l", listId)
                .query((rs, i) -> new WarningLists.Entry(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    /** Exposures in scope, by list and by state (OPEN, ANSWERED, OVERDUE: open past the due day); due first. */
    Page<WarningLists.Exposure> exposures(Caller caller, Long listId, String state, LocalDate today, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder w = new StringBuilder(EXPOSURES.where(caller, p)).append(" AND ").append(confidential(caller, p));
        if (listId != null) {
            w.append(" AND x.list_id = :l");
            p.put("l", listId);
        }
        if (state != null) {
            w.append(switch (state) {
                case "OVERDUE" -> " AND x.status = 'OPEN' AND x.due_on < :today";
                default -> " AND x.status = :st";
            });
            p.put("st", state);
        }
        p.put("today", today);
        List<WarningLists.Exposure> items = jdbc.sql(EXPOSURE_COLUMNS + " WHERE " + w
                        + " ORDER BY x.status DESC, x.due_on, x.id LIMIT :limit OFFSET :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> exposure(rs, today)).list();
        long total = jdbc.sql("""
                        SELECT count(*) FROM warning_exposure x JOIN warning_list l ON l.id = x.list_id
                          JOIN warning_entry n ON n.id = x.entry_id WHERE """ + " " + w).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** The exposure in the caller's scope, locked when {@code lock}. */
    Optional<WarningLists.Exposure> exposure(Caller caller, long id, LocalDate today, boolean lock) {
        Map<String, Object> p = new HashMap<>();
        String w = EXPOSURES.where(caller, p) + " AND " + confidential(caller, p);
        return jdbc.sql(EXPOSURE_COLUMNS + " WHERE x.id = :id AND " + w + (lock ? " FOR UPDATE OF x" : ""))
                .params(p).param("id", id).query((rs, n) -> exposure(rs, today)).optional();
    }

    /** Records the answer of an open exposure; false when it was answered already. */
    boolean answer(long id, ExposureAction action, String note, LocalDate on, String by) {
        return jdbc.sql("""
                        UPDATE warning_exposure SET status = 'ANSWERED', action = :a, note = :n, answered_on = :on,
                               answered_by = :by
                         WHERE id = :id AND status = 'OPEN'""")
                .param("a", action.name()).param("n", note).param("on", on).param("by", by).param("id", id).update() == 1;
    }

    private static WarningLists.ListInfo list(ResultSet rs, int n) throws SQLException {
        LocalDate on = rs.getObject(9, LocalDate.class);
        return new WarningLists.ListInfo(rs.getLong(1), number(rs.getLong(1), on), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), Severity.valueOf(rs.getString(6)), rs.getBoolean(7), rs.getInt(8), on,
                rs.getObject(10, LocalDate.class), rs.getString(11), rs.getInt(12), rs.getInt(13), rs.getInt(14),
                rs.getInt(15));
    }

    private static WarningLists.Exposure exposure(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate due = rs.getObject(15, LocalDate.class);
        ExposureStatus status = ExposureStatus.valueOf(rs.getString(16));
        LocalDate answeredOn = rs.getObject(19, LocalDate.class);
        String action = rs.getString(17);
        BigDecimal balance = rs.getBigDecimal(13);
        return new WarningLists.Exposure(rs.getLong(1), rs.getLong(2), number(rs.getLong(2), rs.getObject(3, LocalDate.class)),
                rs.getString(4), Severity.valueOf(rs.getString(5)), rs.getLong(6), rs.getLong(7), rs.getString(8),
                rs.getLong(9), rs.getString(10), rs.getString(11), rs.getInt(12), balance, rs.getBigDecimal(14),
                rs.getBigDecimal(21), rs.getBigDecimal(22), due, status,
                ExposureStatus.overdue(status, due, today), ExposureStatus.late(due, answeredOn),
                action == null ? null : ExposureAction.valueOf(action), rs.getString(18), answeredOn, rs.getString(20));
    }
}
