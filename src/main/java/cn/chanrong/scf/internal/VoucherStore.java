package cn.chanrong.scf.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.scf.ScfOverview;
import cn.chanrong.scf.Vouchers.Event;
import cn.chanrong.scf.Vouchers.Filter;
import cn.chanrong.scf.Vouchers.Imbalance;
import cn.chanrong.scf.Vouchers.Part;
import cn.chanrong.scf.Vouchers.Voucher;
import cn.chanrong.scf.domain.VoucherPartStatus;
import cn.chanrong.scf.domain.VoucherStatus;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Vouchers, their parts and events as stored: read as the caller may see them, locked, and written by the
 * voucher commands (each inside the transaction its command started).
 */
@Component
class VoucherStore {

    static final Set<String> STATUSES = Set.of("ISSUED", "SETTLED", "OVERDUE");

    private final JdbcClient jdbc;

    VoucherStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String VOUCHER = """
            SELECT v.id, v.number, v.issuer_id, i.name AS issuer_name, v.supplier_id, s.name AS supplier_name,
                   v.face_value, v.issued_on, v.maturity, v.over_default, v.trade_background, v.status, v.paid,
                   v.settled_on,
                   (SELECT coalesce(sum(p.amount), 0) FROM scf_voucher_part p
                     WHERE p.voucher_id = v.id AND p.status IN ('LIVE', 'DISCOUNTED')) AS outstanding
              FROM scf_voucher v JOIN enterprise_party_view i ON i.id = v.issuer_id JOIN enterprise_party_view s ON s.id = v.supplier_id""";

    private static final String PART = """
            SELECT p.id, p.voucher_id, v.number, p.parent_id, p.tier, p.holder_id, h.name AS holder_name, p.amount,
                   p.status, p.funder_id, f.name AS funder_name, p.loan_id, p.discount_rate, p.discount_interest,
                   p.discounted_on, p.paid, p.shortfall, v.maturity, p.recourse
              FROM scf_voucher_part p JOIN scf_voucher v ON v.id = p.voucher_id
              JOIN enterprise_party_view h ON h.id = p.holder_id LEFT JOIN institution_party_view f ON f.id = p.funder_id""";

    static Voucher voucher(ResultSet rs, int i) throws SQLException {
        return new Voucher(rs.getLong("id"), rs.getString("number"), rs.getLong("issuer_id"), rs.getString("issuer_name"),
                rs.getLong("supplier_id"), rs.getString("supplier_name"), rs.getBigDecimal("face_value"),
                rs.getObject("issued_on", LocalDate.class), rs.getObject("maturity", LocalDate.class),
                rs.getBoolean("over_default"), rs.getString("trade_background"), rs.getString("status"),
                rs.getBigDecimal("paid"), rs.getObject("settled_on", LocalDate.class),
                rs.getBigDecimal("outstanding").setScale(2));
    }

    static Part part(ResultSet rs, int i) throws SQLException {
        return new Part(rs.getLong("id"), rs.getLong("voucher_id"), rs.getString("number"),
                rs.getObject("parent_id", Long.class), rs.getInt("tier"), rs.getLong("holder_id"),
                rs.getString("holder_name"), rs.getBigDecimal("amount"), rs.getString("status"),
                rs.getObject("funder_id", Long.class), rs.getString("funder_name"), rs.getObject("loan_id", Long.class),
                rs.getBigDecimal("discount_rate"), rs.getBigDecimal("discount_interest"),
                rs.getObject("discounted_on", LocalDate.class), rs.getBigDecimal("paid"), rs.getBigDecimal("shortfall"),
                rs.getObject("maturity", LocalDate.class), rs.getObject("recourse", Boolean.class));
    }

    static Event event(ResultSet rs, int i) throws SQLException {
        return new Event(rs.getLong("id"), rs.getObject("part_id", Long.class), rs.getString("kind"),
                rs.getBigDecimal("amount"), rs.getObject("from_enterprise_id", Long.class),
                rs.getObject("to_enterprise_id", Long.class), rs.getObject("to_institution_id", Long.class),
                rs.getString("trade_background"), rs.getString("detail"), rs.getObject("loan_id", Long.class),
                rs.getObject("entry_id", Long.class), rs.getString("actor"),
                rs.getObject("business_date", LocalDate.class),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant());
    }

    /** The condition on {@code v} (a voucher joined to its issuer {@code i}) that limits rows to what the caller may see. */
    static final ReadScope SCOPE = ReadScope.regulated().enterprise("v.issuer_id")
            .enterpriseWhen("EXISTS (SELECT 1 FROM scf_voucher_part x WHERE x.voucher_id = v.id AND x.holder_id = :sc_ent)")
            .institutionWhen("EXISTS (SELECT 1 FROM scf_voucher_part x WHERE x.voucher_id = v.id"
                    + " AND x.funder_id = :sc_inst)");

    static String visibleTo(Caller c, Map<String, Object> params) {
        return SCOPE.where(c, params);
    }

    boolean visible(Caller caller, long voucherId) {
        Map<String, Object> p = new HashMap<>();
        String where = visibleTo(caller, p);
        return jdbc.sql("SELECT count(*) FROM scf_voucher v JOIN enterprise_party_view i ON i.id = v.issuer_id WHERE v.id = :id AND "
                + where).params(p).param("id", voucherId).query(Long.class).single() > 0;
    }

    /** The voucher regardless of who asks (commands check rights themselves). */
    Optional<Voucher> voucher(long id) {
        return jdbc.sql(VOUCHER + " WHERE v.id = :id").param("id", id).query(VoucherStore::voucher).optional();
    }

    Voucher visibleVoucher(Caller caller, long id) {
        Map<String, Object> p = new HashMap<>();
        String where = visibleTo(caller, p);
        return jdbc.sql(VOUCHER + " WHERE v.id = :id AND " + where).params(p).param("id", id)
                .query(VoucherStore::voucher).optional().orElseThrow(() -> Rejected.notFound("voucher", id));
    }

    Optional<Part> part(long id) {
        return jdbc.sql(PART + " WHERE p.id = :id").param("id", id).query(VoucherStore::part).optional();
    }

    List<Part> parts(long voucherId) {
        return jdbc.sql(PART + " WHERE p.voucher_id = :v ORDER BY p.id").param("v", voucherId)
                .query(VoucherStore::part).list();
    }

    List<Event> events(long voucherId) {
        return jdbc.sql("SELECT * FROM scf_voucher_event WHERE voucher_id = :v ORDER BY id").param("v", voucherId)
                .query(VoucherStore::event).list();
    }

    List<Long> receivables(long voucherId) {
        return jdbc.sql("SELECT receivable_id FROM scf_voucher_receivable WHERE voucher_id = :v ORDER BY receivable_id")
                .param("v", voucherId).query(Long.class).list();
    }

    Page<Voucher> search(Caller caller, Filter filter, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder where = new StringBuilder(visibleTo(caller, p));
        if (filter != null && filter.status() != null && !filter.status().isBlank()) {
            String status = filter.status().strip();
            if (!STATUSES.contains(status)) {
                throw Rejected.invalid(Rejection.of("enum", "status", status, "[ISSUED, SETTLED, OVERDUE]"));
            }
            where.append(" AND v.status = :status");
            p.put("status", status);
        }
        if (filter != null && filter.relation() != null && !filter.relation().isBlank()) {
            p.put("v_ent", caller.enterpriseId() == null ? -1L : caller.enterpriseId());
            switch (filter.relation().strip()) {
                case "ISSUED" -> where.append(" AND v.issuer_id = :v_ent");
                case "HELD" -> where.append(" AND EXISTS (SELECT 1 FROM scf_voucher_part y WHERE y.voucher_id = v.id"
                        + " AND y.holder_id = :v_ent)");
                default -> throw Rejected.invalid(Rejection.of("enum", "relation", filter.relation(), "[ISSUED, HELD]"));
            }
        }
        List<Voucher> items = jdbc.sql(VOUCHER + " WHERE " + where + " ORDER BY v.id DESC LIMIT :limit OFFSET :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset()).query(VoucherStore::voucher).list();
        long total = jdbc.sql("SELECT count(*) FROM scf_voucher v JOIN enterprise_party_view i ON i.id = v.issuer_id WHERE " + where)
                .params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    Page<Part> held(Caller caller, boolean liveOnly, PageRequest page) {
        long me = caller.enterpriseId() == null ? -1L : caller.enterpriseId();
        String where = " WHERE p.holder_id = :me" + (liveOnly ? " AND p.status = 'LIVE'" : "");
        List<Part> items = jdbc.sql(PART + where + " ORDER BY p.id DESC LIMIT :limit OFFSET :offset").param("me", me)
                .param("limit", page.size()).param("offset", page.offset()).query(VoucherStore::part).list();
        long total = jdbc.sql("SELECT count(*) FROM scf_voucher_part p" + where).param("me", me).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /**
     * Vouchers whose leaves do not sum to the face value: for an unsettled voucher its LIVE and
     * DISCOUNTED parts, for a settled or overdue one those and its SETTLED parts.
     */
    List<Imbalance> conservation(Long voucherId) {
        return jdbc.sql("""
                        SELECT v.id, v.number, v.face_value,
                               coalesce(sum(p.amount) FILTER (WHERE p.status IN ('LIVE', 'DISCOUNTED')
                                   OR (p.status = 'SETTLED' AND v.status <> 'ISSUED')), 0) AS leaf_sum
                          FROM scf_voucher v LEFT JOIN scf_voucher_part p ON p.voucher_id = v.id
                         WHERE CAST(:id AS BIGINT) IS NULL OR v.id = :id
                         GROUP BY v.id
                        HAVING v.face_value <> coalesce(sum(p.amount) FILTER (WHERE p.status IN ('LIVE', 'DISCOUNTED')
                                   OR (p.status = 'SETTLED' AND v.status <> 'ISSUED')), 0)
                         ORDER BY v.id""")
                .param("id", voucherId, java.sql.Types.BIGINT)
                .query((rs, i) -> new Imbalance(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4).setScale(2)))
                .list();
    }

    // ---- issue

    /** The next number of the voucher sequence. */
    long nextNumber() {
        return jdbc.sql("SELECT nextval('scf_voucher_number')").query(Long.class).single();
    }

    long insert(String number, long issuerId, long supplierId, BigDecimal faceValue, LocalDate issuedOn,
                LocalDate maturity, boolean overDefault, String tradeBackground, String by) {
        return jdbc.sql("""
                        INSERT INTO scf_voucher (number, issuer_id, supplier_id, face_value, issued_on, maturity,
                            over_default, trade_background, status, created_by)
                        VALUES (:n, :i, :s, :f, :d, :m, :o, :tb, 'ISSUED', :by) RETURNING id""")
                .param("n", number).param("i", issuerId).param("s", supplierId).param("f", faceValue).param("d", issuedOn)
                .param("m", maturity).param("o", overDefault).param("tb", tradeBackground).param("by", by)
                .query(Long.class).single();
    }

    /** The voucher rests on {@code amount} of the receivable. */
    void backBy(long voucherId, long receivableId, BigDecimal amount) {
        jdbc.sql("""
                        INSERT INTO scf_voucher_receivable (voucher_id, receivable_id, amount) VALUES (:v, :r, :a)""")
                .param("v", voucherId).param("r", receivableId).param("a", amount).update();
    }

    // ---- parts and events

    /** Locks the voucher's row for the rest of the transaction. */
    void lock(long voucherId) {
        jdbc.sql("SELECT id FROM scf_voucher WHERE id = :root FOR UPDATE").param("root", voucherId).query(Long.class)
                .optional().orElseThrow(() -> Rejected.notFound("voucher", voucherId));
    }

    /** The voucher a part belongs to. */
    Optional<Long> voucherOf(long partId) {
        return jdbc.sql("SELECT voucher_id FROM scf_voucher_part WHERE id = :id").param("id", partId)
                .query(Long.class).optional();
    }

    /** Spends a LIVE part into {@code to}; the number of parts spent (0 when it was not LIVE). */
    int spend(long partId, VoucherPartStatus to) {
        return jdbc.sql("UPDATE scf_voucher_part SET status = :s WHERE id = :id AND status = :live")
                .param("s", to.name()).param("id", partId).param("live", VoucherPartStatus.LIVE.name()).update();
    }

    Optional<String> partStatus(long partId) {
        return jdbc.sql("SELECT status FROM scf_voucher_part WHERE id = :id").param("id", partId)
                .query(String.class).optional();
    }

    long insertPart(long voucherId, Long parentId, int tier, long holderId, BigDecimal amount) {
        return jdbc.sql("""
                        INSERT INTO scf_voucher_part (voucher_id, parent_id, tier, holder_id, amount, status)
                        VALUES (:v, :p, :t, :h, :a, 'LIVE') RETURNING id""")
                .param("v", voucherId).param("p", parentId, java.sql.Types.BIGINT).param("t", tier).param("h", holderId)
                .param("a", amount).query(Long.class).single();
    }

    record EventRow(long voucherId, Long partId, String kind, BigDecimal amount, Long from, Long to, Long toInstitution,
                    String tradeBackground, String detail, Long loanId, Long entryId, String actor, LocalDate date) {
    }

    void event(EventRow e) {
        jdbc.sql("""
                        INSERT INTO scf_voucher_event (voucher_id, part_id, kind, amount, from_enterprise_id,
                            to_enterprise_id, to_institution_id, trade_background, detail, loan_id, entry_id, actor,
                            business_date)
                        VALUES (:v, :p, :k, :a, :f, :t, :ti, :tb, :d, :l, :en, :by, :on)""")
                .param("v", e.voucherId()).param("p", e.partId(), java.sql.Types.BIGINT).param("k", e.kind())
                .param("a", e.amount()).param("f", e.from(), java.sql.Types.BIGINT)
                .param("t", e.to(), java.sql.Types.BIGINT).param("ti", e.toInstitution(), java.sql.Types.BIGINT)
                .param("tb", e.tradeBackground(), java.sql.Types.VARCHAR).param("d", e.detail(), java.sql.Types.VARCHAR)
                .param("l", e.loanId(), java.sql.Types.BIGINT).param("en", e.entryId(), java.sql.Types.BIGINT)
                .param("by", e.actor()).param("on", e.date()).update();
    }

    /** Marks a part discounted with a funder, if it is still {@code from}; the number of parts changed. */
    int markDiscounted(long partId, String from, VoucherPartStatus to, long funderId, long loanId, BigDecimal rate,
                       BigDecimal interest, LocalDate on, boolean recourse) {
        return jdbc.sql("""
                        UPDATE scf_voucher_part SET status = :to, funder_id = :f, loan_id = :l,
                            discount_rate = :r, discount_interest = :i, discounted_on = :d, recourse = :rec
                        WHERE id = :id AND status = :from""")
                .param("to", to.name()).param("from", from).param("rec", recourse).param("f", funderId).param("l", loanId).param("r", rate).param("i", interest).param("d", on)
                .param("id", partId).update();
    }

    // ---- settlement

    /** Settles a part, if it is still {@code from}, with what was paid and what is short; the number changed. */
    int settlePart(long partId, String from, VoucherPartStatus to, BigDecimal paid, BigDecimal shortfall) {
        return jdbc.sql("""
                        UPDATE scf_voucher_part SET status = :to, paid = :p, shortfall = :g
                        WHERE id = :id AND status = :old""")
                .param("to", to.name()).param("p", paid).param("g", shortfall).param("id", partId).param("old", from).update();
    }

    /** Pays a settled part's shortfall late, if it is still {@code shortfall}; the number changed. */
    int payShortfall(long partId, BigDecimal paid, BigDecimal shortfall) {
        return jdbc.sql("""
                        UPDATE scf_voucher_part SET paid = paid + :p, shortfall = shortfall - :p
                        WHERE id = :id AND status = 'SETTLED' AND shortfall = :old""")
                .param("p", paid).param("id", partId).param("old", shortfall).update();
    }

    void markSettled(long voucherId, VoucherStatus status, BigDecimal paid, LocalDate on) {
        jdbc.sql("UPDATE scf_voucher SET status = :st, paid = :p, settled_on = :d WHERE id = :id")
                .param("st", status.name()).param("p", paid).param("d", on)
                .param("id", voucherId).update();
    }

    void recordLatePayment(long voucherId, BigDecimal paid, VoucherStatus status, LocalDate on) {
        jdbc.sql("""
                        UPDATE scf_voucher SET paid = paid + :p, status = :st, settled_on = :d WHERE id = :id""")
                .param("p", paid).param("st", status.name())
                .param("d", on).param("id", voucherId).update();
    }

    /** Whether the funder discounted any part of the voucher with recourse to the holder. */
    boolean recourseAgreed(long voucherId, long funderId) {
        return jdbc.sql("""
                        SELECT coalesce(bool_or(recourse), FALSE) FROM scf_voucher_part
                         WHERE voucher_id = :v AND funder_id = :f""")
                .param("v", voucherId).param("f", funderId).query(Boolean.class).single();
    }

    /** An issued voucher past its maturity. */
    record Due(long id, String number, long issuerId) {
    }

    /** The issued vouchers that matured before {@code date}, oldest maturity first. */
    List<Due> overdue(LocalDate date) {
        return jdbc.sql("SELECT id, number, issuer_id FROM scf_voucher WHERE status = 'ISSUED' AND maturity < :d"
                        + " ORDER BY maturity, id")
                .param("d", date).query((rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
    }

    /** The voucher parts of holders registered in the region, by tier, as the regulator's overview shows them. */
    List<ScfOverview.TierRow> tiers(String regionPrefix) {
        return jdbc.sql("""
                        SELECT p.tier, count(*),
                               coalesce(sum(p.amount) FILTER (WHERE p.status = 'LIVE'), 0),
                               coalesce(sum(p.amount) FILTER (WHERE p.status = 'DISCOUNTED'
                                   OR p.status = 'SETTLED' AND p.funder_id IS NOT NULL), 0),
                               coalesce(sum(p.amount) FILTER (WHERE p.status = 'SETTLED'), 0)
                          FROM scf_voucher_part p JOIN enterprise_party_view e ON e.id = p.holder_id
                         WHERE p.status IN ('LIVE', 'DISCOUNTED', 'SETTLED') AND e.region_code LIKE :p || '%'
                         GROUP BY p.tier ORDER BY p.tier""")
                .param("p", regionPrefix)
                .query((rs, i) -> new ScfOverview.TierRow(rs.getInt(1), rs.getLong(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5))).list();
    }
}
