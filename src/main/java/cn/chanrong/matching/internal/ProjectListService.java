package cn.chanrong.matching.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.enterprise.ImportReport;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.InstitutionDetails;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.Loans;
import cn.chanrong.matching.ProjectLists;
import cn.chanrong.matching.domain.DockingStep;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.FirstErrors;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ProjectListService implements ProjectLists {

    static final Set<String> DEPARTMENTS = Set.of("MIIT", "NDRC");
    static final BigDecimal MAX = new BigDecimal("1000000000000");

    private final JdbcClient jdbc;
    private final PushTargets targets;
    private final Loans loans;
    private final ReferenceData reference;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final int defaultContactDays;

    ProjectListService(JdbcClient jdbc, PushTargets targets, Loans loans, ReferenceData reference,
                       BusinessDate businessDate, AuditTrail audit, Environment env,
                       org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.targets = targets;
        this.loans = loans;
        this.reference = reference;
        this.businessDate = businessDate;
        this.audit = audit;
        this.defaultContactDays = env.getProperty("chanrong.matching.contact-working-days", Integer.class, 10);
    }

    private static void requireIssuer(Caller caller) {
        if (!(caller.is(Role.REGULATOR) && DEPARTMENTS.contains(caller.department()))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("project-list.issuer-only", null, DEPARTMENTS));
        }
    }

    @Override
    @Transactional
    public Imported importList(Caller caller, byte[] csv, String charset, Integer contactDays) {
        return importFile(caller, Upload.of(csv), charset, contactDays);
    }

    @Override
    @Transactional
    public Imported importList(Caller caller, Upload csv, String charset, Integer contactDays) {
        return importFile(caller, csv, charset, contactDays);
    }

    private Imported importFile(Caller caller, Upload csv, String charset, Integer contactDays) {
        requireIssuer(caller);
        int days = contactDays == null ? defaultContactDays : contactDays;
        ProjectListFile file = ProjectListFile.read(csv, charset);
        FirstErrors<ImportReport.RowError> errors = file.errors();
        if (days < 1 || days > 60) {
            errors.add(new ImportReport.RowError(0, "contactDays", Rejection.of("range", "contactDays", 1, 60, days)));
        }
        String batch = file.batch();
        String type = file.type();
        if (errors.isEmpty() && jdbc.sql("""
                        SELECT count(*) FROM project_list WHERE department = :d AND batch_no = :b AND list_type = :t""")
                .param("d", caller.department()).param("b", batch).param("t", type).query(Long.class).single() > 0) {
            errors.add(new ImportReport.RowError(0, "batch_no",
                    Rejection.of("project-list.batch-exists", "batch_no", batch, type)));
        }
        if (!errors.isEmpty()) {
            audit.record(AuditEvent.success(caller.username(), "project-list.refused", "project_list", 0,
                    errors.total() + " errors"));
            return new Imported(ImportReport.refused("project-list", file.lines(), errors), null);
        }
        LocalDate today = businessDate.today();
        DockingStep.ListType listType = DockingStep.ListType.valueOf(type);
        long listId = jdbc.sql("""
                        INSERT INTO project_list (batch_no, list_type, department, region_code, issued_by, issued_on, contact_days)
                        VALUES (:b, :t, :d, :r, :by, :on, :days) RETURNING id""")
                .param("b", batch).param("t", type).param("d", caller.department()).param("r", caller.regionCode())
                .param("by", caller.username()).param("on", today).param("days", days).query(Long.class).single();
        LocalDate due = reference.addWorkingDays(today, days);
        Map<Long, InstitutionDetails> detailCache = new HashMap<>();
        long[] pushes = {0};
        int[] items = {0};
        file.forEachRow(r -> {
            var ent = jdbc.sql("SELECT id, region_code FROM enterprise_party_view WHERE credit_code = :c").param("c", r.creditCode())
                    .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional();
            Long enterpriseId = ent.map(x -> (Long) x[0]).orElse(null);
            String region = ent.map(x -> (String) x[1]).orElse(null);
            long itemId = jdbc.sql("""
                            INSERT INTO project_item (list_id, line, credit_code, enterprise_id, enterprise_name, project_name,
                              investment, financing_needed, region_code)
                            VALUES (:l, :line, :c, :e, :n, :p, :i, :f, :r) RETURNING id""")
                    .param("l", listId).param("line", r.line()).param("c", r.creditCode()).param("e", enterpriseId)
                    .param("n", r.enterpriseName()).param("p", r.projectName()).param("i", r.investment())
                    .param("f", r.needed()).param("r", region).query(Long.class).single();
            items[0]++;
            for (long inst : targets.suitable(listType, region, today, caller.regionCode(), detailCache)) {
                jdbc.sql("""
                                INSERT INTO project_push (item_id, institution_id, status, pushed_on, contact_due)
                                VALUES (:i, :t, 'PUSHED', :on, :due)""")
                        .param("i", itemId).param("t", inst).param("on", today).param("due", due).update();
                step(itemId, inst, 1, DockingStep.PUSHED, today, false, caller.username(), "batch " + batch);
                pushes[0]++;
            }
        });
        audit.record(AuditEvent.success(caller.username(), "project-list.import", "project_list", listId,
                batch + " " + type + ": " + items[0] + " items, " + pushes[0] + " pushes"));
        return new Imported(new ImportReport("project-list", items[0], items[0], 0, 0, List.of()),
                list(caller, listId));
    }

    private void step(long item, long inst, int seq, DockingStep status, LocalDate on, boolean implied, String actor,
                      String note) {
        jdbc.sql("""
                        INSERT INTO project_push_step (item_id, institution_id, seq, status, on_date, implied, actor, note)
                        VALUES (:i, :t, :s, :st, :on, :imp, :a, :n)""")
                .param("i", item).param("t", inst).param("s", seq).param("st", status.name()).param("on", on)
                .param("imp", implied).param("a", actor).param("n", note).update();
    }

    // ---- reading, with confidentiality

    private static final String LIST_COLUMNS = """
            l.id, l.batch_no, l.list_type, l.department, l.region_code, l.issued_by, l.issued_on, l.contact_days,
            (SELECT count(*) FROM project_item i WHERE i.list_id = l.id) AS items,
            (SELECT count(*) FROM project_push p JOIN project_item i ON i.id = p.item_id WHERE i.list_id = l.id) AS pushes,
            (SELECT count(DISTINCT i.id) FROM project_push p JOIN project_item i ON i.id = p.item_id
               WHERE i.list_id = l.id AND p.contacted_on IS NOT NULL) AS contacted,
            (SELECT count(*) FROM project_push p JOIN project_item i ON i.id = p.item_id
               WHERE i.list_id = l.id AND p.status = 'PUSHED' AND p.contact_due < :today) AS overdue""";

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

    /**
     * Lists the caller may see: every regulator the lists of its region (a national regulator all
     * of them: re-lending is checked against them), institutions the lists with an item pushed to
     * them (their own pushes only), administrators all.
     */
    static final ReadScope LISTS = ReadScope.regulated().regionCode("l.region_code")
            .institutionWhen("EXISTS (SELECT 1 FROM project_push p JOIN project_item i ON i.id = p.item_id"
                    + " WHERE i.list_id = l.id AND p.institution_id = :sc_inst)");

    private String listScope(Caller c, Map<String, Object> p) {
        return LISTS.where(c, p);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ListInfo> lists(Caller caller, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        String where = listScope(caller, p);
        List<ListInfo> items = jdbc.sql("SELECT " + LIST_COLUMNS + " FROM project_list l WHERE " + where
                        + " ORDER BY l.id DESC LIMIT :limit OFFSET :offset")
                .params(p).param("today", businessDate.today()).param("limit", page.size())
                .param("offset", page.offset()).query(ProjectListService::listRow).list();
        long total = jdbc.sql("SELECT count(*) FROM project_list l WHERE " + where).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Override
    @Transactional(readOnly = true)
    public ListInfo list(Caller caller, long id) {
        Map<String, Object> p = new HashMap<>();
        String where = listScope(caller, p);
        return jdbc.sql("SELECT " + LIST_COLUMNS + " FROM project_list l WHERE l.id = :id AND " + where)
                .params(p).param("id", id).param("today", businessDate.today()).query(ProjectListService::listRow)
                .optional().orElseThrow(() -> Rejected.notFound("project list", id));
    }

    /** An institution sees only its own push of an item; the issuer and administrators see all of them. */
    private List<Push> pushes(Caller caller, long itemId) {
        boolean own = caller.is(Role.INSTITUTION);
        LocalDate today = businessDate.today();
        List<Push> out = new ArrayList<>();
        jdbc.sql("""
                        SELECT p.item_id, p.institution_id, t.name, p.status, p.pushed_on, p.contact_due, p.contacted_on,
                               p.signed_amount, p.disbursed_amount, p.loan_id, p.decline_reason
                        FROM project_push p JOIN institution_party_view t ON t.id = p.institution_id
                        WHERE p.item_id = :i AND (NOT :own OR p.institution_id = :me) ORDER BY p.institution_id""")
                .param("i", itemId).param("own", own).param("me", own ? caller.institutionId() : -1L)
                .query(rs -> {
                    long inst = rs.getLong(2);
                    String status = rs.getString(4);
                    LocalDate due = rs.getObject(6, LocalDate.class);
                    out.add(new Push(itemId, inst, rs.getString(3), status, rs.getObject(5, LocalDate.class), due,
                            rs.getObject(7, LocalDate.class), rs.getBigDecimal(8), rs.getBigDecimal(9),
                            rs.getObject(10, Long.class), rs.getString(11), status.equals("PUSHED") && today.isAfter(due),
                            List.of()));
                });
        return out.stream().map(x -> new Push(x.itemId(), x.institutionId(), x.institutionName(), x.status(),
                x.pushedOn(), x.contactDue(), x.contactedOn(), x.signedAmount(), x.disbursedAmount(), x.loanId(),
                x.declineReason(), x.overdue(), steps(itemId, x.institutionId()))).toList();
    }

    private List<Step> steps(long item, long inst) {
        return jdbc.sql("""
                        SELECT seq, status, on_date, implied, actor, note FROM project_push_step
                        WHERE item_id = :i AND institution_id = :t ORDER BY seq""")
                .param("i", item).param("t", inst)
                .query((rs, n) -> new Step(rs.getInt(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getBoolean(4), rs.getString(5), rs.getString(6))).list();
    }

    private static final String ITEM_COLUMNS = """
            i.id, i.list_id, l.batch_no, l.list_type, i.line, i.credit_code, i.enterprise_id, i.enterprise_name,
            i.project_name, i.investment, i.financing_needed, i.region_code""";

    private Item itemRow(Caller caller, ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        return new Item(id, rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6),
                rs.getObject(7, Long.class), rs.getString(8), rs.getString(9), rs.getBigDecimal(10), rs.getBigDecimal(11),
                rs.getString(12), pushes(caller, id));
    }

    /** Items as their lists, an institution only the items pushed to it; binds {@code :c_inst} (-1 unless an institution). */
    private String itemScope(Caller c, Map<String, Object> p) {
        String lists = listScope(c, p);
        p.put("c_inst", c.is(Role.INSTITUTION) && c.institutionId() != null ? c.institutionId() : -1L);
        if (c.is(Role.INSTITUTION)) {
            return "EXISTS (SELECT 1 FROM project_push p WHERE p.item_id = i.id AND p.institution_id = :c_inst)";
        }
        return lists;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Item> items(Caller caller, long listId, String status, PageRequest page) {
        list(caller, listId);
        Map<String, Object> p = new HashMap<>();
        StringBuilder where = new StringBuilder(itemScope(caller, p)).append(" AND i.list_id = :list");
        p.put("list", listId);
        if (status != null && !status.isBlank()) {
            if (java.util.Arrays.stream(DockingStep.values()).noneMatch(s -> s.name().equals(status.strip()))) {
                throw Rejected.invalid(Rejection.of("enum", "status", status, java.util.Arrays.toString(DockingStep.values())));
            }
            where.append(" AND EXISTS (SELECT 1 FROM project_push q WHERE q.item_id = i.id AND q.status = :st"
                    + " AND (:c_inst < 0 OR q.institution_id = :c_inst))");
            p.put("st", status.strip());
        }
        String from = " FROM project_item i JOIN project_list l ON l.id = i.list_id WHERE " + where;
        List<Item> items = new ArrayList<>();
        jdbc.sql("SELECT " + ITEM_COLUMNS + from + " ORDER BY i.line LIMIT :limit OFFSET :offset").params(p)
                .param("limit", page.size()).param("offset", page.offset())
                .query(rs -> {
                    items.add(itemRow(caller, rs));
                });
        long total = jdbc.sql("SELECT count(*)" + from).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Override
    @Transactional(readOnly = true)
    public Item item(Caller caller, long itemId) {
        Map<String, Object> p = new HashMap<>();
        String where = itemScope(caller, p);
        List<Item> found = new ArrayList<>();
        jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM project_item i JOIN project_list l ON l.id = i.list_id WHERE i.id = :id AND "
                        + where).params(p).param("id", itemId)
                .query(rs -> {
                    found.add(itemRow(caller, rs));
                });
        return found.stream().findFirst().orElseThrow(() -> Rejected.notFound("project item", itemId));
    }

    @Override
    @Transactional
    public Push advance(Caller caller, long itemId, StepRequest request) {
        if (!caller.is(Role.INSTITUTION)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("push.institution-only", null));
        }
        Item item = item(caller, itemId);
        Push push = item.pushes().get(0);
        List<Rejection> problems = new ArrayList<>();
        DockingStep to = null;
        if (request.status() == null || java.util.Arrays.stream(DockingStep.values())
                .noneMatch(s -> s.name().equals(request.status().strip()))) {
            problems.add(Rejection.of("enum", "status", String.valueOf(request.status()),
                    java.util.Arrays.toString(DockingStep.values())));
        } else {
            to = DockingStep.valueOf(request.status().strip());
        }
        if (to == DockingStep.WITHDRAWN) {
            problems.add(Rejection.of("push.withdraw-issuer", "status"));
        }
        LocalDate today = businessDate.today();
        LocalDate on = request.onDate() == null ? today : request.onDate();
        if (on.isBefore(push.pushedOn())) {
            problems.add(Rejection.of("push.before-push", "onDate", on.toString(), push.pushedOn().toString()));
        }
        if (on.isAfter(today)) {
            problems.add(Rejection.of("push.future", "onDate", on.toString(), today.toString()));
        }
        LocalDate last = push.steps().get(push.steps().size() - 1).onDate();
        if (on.isBefore(last)) {
            problems.add(Rejection.of("push.date-order", "onDate", on.toString(), last.toString()));
        }
        DockingStep from = DockingStep.valueOf(push.status());
        DockingStep.Move move = to == null ? null : DockingStep.move(from, to);
        if (move != null && !move.ok()) {
            problems.add(move.refused());
        }
        BigDecimal signed = push.signedAmount();
        BigDecimal disbursed = null;
        Long loanId = null;
        String reason = null;
        if (to == DockingStep.SIGNED || (to == DockingStep.DISBURSED && signed == null)) {
            signed = Amounts.check(request.amount(), "amount", false, MAX, problems);
            if (signed != null && signed.signum() == 0) {
                problems.add(Rejection.of("need.amount-positive", "amount", "0"));
            }
        }
        if (to == DockingStep.DISBURSED) {
            if (request.loanId() == null) {
                problems.add(Rejection.of("required", "loanId"));
            } else {
                Loan loan = loans.get(caller, request.loanId());
                if (item.enterpriseId() == null || loan.borrowerId() != item.enterpriseId()) {
                    problems.add(Rejection.of("push.loan-borrower", "loanId", loan.number(), item.creditCode()));
                } else if (loan.disbursedOn() == null) {
                    problems.add(Rejection.of("push.loan-not-disbursed", "loanId", loan.number()));
                } else {
                    loanId = loan.id();
                    disbursed = loan.principal();
                    if (jdbc.sql("SELECT count(*) FROM project_push WHERE loan_id = :l").param("l", loanId)
                            .query(Long.class).single() > 0) {
                        problems.add(Rejection.of("push.loan-linked", "loanId", loan.number()));
                    }
                }
            }
        }
        if (to == DockingStep.DECLINED) {
            reason = request.reason() == null ? null : request.reason().strip();
            String r = reason;
            if (r == null || java.util.Arrays.stream(DockingStep.DeclineReason.values()).noneMatch(x -> x.name().equals(r))) {
                problems.add(Rejection.of("enum", "reason", String.valueOf(r),
                        java.util.Arrays.toString(DockingStep.DeclineReason.values())));
            }
            if ("OTHER".equals(r) && (request.note() == null || request.note().isBlank())) {
                problems.add(Rejection.of("push.other-note", "note"));
            }
        }
        if (request.note() != null && request.note().length() > 500) {
            problems.add(Rejection.of("length", "note", 0, 500));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        int seq = push.steps().size();
        for (DockingStep implied : move.implied()) {
            step(itemId, caller.institutionId(), ++seq, implied, on, true, caller.username(), null);
        }
        step(itemId, caller.institutionId(), ++seq, to, on, false, caller.username(),
                request.note() == null || request.note().isBlank() ? null : request.note().strip());
        // every step an institution records, a decline included, means it has reached the enterprise
        boolean contacted = true;
        int n = jdbc.sql("""
                        UPDATE project_push SET status = :s, version = version + 1,
                          contacted_on = CASE WHEN contacted_on IS NULL AND :contacted THEN CAST(:on AS date) ELSE contacted_on END,
                          signed_amount = :signed, disbursed_amount = :disbursed, loan_id = :loan, decline_reason = :reason
                        WHERE item_id = :i AND institution_id = :t AND status = :from""")
                .param("s", to.name()).param("contacted", contacted).param("on", on).param("signed", signed)
                .param("disbursed", disbursed).param("loan", loanId).param("reason", reason).param("i", itemId)
                .param("t", caller.institutionId()).param("from", from.name()).update();
        if (n == 0) {
            throw Rejected.conflict(Rejection.of("version.stale", "status", from.name(), "?"));
        }
        audit.record(AuditEvent.success(caller.username(), "push.step", "project_item", itemId,
                from + " -> " + to + (move.implied().isEmpty() ? "" : " (implied " + move.implied() + ")")));
        events.publishEvent(new cn.chanrong.matching.MatchingEvent.PushStepRecorded(itemId, caller.institutionId(),
                to.name()));
        return item(caller, itemId).pushes().get(0);
    }

    @Override
    @Transactional
    public Item withdraw(Caller caller, long itemId, String note) {
        requireIssuer(caller);
        Item item = item(caller, itemId);
        LocalDate today = businessDate.today();
        int changed = 0;
        for (Push p : item.pushes()) {
            if (DockingStep.valueOf(p.status()).terminal()) {
                continue;
            }
            step(itemId, p.institutionId(), p.steps().size() + 1, DockingStep.WITHDRAWN, today, false, caller.username(),
                    note);
            jdbc.sql("UPDATE project_push SET status = 'WITHDRAWN', version = version + 1 WHERE item_id = :i AND institution_id = :t")
                    .param("i", itemId).param("t", p.institutionId()).update();
            changed++;
        }
        if (changed == 0) {
            throw Rejected.conflict(Rejection.of("push.nothing-to-withdraw", null, itemId));
        }
        audit.record(AuditEvent.success(caller.username(), "push.withdraw", "project_item", itemId, changed + " pushes"));
        return item(caller, itemId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Item> overdue(Caller caller) {
        Map<String, Object> p = new HashMap<>();
        String where = itemScope(caller, p);
        List<Item> out = new ArrayList<>();
        jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM project_item i JOIN project_list l ON l.id = i.list_id WHERE " + where
                        + " AND EXISTS (SELECT 1 FROM project_push q WHERE q.item_id = i.id AND q.status = 'PUSHED'"
                        + " AND q.contact_due < :today AND (:c_inst < 0 OR q.institution_id = :c_inst))"
                        + " ORDER BY i.id LIMIT 500")
                .params(p).param("today", businessDate.today())
                .query(rs -> {
                    out.add(itemRow(caller, rs));
                });
        return out;
    }
}
