package cn.chanrong.lending.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.lending.Facilities;
import cn.chanrong.lending.Facility;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class FacilityService implements Facilities {

    private static final cn.chanrong.identity.ReadScope SCOPE = LoanStore.scope("f");

    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000000.00");
    private static final String COLUMNS = """
            f.id, f.institution_id, f.borrower_id, f.group_id, coalesce(e.name, g.name), f.amount, f.used, f.revolving,
            f.valid_from, f.valid_to, f.status, f.version""";
    private static final String FROM = " FROM facility f LEFT JOIN enterprise_party_view e ON e.id = f.borrower_id"
            + " LEFT JOIN enterprise_group_view g ON g.id = f.group_id";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final BusinessDate businessDate;

    FacilityService(JdbcClient jdbc, AuditTrail audit, BusinessDate businessDate) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.businessDate = businessDate;
    }

    private static Facility map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Facility(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), (Long) rs.getObject(4), rs.getString(5),
                rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBoolean(8), rs.getObject(9, LocalDate.class),
                rs.getObject(10, LocalDate.class), rs.getString(11), rs.getInt(12));
    }

    @Override
    @Transactional
    public Facility open(Caller caller, Request r) {
        if (!caller.is(Role.INSTITUTION) || !caller.hasAuthority("approver")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.approver-only", null));
        }
        List<Rejection> problems = new ArrayList<>();
        BigDecimal amount = Amounts.check(r.amount(), "amount", false, MAX_AMOUNT, problems);
        if (amount != null && amount.signum() <= 0) {
            problems.add(Rejection.of("lending.positive", "amount", r.amount().toPlainString()));
        }
        if ((r.borrowerId() == null) == (r.groupId() == null)) {
            problems.add(Rejection.of("lending.facility.borrower-or-group", "borrowerId"));
        } else if (r.borrowerId() != null && jdbc.sql("SELECT count(*) FROM enterprise_party_view WHERE id = :id")
                .param("id", r.borrowerId()).query(Long.class).single() == 0) {
            problems.add(Rejection.of("not-found", "borrowerId", "enterprise", r.borrowerId()));
        } else if (r.groupId() != null && jdbc.sql("SELECT count(*) FROM enterprise_group_view WHERE id = :id")
                .param("id", r.groupId()).query(Long.class).single() == 0) {
            problems.add(Rejection.of("not-found", "groupId", "enterprise group", r.groupId()));
        }
        LocalDate from = r.validFrom() == null ? businessDate.today() : r.validFrom();
        if (r.validTo() == null) {
            problems.add(Rejection.of("required", "validTo"));
        } else if (!r.validTo().isAfter(from)) {
            problems.add(Rejection.of("range.reversed", "validTo", from, r.validTo()));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        long id = jdbc.sql("""
                        INSERT INTO facility (institution_id, borrower_id, group_id, amount, revolving, valid_from, valid_to,
                            created_by)
                        VALUES (:i, :b, :g, :a, :r, :f, :t, :by) RETURNING id""")
                .param("i", caller.institutionId()).param("b", r.borrowerId()).param("g", r.groupId()).param("a", amount)
                .param("r", r.revolving() == null || r.revolving()).param("f", from).param("t", r.validTo())
                .param("by", caller.username()).query(Long.class).single();
        audit.record(AuditEvent.success(caller.username(), "facility.open", "facility", id,
                (r.groupId() == null ? "borrower " + r.borrowerId() : "group " + r.groupId()) + " amount " + amount));
        return get(caller, id);
    }

    @Override
    @Transactional(readOnly = true)
    public Facility get(Caller caller, long id) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE f.id = :id AND " + visible(caller, p)).params(p)
                .query(FacilityService::map).optional()
                .orElseThrow(() -> Rejected.notFound("facility", id));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Facility> search(Caller caller, Long borrowerId, PageRequest page) {
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
                + where + " ORDER BY f.id DESC LIMIT :limit OFFSET :offset").params(p).query(FacilityService::map).list(),
                page.page(), page.size(), total);
    }

    private static String visible(Caller caller, Map<String, Object> p) {
        return SCOPE.where(caller, p);
    }

    /**
     * Draws a contract's principal: on the borrower's group line at the institution when there is one,
     * then on the cited facility. Rows are locked group line first, so two draws never deadlock; each
     * must be active and valid on {@code date}, the cited one must be the borrower's (or its group's),
     * and both must have the amount available.
     */
    void draw(Long facilityId, long institutionId, long borrowerId, BigDecimal amount, LocalDate date) {
        Long groupLine = groupLine(institutionId, borrowerId);
        if (groupLine != null && !groupLine.equals(facilityId)) {
            drawOn(lock(groupLine), amount, date);
        }
        if (facilityId != null) {
            Long group = groupOf(borrowerId);
            Facility f = lock(facilityId);
            boolean belongs = f != null && f.institutionId() == institutionId
                    && (Long.valueOf(borrowerId).equals(f.borrowerId()) || group != null && group.equals(f.groupId()));
            if (!belongs) {
                throw Rejected.invalid(Rejection.of("lending.facility.other", "facilityId", facilityId));
            }
            drawOn(f, amount, date);
        }
    }

    private Facility lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE f.id = :id FOR UPDATE OF f").param("id", id)
                .query(FacilityService::map).optional().orElse(null);
    }

    private Long groupOf(long borrowerId) {
        return jdbc.sql("SELECT group_id FROM enterprise_party_view WHERE id = :b").param("b", borrowerId)
                .query((rs, i) -> (Long) rs.getObject(1)).optional().orElse(null);
    }

    private Long groupLine(long institutionId, long borrowerId) {
        Long group = groupOf(borrowerId);
        return group == null ? null : jdbc.sql("""
                        SELECT id FROM facility WHERE institution_id = :i AND group_id = :g AND status = 'ACTIVE'
                        ORDER BY id LIMIT 1""")
                .param("i", institutionId).param("g", group).query(Long.class).optional().orElse(null);
    }

    private void drawOn(Facility f, BigDecimal amount, LocalDate date) {
        if (!"ACTIVE".equals(f.status()) || date.isBefore(f.validFrom()) || date.isAfter(f.validTo())) {
            throw Rejected.invalid(Rejection.of("lending.facility.inactive", "facilityId", f.id(), f.validFrom(),
                    f.validTo()));
        }
        if (f.available().compareTo(amount) < 0) {
            throw Rejected.invalid(Rejection.of(f.groupId() != null ? "lending.facility.group-exceeded"
                    : "lending.facility.exceeded", "amount", amount.toPlainString(), f.available().toPlainString()));
        }
        jdbc.sql("UPDATE facility SET used = used + :a, version = version + 1 WHERE id = :id")
                .param("a", amount).param("id", f.id()).update();
    }

    /** Gives repaid principal back to the revolving lines it was drawn on: the group's and the cited one. */
    void restore(Long facilityId, long institutionId, long borrowerId, BigDecimal principal) {
        if (principal.signum() <= 0) {
            return;
        }
        Long groupLine = groupLine(institutionId, borrowerId);
        for (Long id : new java.util.LinkedHashSet<>(java.util.Arrays.asList(groupLine, facilityId))) {
            if (id != null) {
                jdbc.sql("UPDATE facility SET used = greatest(used - :a, 0), version = version + 1 WHERE id = :id AND revolving")
                        .param("a", principal).param("id", id).update();
            }
        }
    }
}
