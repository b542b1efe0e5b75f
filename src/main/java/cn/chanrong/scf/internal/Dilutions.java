package cn.chanrong.scf.internal;

import cn.chanrong.scf.domain.ReceivableStatus;
import cn.chanrong.shared.Wording;
import java.math.BigDecimal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Dilution: what reduces a receivable after it arose — a red-letter reversal of its invoice, a return,
 * a credit note. The receivable is reduced (never below zero) and, when it is financed, its funder is
 * alerted: the collateral behind the advance shrank.
 */
@Component
class Dilutions {

    private static final Wording WORDS = Wording.of("scf");

    private final JdbcClient jdbc;
    private final Alerts alerts;
    private final Parties parties;

    Dilutions(JdbcClient jdbc, Alerts alerts, Parties parties) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.parties = parties;
    }

    /** A red-letter invoice reversed {@code amount} of {@code original}; returns 1 when a funder was alerted. */
    int invoiceReversed(String original, String redNumber, BigDecimal amount, String actor) {
        return jdbc.sql("SELECT id FROM scf_receivable WHERE invoice_number = :n").param("n", original)
                .query(Long.class).optional()
                .map(id -> dilute(id, amount, WORDS.both("dilution.red-letter", redNumber)) ? 1 : 0)
                .orElse(0);
    }

    /** Reduces the receivable; true when its funder was alerted. */
    boolean dilute(long receivableId, BigDecimal amount, String cause) {
        record Row(String number, String status, long creditorId, BigDecimal amount, BigDecimal diluted) {
        }
        Row r = jdbc.sql("SELECT number, status, creditor_id, amount, diluted FROM scf_receivable WHERE id = :id FOR UPDATE")
                .param("id", receivableId)
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5))).single();
        BigDecimal applied = amount.min(r.amount().subtract(r.diluted()));
        jdbc.sql("UPDATE scf_receivable SET diluted = diluted + :a, version = version + 1 WHERE id = :id")
                .param("a", applied).param("id", receivableId).update();
        if (ReceivableStatus.of(r.status()) != ReceivableStatus.FINANCED) {
            return false;
        }
        Long funder = jdbc.sql("SELECT institution_id FROM scf_financing_offer WHERE receivable_id = :r AND status = 'ACCEPTED'")
                .param("r", receivableId).query(Long.class).optional().orElse(null);
        String detail = cause + ": " + applied.toPlainString() + " of receivable " + r.number() + " ("
                + r.amount().toPlainString() + "), now " + r.amount().subtract(r.diluted()).subtract(applied).toPlainString();
        return alerts.raise("DILUTION", funder, r.creditorId(), "receivable:" + r.number(), detail, applied,
                parties.today());
    }
}
