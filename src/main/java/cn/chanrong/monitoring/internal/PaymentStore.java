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
