package cn.chanrong.scf.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.scf.Receivables.Offer;
import cn.chanrong.scf.domain.OfferStatus;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Financing offers as stored: read by id, within the caller's read scope, locked, listed, asked for and answered. */
@Component
class OfferStore {

    private static final String COLUMNS = """
            o.id, o.receivable_id, r.number, o.institution_id, i.name, o.status, o.advance_rate, o.discount_rate, o.fee,
            o.recourse, o.kind, o.risk_obligor, o.advance, o.interest, o.loan_id, l.number, o.filing_number, o.notice,
            o.refusal, o.requested_at, o.answered_at, o.accepted_at, o.accept_junior""";
    private static final String FROM = " " + """
             FROM scf_financing_offer o JOIN scf_receivable r ON r.id = o.receivable_id
             JOIN institution_party_view i ON i.id = o.institution_id LEFT JOIN loan_party_view l ON l.loan_id = o.loan_id""";

    private final JdbcClient jdbc;

    OfferStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Offer map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Offer(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9), (Boolean) rs.getObject(10),
                rs.getString(11), rs.getString(12), rs.getBigDecimal(13), rs.getBigDecimal(14),
                (Long) rs.getObject(15), rs.getString(16), rs.getString(17), rs.getString(18), rs.getString(19),
                instant(rs, 20), instant(rs, 21), instant(rs, 22), rs.getBoolean(23));
    }

    private static java.time.Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    Offer load(long id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE o.id = :id").param("id", id).query(OfferStore::map)
                .optional().orElseThrow(() -> Rejected.notFound("offer", id));
    }

    /**
     * Who may read an offer: the funder that made it, the creditor it was made to, the financial
     * regulators where the creditor or the debtor is registered.
     */
    static final ReadScope SCOPE = ReadScope.customerData().institution("o.institution_id").enterprise("r.creditor_id")
            .regionOfEnterprise("r.debtor_id");

    /** An offer the caller may see, else not found. */
    Offer visible(Caller caller, long id) {
        Map<String, Object> params = new HashMap<>();
        String where = SCOPE.where(caller, params);
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE o.id = :id AND " + where).params(params).param("id", id)
                .query(OfferStore::map).optional().orElseThrow(() -> Rejected.notFound("offer", id));
    }

    /** Locks the offer's row for the rest of the transaction and reads it again. */
    Offer lock(long id) {
        jdbc.sql("SELECT id FROM scf_financing_offer WHERE id = :id FOR UPDATE").param("id", id).query(Long.class)
                .single();
        return load(id);
    }

    Page<Offer> page(Caller caller, Long receivableId, String status, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE ").append(SCOPE.where(caller, params));
        if (receivableId != null) {
            where.append(" AND o.receivable_id = :rid");
            params.put("rid", receivableId);
        }
        if (status != null && !status.isBlank()) {
            where.append(" AND o.status = :st");
            params.put("st", status.strip());
        }
        long total = jdbc.sql("SELECT count(*)" + FROM + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        return new Page<>(jdbc.sql("SELECT " + COLUMNS + FROM + where + " ORDER BY o.id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(OfferStore::map).list(), page.page(), page.size(), total);
    }

    /** Asks the institution for an offer on the receivable; empty when it was asked already. */
    Optional<Long> ask(long receivableId, long institutionId, String by) {
        return jdbc.sql("""
                        INSERT INTO scf_financing_offer (receivable_id, institution_id, status, requested_by)
                        VALUES (:r, :i, 'REQUESTED', :by) ON CONFLICT (receivable_id, institution_id) DO NOTHING
                        RETURNING id""")
                .param("r", receivableId).param("i", institutionId).param("by", by).query(Long.class)
                .optional();
    }

    /** Records the funder's terms. */
    void recordTerms(long id, OfferStatus offered, BigDecimal advanceRate, BigDecimal discountRate, BigDecimal fee,
                     boolean recourse, String kind, String riskObligor, boolean acceptJunior, String by) {
        jdbc.sql("""
                        UPDATE scf_financing_offer SET status = :s, advance_rate = :ar, discount_rate = :dr, fee = :fee,
                            recourse = :rec, kind = :k, risk_obligor = :ob, accept_junior = :jr, answered_by = :by,
                            answered_at = now()
                        WHERE id = :id""")
                .param("jr", acceptJunior)
                .param("s", offered.name()).param("ar", advanceRate).param("dr", discountRate).param("fee", fee)
                .param("rec", recourse).param("k", kind).param("ob", riskObligor)
                .param("by", by).param("id", id).update();
    }

    /** Records the funder's refusal. */
    void recordRefusal(long id, OfferStatus declined, String reason, String by) {
        jdbc.sql("""
                        UPDATE scf_financing_offer SET status = :s, refusal = :r, answered_by = :by, answered_at = now()
                        WHERE id = :id""")
                .param("s", declined.name()).param("r", reason).param("by", by)
                .param("id", id).update();
    }

    /** Records the acceptance: the advance booked as a loan, its filing and the notice to the debtor. */
    void markAccepted(long id, OfferStatus accepted, BigDecimal advance, BigDecimal interest, long loanId,
                      String filingNumber, String notice) {
        jdbc.sql("""
                        UPDATE scf_financing_offer SET status = :s, advance = :a, interest = :i, loan_id = :l,
                            filing_number = :f, notice = :n, accepted_at = now() WHERE id = :id""")
                .param("s", accepted.name()).param("a", advance).param("i", interest)
                .param("l", loanId).param("f", filingNumber).param("n", notice).param("id", id).update();
    }

    /** The receivable's other open offers lapse once one is accepted. */
    void lapseOthers(long receivableId, long acceptedOfferId) {
        jdbc.sql("""
                        UPDATE scf_financing_offer SET status = :s
                        WHERE receivable_id = :r AND id <> :id AND status IN (:open)""")
                .param("s", OfferStatus.LAPSED.name()).param("r", receivableId).param("id", acceptedOfferId)
                .param("open", OfferStatus.openNames()).update();
    }

    /** The institution whose offer on the receivable was accepted. */
    Optional<Long> acceptedFunder(long receivableId) {
        return jdbc.sql("SELECT institution_id FROM scf_financing_offer WHERE receivable_id = :r AND status = 'ACCEPTED'")
                .param("r", receivableId).query(Long.class).optional();
    }

    /** The loan that financed the receivable, by its accepted offer. */
    Optional<Long> acceptedLoan(long receivableId) {
        return jdbc.sql("""
                        SELECT loan_id FROM scf_financing_offer WHERE receivable_id = :r AND status = 'ACCEPTED'""")
                .param("r", receivableId).query(Long.class).optional();
    }
}
