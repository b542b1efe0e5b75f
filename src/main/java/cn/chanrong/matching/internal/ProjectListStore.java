package cn.chanrong.matching.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.identity.Role;
import cn.chanrong.matching.ProjectLists.Item;
import cn.chanrong.matching.ProjectLists.ListInfo;
import cn.chanrong.matching.ProjectLists.Push;
import cn.chanrong.matching.ProjectLists.Step;
import cn.chanrong.matching.domain.DockingStep;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Regulators' project lists ({@code project_list}), their items, the pushes of each item to institutions and the
 * steps of each push, read with confidentiality: items come back without their pushes, which are read per caller.
 */
@Repository
class ProjectListStore {

    /** An enterprise of the registry an item names, found by its credit code. */
    record Registered(long id, String regionCode) {
    }

    private static final String LIST_COLUMNS = """
            l.id, l.batch_no, l.list_type, l.department, l.region_code, l.issued_by, l.issued_on, l.contact_days,
            (SELECT count(*) FROM project_item i WHERE i.list_id = l.id) AS items,
            (SELECT count(*) FROM project_push p JOIN project_item i ON i.id = p.item_id WHERE i.list_id = l.id) AS pushes,
            (SELECT count(DISTINCT i.id) FROM project_push p JOIN project_item i ON i.id = p.item_id
               WHERE i.list_id = l.id AND p.contacted_on IS NOT NULL) AS contacted,
            (SELECT count(*) FROM project_push p JOIN project_item i ON i.id = p.item_id
               WHERE i.list_id = l.id AND p.status = 'PUSHED' AND p.contact_due < :today) AS overdue""";

    private static final String ITEM_COLUMNS = """
            i.id, i.list_id, l.batch_no, l.list_type, i.line, i.credit_code, i.enterprise_id, i.enterprise_name,
            i.project_name, i.investment, i.financing_needed, i.region_code""";

    /**
     * Lists the caller may see: every regulator the lists of its region (a national regulator all
     * of them: re-lending is checked against them), institutions the lists with an item pushed to
     * them (their own pushes only), administrators all.
     */
    static final ReadScope LISTS = ReadScope.regulated().regionCode("l.region_code")
            .institutionWhen("EXISTS (SELECT 1 FROM project_push p JOIN project_item i ON i.id = p.item_id"
                    + " WHERE i.list_id = l.id AND p.institution_id = :sc_inst)");

    private final JdbcClient jdbc;

    ProjectListStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- writing

    boolean batchExists(String department, String batch, String type) {
        return jdbc.sql("""
                        SELECT count(*) FROM project_list WHERE department = :d AND batch_no = :b AND list_type = :t""")
                .param("d", department).param("b", batch).param("t", type).query(Long.class).single() > 0;
    }

    long insertList(String batch, String type, String department, String regionCode, String by, LocalDate on, int days) {
        return jdbc.sql("""
                        INSERT INTO project_list (batch_no, list_type, department, region_code, issued_by, issued_on, contact_days)
                        VALUES (:b, :t, :d, :r, :by, :on, :days) RETURNING id""")
                .param("b", batch).param("t", type).param("d", department).param("r", regionCode)
                .param("by", by).param("on", on).param("days", days).query(Long.class).single();
    }

    Optional<Registered> enterprise(String creditCode) {
        return jdbc.sql("SELECT id, region_code FROM enterprise_party_view WHERE credit_code = :c").param("c", creditCode)
                .query((rs, i) -> new Registered(rs.getLong(1), rs.getString(2))).optional();
    }

    long insertItem(long listId, ProjectListFile.Row r, Long enterpriseId, String regionCode) {
        return jdbc.sql("""
                        INSERT INTO project_item (list_id, line, credit_code, enterprise_id, enterprise_name, project_name,
                          investment, financing_needed, region_code)
                        VALUES (:l, :line, :c, :e, :n, :p, :i, :f, :r) RETURNING id""")
                .param("l", listId).param("line", r.line()).param("c", r.creditCode()).param("e", enterpriseId)
                .param("n", r.enterpriseName()).param("p", r.projectName()).param("i", r.investment())
                .param("f", r.needed()).param("r", regionCode).query(Long.class).single();
    }

    void insertPush(long itemId, long institutionId, LocalDate on, LocalDate due) {
        jdbc.sql("""
                        INSERT INTO project_push (item_id, institution_id, status, pushed_on, contact_due)
                        VALUES (:i, :t, 'PUSHED', :on, :due)""")
                .param("i", itemId).param("t", institutionId).param("on", on).param("due", due).update();
    }

    void insertStep(long item, long inst, int seq, DockingStep status, LocalDate on, boolean implied, String actor,
                    String note) {
        jdbc.sql("""
                        INSERT INTO project_push_step (item_id, institution_id, seq, status, on_date, implied, actor, note)
                        VALUES (:i, :t, :s, :st, :on, :imp, :a, :n)""")
                .param("i", item).param("t", inst).param("s", seq).param("st", status.name()).param("on", on)
                .param("imp", implied).param("a", actor).param("n", note).update();
    }

    /** Whether a push is linked to the loan already. */
    boolean loanLinked(long loanId) {
        return jdbc.sql("SELECT count(*) FROM project_push WHERE loan_id = :l").param("l", loanId)
                .query(Long.class).single() > 0;
    }

    /** Moves an institution's push on from the status it was read in; false when it has moved since. */
    boolean advance(long itemId, Long institutionId, DockingStep from, DockingStep to, boolean contacted, LocalDate on,
                    BigDecimal signed, BigDecimal disbursed, Long loanId, String reason) {
        return jdbc.sql("""
                        UPDATE project_push SET status = :s, version = version + 1,
                          contacted_on = CASE WHEN contacted_on IS NULL AND :contacted THEN CAST(:on AS date) ELSE contacted_on END,
                          signed_amount = :signed, disbursed_amount = :disbursed, loan_id = :loan, decline_reason = :reason
                        WHERE item_id = :i AND institution_id = :t AND status = :from""")
                .param("s", to.name()).param("contacted", contacted).param("on", on).param("signed", signed)
                .param("disbursed", disbursed).param("loan", loanId).param("reason", reason).param("i", itemId)
                .param("t", institutionId).param("from", from.name()).update() != 0;
    }

    void withdrawPush(long itemId, long institutionId) {
        jdbc.sql("UPDATE project_push SET status = 'WITHDRAWN', version = version + 1 WHERE item_id = :i AND institution_id = :t")
                .param("i", itemId).param("t", institutionId).update();
    }

    // ---- reading, with confidentiality

    private static ListInfo listRow(ResultSet rs, int n) throws SQLException {
        long items = rs.getLong("items");
        long contacted = rs.getLong("contacted");
        BigDecimal rate = items == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(contacted).divide(BigDecimal.valueOf(items), 4, RoundingMode.HALF_UP);
        return new ListInfo(rs.getLong("id"), rs.getString("batch_no"), rs.getString("list_type"),
                rs.getString("department"), rs.getString("region_code"), rs.getString("issued_by"),
                rs.getObject("issued_on", LocalDate.class), rs.getInt("contact_days"), items, rs.getLong("pushes"),
                contacted, rate, rs.getLong("overdue"));
    }

    /** Newest first, the lists the caller may see, with pushes overdue on {@code today}. */
    Page<ListInfo> lists(Caller caller, LocalDate today, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        String where = LISTS.where(caller, p);
        List<ListInfo> items = jdbc.sql("SELECT " + LIST_COLUMNS + " FROM project_list l WHERE " + where
                        + " ORDER BY l.id DESC LIMIT :limit OFFSET :offset")
                .params(p).param("today", today).param("limit", page.size())
                .param("offset", page.offset()).query(ProjectListStore::listRow).list();
        long total = jdbc.sql("SELECT count(*) FROM project_list l WHERE " + where).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    Optional<ListInfo> list(Caller caller, long id, LocalDate today) {
        Map<String, Object> p = new HashMap<>();
        String where = LISTS.where(caller, p);
        return jdbc.sql("SELECT " + LIST_COLUMNS + " FROM project_list l WHERE l.id = :id AND " + where)
                .params(p).param("id", id).param("today", today).query(ProjectListStore::listRow)
                .optional();
    }

    /** The pushes of an item (with {@code own}, only institution {@code me}'s), without their steps. */
    List<Push> pushes(long itemId, boolean own, long me, LocalDate today) {
        List<Push> out = new ArrayList<>();
        jdbc.sql("""
                        SELECT p.item_id, p.institution_id, t.name, p.status, p.pushed_on, p.contact_due, p.contacted_on,
                               p.signed_amount, p.disbursed_amount, p.loan_id, p.decline_reason
                        FROM project_push p JOIN institution_party_view t ON t.id = p.institution_id
                        WHERE p.item_id = :i AND (NOT :own OR p.institution_id = :me) ORDER BY p.institution_id""")
                .param("i", itemId).param("own", own).param("me", me)
                .query(rs -> {
                    long inst = rs.getLong(2);
                    String status = rs.getString(4);
                    LocalDate due = rs.getObject(6, LocalDate.class);
                    out.add(new Push(itemId, inst, rs.getString(3), status, rs.getObject(5, LocalDate.class), due,
                            rs.getObject(7, LocalDate.class), rs.getBigDecimal(8), rs.getBigDecimal(9),
                            rs.getObject(10, Long.class), rs.getString(11), status.equals("PUSHED") && today.isAfter(due),
                            List.of()));
                });
        return out;
    }

    List<Step> steps(long item, long inst) {
        return jdbc.sql("""
                        SELECT seq, status, on_date, implied, actor, note FROM project_push_step
                        WHERE item_id = :i AND institution_id = :t ORDER BY seq""")
                .param("i", item).param("t", inst)
                .query((rs, n) -> new Step(rs.getInt(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getBoolean(4), rs.getString(5), rs.getString(6))).list();
    }

    private static Item itemRow(ResultSet rs, int n) throws SQLException {
        return new Item(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6),
                rs.getObject(7, Long.class), rs.getString(8), rs.getString(9), rs.getBigDecimal(10), rs.getBigDecimal(11),
                rs.getString(12), List.of());
    }

    /** Items as their lists, an institution only the items pushed to it; binds {@code :c_inst} (-1 unless an institution). */
    private static String itemScope(Caller c, Map<String, Object> p) {
        String lists = LISTS.where(c, p);
        p.put("c_inst", c.is(Role.INSTITUTION) && c.institutionId() != null ? c.institutionId() : -1L);
        if (c.is(Role.INSTITUTION)) {
            return "EXISTS (SELECT 1 FROM project_push p WHERE p.item_id = i.id AND p.institution_id = :c_inst)";
        }
        return lists;
    }

    /** The items of a list the caller may see, in line order, of those with a push in {@code status} when given. */
    Page<Item> items(Caller caller, long listId, String status, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder where = new StringBuilder(itemScope(caller, p)).append(" AND i.list_id = :list");
        p.put("list", listId);
        if (status != null) {
            where.append(" AND EXISTS (SELECT 1 FROM project_push q WHERE q.item_id = i.id AND q.status = :st"
                    + " AND (:c_inst < 0 OR q.institution_id = :c_inst))");
            p.put("st", status);
        }
        String from = " FROM project_item i JOIN project_list l ON l.id = i.list_id WHERE " + where;
        List<Item> items = jdbc.sql("SELECT " + ITEM_COLUMNS + from + " ORDER BY i.line LIMIT :limit OFFSET :offset").params(p)
                .param("limit", page.size()).param("offset", page.offset()).query(ProjectListStore::itemRow).list();
        long total = jdbc.sql("SELECT count(*)" + from).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    Optional<Item> item(Caller caller, long itemId) {
        Map<String, Object> p = new HashMap<>();
        String where = itemScope(caller, p);
        return jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM project_item i JOIN project_list l ON l.id = i.list_id WHERE i.id = :id AND "
                        + where).params(p).param("id", itemId).query(ProjectListStore::itemRow).optional();
    }

    /** Up to 500 items the caller may see with a push still waiting for contact after its due date. */
    List<Item> overdue(Caller caller, LocalDate today) {
        Map<String, Object> p = new HashMap<>();
        String where = itemScope(caller, p);
        return jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM project_item i JOIN project_list l ON l.id = i.list_id WHERE " + where
                        + " AND EXISTS (SELECT 1 FROM project_push q WHERE q.item_id = i.id AND q.status = 'PUSHED'"
                        + " AND q.contact_due < :today AND (:c_inst < 0 OR q.institution_id = :c_inst))"
                        + " ORDER BY i.id LIMIT 500")
                .params(p).param("today", today).query(ProjectListStore::itemRow).list();
    }
}
