package cn.chanrong.scf.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.identity.Role;
import cn.chanrong.scf.Receivables.Receivable;
import cn.chanrong.shared.Rejected;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads receivables, and says which ones a caller may see. */
@Component
class ReceivableStore {

    static final String COLUMNS = """
            r.id, r.number, r.creditor_id, c.name, c.credit_code, r.debtor_id, d.name, d.credit_code, r.invoice_number,
            r.contract_no, r.amount, r.delivered_on, r.due_on, r.contract_term_days, r.source, r.status, r.decision_at,
            r.decided_by, r.dispute_reason, r.signature IS NOT NULL, r.diluted, r.paid, r.paid_on, r.voucher_paid_on,
            r.created_by, r.created_at, r.version""";
    static final String FROM = " FROM scf_receivable r JOIN enterprise_party_view c ON c.id = r.creditor_id"
            + " JOIN enterprise_party_view d ON d.id = r.debtor_id";

    private final JdbcClient jdbc;

    ReceivableStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Receivable map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Receivable(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getBigDecimal(11),
                rs.getObject(12, LocalDate.class), rs.getObject(13, LocalDate.class), (Integer) rs.getObject(14),
                rs.getString(15), rs.getString(16), instant(rs.getObject(17, OffsetDateTime.class)), rs.getString(18),
                rs.getString(19), rs.getBoolean(20), rs.getBigDecimal(21), rs.getBigDecimal(22),
                rs.getObject(23, LocalDate.class), rs.getObject(24, LocalDate.class), rs.getString(25),
                instant(rs.getObject(26, OffsetDateTime.class)), rs.getInt(27));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    /**
     * The condition (on alias {@code r}) for receivables the caller may see: its own as creditor or
     * debtor, those sent to its institution, everything for regulators (in their region) and admins.
     */
    static final ReadScope SCOPE = ReadScope.regulated().enterprise("r.creditor_id").enterprise("r.debtor_id")
            .institutionWhen("EXISTS (SELECT 1 FROM scf_financing_offer o WHERE o.receivable_id = r.id"
                    + " AND o.institution_id = :sc_inst)");

    static String visible(Caller caller, Map<String, Object> params) {
        return SCOPE.where(caller, params);
    }

    Optional<Receivable> find(Caller caller, long id) {
        Map<String, Object> params = new java.util.HashMap<>();
        String where = visible(caller, params);
        params.put("id", id);
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE r.id = :id AND " + where).params(params)
                .query(ReceivableStore::map).optional();
    }

    Receivable get(Caller caller, long id) {
        return find(caller, id).orElseThrow(() -> Rejected.notFound("receivable", id));
    }

    /** The receivable locked for a change (no visibility check: callers check their role first). */
    Receivable lock(long id) {
        jdbc.sql("SELECT id FROM scf_receivable WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional()
                .orElseThrow(() -> Rejected.notFound("receivable", id));
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE r.id = :id").param("id", id).query(ReceivableStore::map)
                .single();
    }
}
