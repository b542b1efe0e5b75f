package cn.chanrong.scf.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Raises an alert once per kind, subject and day; the same cause raised again that day changes nothing. */
@Component
class Alerts {

    private final JdbcClient jdbc;

    Alerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the alert is new. */
    boolean raise(String kind, Long institutionId, Long enterpriseId, String subject, String detail, BigDecimal amount,
                  LocalDate on) {
        return jdbc.sql("""
                        INSERT INTO scf_alert (kind, institution_id, enterprise_id, subject, detail, amount, raised_on)
                        VALUES (:k, :i, :e, :s, :d, :a, :on) ON CONFLICT (kind, subject, raised_on) DO NOTHING""")
                .param("k", kind).param("i", institutionId).param("e", enterpriseId).param("s", subject)
                .param("d", detail).param("a", amount).param("on", on).update() == 1;
    }
}
