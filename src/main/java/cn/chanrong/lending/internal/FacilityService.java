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

    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000000.00");
    private static final String COLUMNS = """
            f.id, f.institution_id, f.borrower_id, e.name, f.amount, f.used, f.revolving, f.valid_from, f.valid_to,
            f.status, f.version""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final BusinessDate businessDate;

    FacilityService(JdbcClient jdbc, AuditTrail audit, BusinessDate businessDate) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.businessDate = businessDate;
    }

    private static Facility map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Facility(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getBigDecimal(5),
                rs.getBigDecimal(6), rs.getBoolean(7), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
                rs.getString(10), rs.getInt(11));
    }

    @Override
    @Transactional
    public Facility open(Caller caller, Request r) {
        if (!caller.is(Role.INSTITUTION) || !caller.hasAuthority("approver")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.approver-only", null));
        }
        List<Rejection> problems = new ArrayList<>();
        BigDecimal amount = Amounts.parse(r.amount(), "amount", false, MAX_AMOUNT, problems);
        if (amount != null && amount.signum() <= 0) {
            problems.add(Rejection.of("lending.positive", "amount", r.amount()));
        }
        if (r.borrowerId() == null) {
            problems.add(Rejection.of("required", "borrowerId"));
        } else if (jdbc.sql("SELECT count(*) FROM enterprise WHERE id = :id").param("id", r.borrowerId())
                .query(Long.class).single() == 0) {
            problems.add(Rejection.of("not-found", "borrowerId", "enterprise", r.borrowerId()));
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
                        INSERT INTO facility (institution_id, borrower_id, amount, revolving, valid_from, valid_to, created_by)
                        VALUES (:i, :b, :a, :r, :f, :t, :by) RETURNING id""")
                .param("i", caller.institutionId()).param("b", r.borrowerId()).param("a", amount)
                .param("r", r.revolving() == null || r.revolving()).param("f", from).param("t", r.validTo())
                .param("by", caller.username()).query(Long.class).single();
        audit.record(AuditEvent.success(caller.username(), "facility.open", "facility", id,
                "borrower " + r.borrowerId() + " amount " + amount));
        return get(caller, id);
    }

    @Override
    @Transactional(readOnly = true)
    public Facility get(Caller caller, long id) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        return jdbc.sql("SELECT " + COLUMNS + " FROM facility f JOIN enterprise e ON e.id = f.borrower_id WHERE f.id = :id AND "
                        + visible(caller, p)).params(p).query(FacilityService::map).optional()
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
        long total = jdbc.sql("SELECT count(*) FROM facility f JOIN enterprise e ON e.id = f.borrower_id WHERE " + where)
                .params(p).query(Long.class).single();
        p.put("limit", page.size());
        p.put("offset", page.offset());
        return new Page<>(jdbc.sql("SELECT " + COLUMNS + " FROM facility f JOIN enterprise e ON e.id = f.borrower_id WHERE "
                + where + " ORDER BY f.id DESC LIMIT :limit OFFSET :offset").params(p).query(FacilityService::map).list(),
                page.page(), page.size(), total);
    }

    private static String visible(Caller caller, Map<String, Object> p) {
        return LoanStore.visible(caller, p).replace("l.", "f.");
    }

    /**
     * Draws a contract's principal on the facility, with the facility row locked: it must be active,
     * valid on {@code date}, belong to the borrower and have the amount available.
     */
    void draw(long facilityId, long institutionId, long borrowerId, BigDecimal amount, LocalDate date) {
        var f = jdbc.sql("SELECT " + COLUMNS + " FROM facility f JOIN enterprise e ON e.id = f.borrower_id WHERE f.id = :id FOR UPDATE OF f")
                .param("id", facilityId).query(FacilityService::map).optional()
                .filter(x -> x.institutionId() == institutionId && x.borrowerId() == borrowerId)
                .orElseThrow(() -> Rejected.invalid(Rejection.of("lending.facility.other", "facilityId", facilityId)));
        if (!"ACTIVE".equals(f.status()) || date.isBefore(f.validFrom()) || date.isAfter(f.validTo())) {
            throw Rejected.invalid(Rejection.of("lending.facility.inactive", "facilityId", facilityId, f.validFrom(),
                    f.validTo()));
        }
        if (f.available().compareTo(amount) < 0) {
            throw Rejected.invalid(Rejection.of("lending.facility.exceeded", "amount", amount.toPlainString(),
                    f.available().toPlainString()));
        }
        jdbc.sql("UPDATE facility SET used = used + :a, version = version + 1 WHERE id = :id")
                .param("a", amount).param("id", facilityId).update();
    }

    /** Gives repaid principal back to a revolving facility. */
    void restore(Long facilityId, BigDecimal principal) {
        if (facilityId != null && principal.signum() > 0) {
            jdbc.sql("UPDATE facility SET used = greatest(used - :a, 0), version = version + 1 WHERE id = :id AND revolving")
                    .param("a", principal).param("id", facilityId).update();
        }
    }
}
