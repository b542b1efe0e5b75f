package cn.chanrong.scf.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.identity.Role;
import cn.chanrong.scf.Receivables.Filter;
import cn.chanrong.scf.Receivables.Receivable;
import cn.chanrong.scf.domain.ReceivableStatus;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Receivables as stored: read, searched and locked as the caller may see them, and changed by the services. */
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

    Page<Receivable> search(Caller caller, Filter filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE ").append(visible(caller, params));
        if (filter.status() != null && !filter.status().isBlank()) {
            where.append(" AND r.status = :status");
            params.put("status", filter.status().strip());
        }
        if (filter.role() != null && !filter.role().isBlank()) {
            params.put("me", caller.enterpriseId() == null ? -1L : caller.enterpriseId());
            switch (filter.role().strip()) {
                case "CREDITOR" -> where.append(caller.is(Role.ENTERPRISE) ? " AND r.creditor_id = :me" : " AND FALSE");
                case "DEBTOR" -> where.append(caller.is(Role.ENTERPRISE) ? " AND r.debtor_id = :me" : " AND FALSE");
                case "FUNDER" -> { }
                default -> throw Rejected.invalid(Rejection.of("scf.filter.role", "role", filter.role()));
            }
        }
        long total = jdbc.sql("SELECT count(*)" + FROM + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<Receivable> items = jdbc.sql("SELECT " + COLUMNS + FROM + where
                        + " ORDER BY r.id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(ReceivableStore::map).list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    // ---- upload

    /** The next number of the receivable sequence. */
    long nextNumber() {
        return jdbc.sql("SELECT nextval('scf_receivable_number')").query(Long.class).single();
    }

    long insert(String number, long creditorId, long debtorId, String invoiceNumber, String contractNo, BigDecimal amount,
                LocalDate deliveredOn, LocalDate dueOn, Integer contractTermDays, String source, String by) {
        return jdbc.sql("""
                        INSERT INTO scf_receivable (number, creditor_id, debtor_id, invoice_number, contract_no, amount,
                            delivered_on, due_on, contract_term_days, source, status, created_by)
                        VALUES (:n, :c, :d, :inv, :k, :a, :del, :due, :term, :src, 'UPLOADED', :by) RETURNING id""")
                .param("n", number).param("c", creditorId).param("d", debtorId)
                .param("inv", invoiceNumber)
                .param("k", contractNo).param("a", amount).param("del", deliveredOn).param("due", dueOn)
                .param("term", contractTermDays).param("src", source)
                .param("by", by).query(Long.class).single();
    }

    /** Whether a receivable already rests on the invoice. */
    boolean invoiceUsed(String invoiceNumber) {
        return jdbc.sql("SELECT count(*) FROM scf_receivable WHERE invoice_number = :n").param("n", invoiceNumber)
                .query(Long.class).single() > 0;
    }

    // ---- the debtor's decision

    /** Records the debtor's signed decision. */
    void recordDecision(long id, ReceivableStatus decided, Instant at, String by, String reason,
                        SigningKeys.Signed signed, String holder, Long keyId) {
        jdbc.sql("""
                        UPDATE scf_receivable SET status = :s, decision_at = :at, decided_by = :by, dispute_reason = :reason,
                            signature = :sig, signature_key = :key, signature_algorithm = :alg,
                            signature_key_holder = :holder, signature_key_id = :keyId, version = version + 1
                        WHERE id = :id""")
                .param("s", decided.name()).param("at", java.sql.Timestamp.from(at)).param("by", by)
                .param("reason", reason).param("sig", signed.signature()).param("key", signed.publicKey())
                .param("alg", signed.algorithm()).param("holder", holder).param("keyId", keyId)
                .param("id", id).update();
    }

    /** A receivable's signed decision as stored, with what its canonical message names. */
    record SignedDecision(String number, String creditor, String debtor, BigDecimal amount, LocalDate due, Instant at,
                          String status, String signature, String key, String algorithm, String holder) {
    }

    /** The signed decision of a receivable the caller may see. */
    Optional<SignedDecision> signedDecision(Caller caller, long id) {
        Map<String, Object> scope = new java.util.HashMap<>();
        return jdbc.sql("""
                        SELECT r.number, c.credit_code, d.credit_code, r.amount, r.due_on, r.decision_at, r.status,
                               r.signature, r.signature_key, r.signature_algorithm, r.signature_key_holder
                          FROM scf_receivable r JOIN enterprise_party_view c ON c.id = r.creditor_id JOIN enterprise_party_view d ON d.id = r.debtor_id
                         WHERE r.id = :id""" + " AND " + visible(caller, scope))
                .params(scope).param("id", id)
                .query((rs, i) -> new SignedDecision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getObject(5, LocalDate.class), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)))
                .optional();
    }

    /** The public key that signed the receivable's decision. */
    String signatureKey(long id) {
        return jdbc.sql("SELECT signature_key FROM scf_receivable WHERE id = :id").param("id", id)
                .query(String.class).single();
    }

    // ---- financing, dilution, collection

    void markFinanced(long id, ReceivableStatus financed) {
        jdbc.sql("UPDATE scf_receivable SET status = :s, version = version + 1 WHERE id = :id")
                .param("s", financed.name()).param("id", id).update();
    }

    /** The receivable resting on the invoice, if any. */
    Optional<Long> byInvoice(String invoiceNumber) {
        return jdbc.sql("SELECT id FROM scf_receivable WHERE invoice_number = :n").param("n", invoiceNumber)
                .query(Long.class).optional();
    }

    /** What a dilution needs of a receivable. */
    record Dilutable(String number, String status, long creditorId, BigDecimal amount, BigDecimal diluted) {
    }

    /** The receivable locked for a dilution. */
    Dilutable lockForDilution(long id) {
        return jdbc.sql("SELECT number, status, creditor_id, amount, diluted FROM scf_receivable WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query((rs, i) -> new Dilutable(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5))).single();
    }

    void addDiluted(long id, BigDecimal applied) {
        jdbc.sql("UPDATE scf_receivable SET diluted = diluted + :a, version = version + 1 WHERE id = :id")
                .param("a", applied).param("id", id).update();
    }

    /** Records what the debtor paid and how it was shared; returns the collection's id. */
    long insertCollection(long id, BigDecimal amount, LocalDate paidOn, BigDecimal toFunder, BigDecimal toSeller,
                          Long loanId, String by) {
        return jdbc.sql("""
                        INSERT INTO scf_collection (receivable_id, amount, paid_on, to_funder, to_seller, loan_id, recorded_by)
                        VALUES (:r, :a, :on, :f, :s, :l, :by) RETURNING id""")
                .param("r", id).param("a", amount).param("on", paidOn).param("f", toFunder).param("s", toSeller)
                .param("l", loanId).param("by", by).query(Long.class).single();
    }

    void recordPayment(long id, BigDecimal amount, LocalDate paidOn, ReceivableStatus after) {
        jdbc.sql("""
                        UPDATE scf_receivable SET paid = paid + :a, paid_on = :on, version = version + 1,
                            status = :status WHERE id = :id""")
                .param("a", amount).param("on", paidOn).param("status", after.name()).param("id", id).update();
    }

    /** A receivable as the payment-terms check sees it. */
    record Term(long id, String number, String creditor, String debtor, BigDecimal amount, LocalDate delivered,
                Integer term, boolean debtorLarge, boolean creditorSme, LocalDate paidOn, boolean paid,
                LocalDate voucher) {
    }

    /** The undisputed receivables the caller may see delivered before {@code today}, oldest first. */
    List<Term> terms(Caller caller, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        return terms(visible(caller, params), params, today);
    }

    /** The terms of the receivables a debtor owes, whoever may read them (for the debtor's own early-warning signal). */
    List<Term> termsOwedBy(long debtorId, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        params.put("debtor", debtorId);
        return terms("r.debtor_id = :debtor", params, today);
    }

    private List<Term> terms(String where, Map<String, Object> params, LocalDate today) {
        params.put("today", today);
        String debtorSize = cn.chanrong.enterprise.EnterpriseSql.SIZE;
        String creditorSize = debtorSize.replace("e.", "c.");
        return jdbc.sql("SELECT r.id, r.number, c.name, d.name, r.amount, r.delivered_on, r.contract_term_days, ("
                        + debtorSize.replace("e.", "d.") + ") = 'LARGE', (" + creditorSize + ") <> 'LARGE', r.paid_on,"
                        + " r.paid + r.diluted >= r.amount, r.voucher_paid_on" + FROM + " WHERE " + where
                        + " AND r.status <> 'DISPUTED' AND r.delivered_on < CAST(:today AS date) ORDER BY r.delivered_on, r.id")
                .params(params)
                .query((rs, i) -> new Term(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getObject(6, LocalDate.class), (Integer) rs.getObject(7), rs.getBoolean(8),
                        rs.getBoolean(9), rs.getObject(10, LocalDate.class), rs.getBoolean(11),
                        rs.getObject(12, LocalDate.class)))
                .list();
    }

    // ---- vouchers

    /** A receivable as a voucher issued against it needs it. */
    record Backing(long id, String number, long creditor, long debtor, String status, BigDecimal open, boolean used) {
    }

    /** Locks the receivables, in id order, for a voucher to rest on them. */
    List<Backing> lockForVoucher(List<Long> ids) {
        return jdbc.sql("""
                        SELECT r.id, r.number, r.creditor_id, r.debtor_id, r.status, r.amount - r.diluted - r.paid AS open,
                               (r.voucher_paid_on IS NOT NULL
                                 OR EXISTS (SELECT 1 FROM scf_voucher_receivable x WHERE x.receivable_id = r.id)) AS used
                          FROM scf_receivable r WHERE r.id IN (:ids) ORDER BY r.id FOR UPDATE OF r""")
                .param("ids", ids)
                .query((rs, i) -> new Backing(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getBigDecimal(6), rs.getBoolean(7)))
                .list();
    }

    /** The receivables are paid by a voucher maturing on {@code maturity}. */
    void paidByVoucher(List<Long> ids, LocalDate maturity) {
        jdbc.sql("UPDATE scf_receivable SET voucher_paid_on = :m, version = version + 1 WHERE id IN (:ids)")
                .param("m", maturity).param("ids", ids).update();
    }
}
