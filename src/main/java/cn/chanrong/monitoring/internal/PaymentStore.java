package cn.chanrong.monitoring.internal;

import cn.chanrong.monitoring.Monitoring;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Reported payments ({@code monitoring_payment}), one per bank reference, and the events set aside. */
@Component
class PaymentStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PaymentStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Whether any payment was reported. */
    boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM monitoring_payment)").query(Boolean.class).single();
    }

    /**
     * The new payment's id; empty when the bank already reported that reference (nothing changes).
     * {@code underConsent}: seen on an account at another bank, under the borrower's post-loan consent.
     */
    Optional<Long> insert(long institutionId, long enterpriseId, Monitoring.PaymentEvent e, String category,
                          String categoryReason, boolean underConsent) {
        return jdbc.sql("""
                        INSERT INTO monitoring_payment (institution_id, bank_reference, enterprise_id, account, direction,
                            counterparty_account, counterparty_name, amount, currency, value_date, remittance, category,
                            category_reason, under_consent)
                        VALUES (:i, :ref, :e, :acc, :dir, :cpa, :cpn, :amt, :cur, :vd, :rem, :cat, :why, :uc)
                        ON CONFLICT (institution_id, bank_reference) DO NOTHING RETURNING id""")
                .param("i", institutionId).param("ref", e.bankReference()).param("e", enterpriseId)
                .param("acc", e.account()).param("dir", e.direction().name()).param("cpa", e.counterpartyAccount())
                .param("cpn", e.counterpartyName()).param("amt", e.amount()).param("cur", e.currency())
                .param("vd", e.valueDate()).param("rem", e.remittance()).param("cat", category).param("why", categoryReason)
                .param("uc", underConsent).query(Long.class).optional();
    }

    /** A payment out of an enterprise's account as kept. */
    record Debit(long id, String bankReference, String counterpartyAccount, String counterpartyName, BigDecimal amount,
                 LocalDate valueDate) {

        /** Who was paid: the account, else the name, else (neither given) the payment itself. */
        String counterparty() {
            return counterpartyAccount != null ? counterpartyAccount : counterpartyName != null ? counterpartyName : bankReference;
        }
    }

    /** The enterprise's payments out reported by the institution with value dates between the two, but one. */
    List<Debit> debits(long institutionId, long enterpriseId, LocalDate from, LocalDate to, long except) {
        return jdbc.sql("""
                        SELECT p.id, p.bank_reference, p.counterparty_account, p.counterparty_name, p.amount, p.value_date
                          FROM monitoring_payment p
                         WHERE p.institution_id = :i AND p.enterprise_id = :e AND p.direction = 'DEBIT'
                           AND p.value_date BETWEEN :f AND :t AND p.id <> :x""")
                .param("i", institutionId).param("e", enterpriseId).param("f", from).param("t", to).param("x", except)
                .query((rs, n) -> new Debit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getObject(6, LocalDate.class)))
                .list();
    }

    /**
     * Customers' payments to the enterprise the institution saw between the dates: in fen on the accounts it keeps and
     * on accounts at other banks (under consent), and the largest of the latter (null when none).
     */
    record Receipts(long held, long elsewhere, Long largestElsewhere) {
    }

    Receipts receipts(long institutionId, long enterpriseId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT coalesce(sum(amount) FILTER (WHERE NOT under_consent), 0) * 100,
                               coalesce(sum(amount) FILTER (WHERE under_consent), 0) * 100,
                               (SELECT p2.id FROM monitoring_payment p2
                                 WHERE p2.institution_id = :i AND p2.enterprise_id = :e AND p2.direction = 'CREDIT'
                                   AND p2.category = 'CUSTOMER' AND p2.under_consent AND p2.value_date BETWEEN :f AND :t
                                 ORDER BY p2.amount DESC, p2.id LIMIT 1)
                          FROM monitoring_payment p
                         WHERE p.institution_id = :i AND p.enterprise_id = :e AND p.direction = 'CREDIT'
                           AND p.category = 'CUSTOMER' AND p.value_date BETWEEN :f AND :t""")
                .param("i", institutionId).param("e", enterpriseId).param("f", from).param("t", to)
                .query((rs, n) -> new Receipts(rs.getBigDecimal(1).longValueExact(), rs.getBigDecimal(2).longValueExact(),
                        (Long) rs.getObject(3)))
                .single();
    }

    /** The (institution, enterprise) pairs with customers' payments seen under consent between the dates. */
    List<long[]> consentedReceivers(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT DISTINCT institution_id, enterprise_id FROM monitoring_payment
                         WHERE under_consent AND direction = 'CREDIT' AND category = 'CUSTOMER' AND value_date BETWEEN :f AND :t
                         ORDER BY 1, 2""")
                .param("f", from).param("t", to).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    /** A payment out of another enterprise's account into {@code account}: who paid, how much, when. */
    record Into(long id, long enterpriseId, BigDecimal amount, LocalDate valueDate) {
    }

    /** Payments the institution saw out of other enterprises' accounts into {@code account} between the dates. */
    List<Into> paidInto(long institutionId, String account, long exceptEnterprise, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT p.id, p.enterprise_id, p.amount, p.value_date FROM monitoring_payment p
                         WHERE p.institution_id = :i AND p.counterparty_account = :a AND p.direction = 'DEBIT'
                           AND p.enterprise_id <> :e AND p.value_date BETWEEN :f AND :t ORDER BY p.id LIMIT 200""")
                .param("i", institutionId).param("a", account).param("e", exceptEnterprise).param("f", from).param("t", to)
                .query((rs, n) -> new Into(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getObject(4, LocalDate.class)))
                .list();
    }

    /** A kept payment as a back-test takes it again. */
    record Kept(long id, long institutionId, long enterpriseId, String direction, String counterpartyAccount,
                String counterpartyName, BigDecimal amount, LocalDate valueDate, String category, String bankReference) {
    }

    /**
     * The payments kept with value dates between the two (the institution's, or every institution's when null), in
     * the order they were kept, at most {@code limit}.
     */
    List<Kept> kept(Long institutionId, LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("""
                        SELECT p.id, p.institution_id, p.enterprise_id, p.direction, p.counterparty_account, p.counterparty_name,
                               p.amount, p.value_date, p.category, p.bank_reference
                          FROM monitoring_payment p
                         WHERE (CAST(:i AS BIGINT) IS NULL OR p.institution_id = :i) AND p.value_date BETWEEN :f AND :t
                         ORDER BY p.id LIMIT :n""")
                .param("i", institutionId).param("f", from).param("t", to).param("n", limit)
                .query((rs, n) -> new Kept(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getBigDecimal(7), rs.getObject(8, LocalDate.class), rs.getString(9),
                        rs.getString(10)))
                .list();
    }

    /**
     * Keeps an event the platform could not take, with its reasons; the payload is cut to 4,000 characters.
     * {@code institutionId} is null when the stream could not tell who reported it; {@code source} (the
     * stream's record, null from the API) with the payload keeps a replayed record from being set aside twice.
     */
    void deadLetter(Long institutionId, String bankReference, String payload, List<Rejection> reasons, String source) {
        String kept = payload == null ? "" : payload.length() > 4000 ? payload.substring(0, 4000) : payload;
        String why = json.writeValueAsString(reasons.stream()
                .map(r -> Map.of("code", r.code(), "field", r.field() == null ? "" : r.field())).toList());
        jdbc.sql("""
                        INSERT INTO monitoring_dead_letter (institution_id, bank_reference, payload, reasons, source)
                        VALUES (:i, :ref, :p, CAST(:r AS jsonb), :s)
                        ON CONFLICT (source, md5(payload)) WHERE source IS NOT NULL DO NOTHING""")
                .param("i", institutionId).param("ref", bankReference).param("p", kept).param("r", why).param("s", source)
                .update();
    }
}
