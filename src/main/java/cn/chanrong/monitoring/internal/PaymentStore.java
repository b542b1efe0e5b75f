package cn.chanrong.monitoring.internal;

import cn.chanrong.monitoring.Monitoring;
import cn.chanrong.shared.Rejection;
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

    /** The new payment's id; empty when the bank already reported that reference (nothing changes). */
    Optional<Long> insert(long institutionId, long enterpriseId, Monitoring.PaymentEvent e, String category,
                          String categoryReason) {
        return jdbc.sql("""
                        INSERT INTO monitoring_payment (institution_id, bank_reference, enterprise_id, account, direction,
                            counterparty_account, counterparty_name, amount, currency, value_date, remittance, category,
                            category_reason)
                        VALUES (:i, :ref, :e, :acc, :dir, :cpa, :cpn, :amt, :cur, :vd, :rem, :cat, :why)
                        ON CONFLICT (institution_id, bank_reference) DO NOTHING RETURNING id""")
                .param("i", institutionId).param("ref", e.bankReference()).param("e", enterpriseId)
                .param("acc", e.account()).param("dir", e.direction().name()).param("cpa", e.counterpartyAccount())
                .param("cpn", e.counterpartyName()).param("amt", e.amount()).param("cur", e.currency())
                .param("vd", e.valueDate()).param("rem", e.remittance()).param("cat", category).param("why", categoryReason)
                .query(Long.class).optional();
    }

    /**
     * The enterprise's payments out, reported by the institution between the dates, to the counterparty of that
     * account, or of that name when no account is given.
     */
    List<cn.chanrong.monitoring.domain.RoundTrip.Out> outsTo(long institutionId, long enterpriseId, String account,
                                                             String name, java.time.LocalDate from,
                                                             java.time.LocalDate to, long except) {
        String match = account != null ? "p.counterparty_account = :who" : "p.counterparty_name = :who";
        return jdbc.sql("""
                        SELECT p.id, p.bank_reference, p.amount, p.value_date FROM monitoring_payment p
                         WHERE p.institution_id = :i AND p.enterprise_id = :e AND p.direction = 'DEBIT'
                           AND p.value_date BETWEEN :f AND :t AND p.id <> :x""" + " AND " + match)
                .param("i", institutionId).param("e", enterpriseId).param("f", from).param("t", to).param("x", except)
                .param("who", account != null ? account : name)
                .query((rs, n) -> new cn.chanrong.monitoring.domain.RoundTrip.Out(rs.getLong(1), rs.getString(2),
                        rs.getBigDecimal(3), rs.getObject(4, java.time.LocalDate.class)))
                .list();
    }

    /** The enterprise's payments out reported by the institution between the dates, each with its counterparty's key. */
    List<cn.chanrong.monitoring.domain.FanOut.Out> debits(long institutionId, long enterpriseId, java.time.LocalDate from,
                                                          java.time.LocalDate to, long except) {
        return jdbc.sql("""
                        SELECT coalesce(p.counterparty_account, p.counterparty_name, p.bank_reference), p.amount, p.value_date
                          FROM monitoring_payment p
                         WHERE p.institution_id = :i AND p.enterprise_id = :e AND p.direction = 'DEBIT'
                           AND p.value_date BETWEEN :f AND :t AND p.id <> :x""")
                .param("i", institutionId).param("e", enterpriseId).param("f", from).param("t", to).param("x", except)
                .query((rs, n) -> new cn.chanrong.monitoring.domain.FanOut.Out(rs.getString(1), rs.getBigDecimal(2),
                        rs.getObject(3, java.time.LocalDate.class)))
                .list();
    }

    /** Keeps an event the platform could not take, with its reasons; the payload is cut to 4,000 characters. */
    void deadLetter(long institutionId, String bankReference, String payload, List<Rejection> reasons) {
        String kept = payload == null ? "" : payload.length() > 4000 ? payload.substring(0, 4000) : payload;
        String why = json.writeValueAsString(reasons.stream()
                .map(r -> Map.of("code", r.code(), "field", r.field() == null ? "" : r.field())).toList());
        jdbc.sql("""
                        INSERT INTO monitoring_dead_letter (institution_id, bank_reference, payload, reasons)
                        VALUES (:i, :ref, :p, CAST(:r AS jsonb))""")
                .param("i", institutionId).param("ref", bankReference).param("p", kept).param("r", why).update();
    }
}
