package cn.chanrong.scf.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.scf.WarehouseReceipts.Alert;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The shared supply-chain alert list as stored: raised once per kind, subject and day, cleared when the condition ends, listed per funder. */
@Component
class AlertStore {

    static final Set<String> KINDS = Set.of("DILUTION", "GOODS_LEFT", "LTV_ALERT", "MARGIN_CALL", "SENSOR",
            "VOUCHER_OVERDUE", "PAYMENT_TERM");

    private final JdbcClient jdbc;

    AlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Raises the alert unless the same kind was already raised on the subject that day; true when new. */
    boolean raise(String kind, Long institutionId, Long enterpriseId, String subject, String detail, BigDecimal amount,
                  LocalDate on) {
        return jdbc.sql("""
                        INSERT INTO scf_alert (kind, institution_id, enterprise_id, subject, detail, amount, raised_on)
                        VALUES (:k, :i, :e, :s, :d, :a, :on) ON CONFLICT (kind, subject, raised_on) DO NOTHING""")
                .param("k", kind).param("i", institutionId).param("e", enterpriseId).param("s", subject)
                .param("d", detail).param("a", amount).param("on", on).update() == 1;
    }

    /** Clears the open alerts of these kinds on a subject (the condition ended). */
    void clear(String subject, List<String> kinds, LocalDate on, String by) {
        jdbc.sql("""
                        UPDATE scf_alert SET cleared_on = :on, cleared_by = :by
                         WHERE subject = :s AND kind = ANY(:k) AND cleared_on IS NULL AND raised_on <= :on""")
                .param("on", on).param("by", by).param("s", subject).param("k", kinds.toArray(String[]::new)).update();
    }

    /**
     * AlertStore on a funder's book: the funder's own; the financial regulators where the enterprise
     * concerned is registered.
     */
    static final ReadScope SCOPE = ReadScope.customerData().institution("a.institution_id").regionOfEnterprise("a.enterprise_id");

    Page<Alert> list(Caller caller, String kind, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder where = new StringBuilder(SCOPE.where(caller, p));
        if (kind != null && !kind.isBlank()) {
            if (!KINDS.contains(kind.strip())) {
                throw Rejected.invalid(Rejection.of("enum", "kind", kind, new java.util.TreeSet<>(KINDS).toString()));
            }
            where.append(" AND a.kind = :kind");
            p.put("kind", kind.strip());
        }
        String from = " FROM scf_alert a WHERE " + where;
        List<Alert> items = jdbc.sql("""
                        SELECT a.id, a.kind, a.institution_id, a.enterprise_id, a.subject, a.detail, a.amount, a.raised_on,
                               a.cleared_on""" + from + " ORDER BY a.raised_on DESC, a.id DESC LIMIT :limit OFFSET :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset())
                .query((rs, i) -> new Alert(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class), rs.getString(5), rs.getString(6), rs.getBigDecimal(7),
                        rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class)))
                .list();
        long total = jdbc.sql("SELECT count(*)" + from).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** How many alerts are open on the whole platform. */
    long openCount() {
        return jdbc.sql("SELECT count(*) FROM scf_alert WHERE cleared_on IS NULL").query(Long.class).single();
    }
}
