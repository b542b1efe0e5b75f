package cn.chanrong.monitoring.internal;

import cn.chanrong.monitoring.UseReports;
import cn.chanrong.monitoring.domain.UseMatch;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reported uses of self-paid loans ({@code monitoring_use_report}) and the payments they are matched against. */
@Component
class UseReportStore {

    private final JdbcClient jdbc;

    UseReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long institutionId, long loanId, long enterpriseId, UseReports.Use u, boolean sampled, String by) {
        jdbc.sql("""
                        INSERT INTO monitoring_use_report (institution_id, loan_id, enterprise_id, payee_name, payee_account,
                            amount, purpose, document_number, paid_on, sampled, reported_by)
                        VALUES (:i, :l, :e, :n, :a, :m, :p, :d, :o, :s, :by)""")
                .param("i", institutionId).param("l", loanId).param("e", enterpriseId).param("n", u.payeeName())
                .param("a", u.payeeAccount()).param("m", u.amount()).param("p", u.purpose()).param("d", u.documentNumber())
                .param("o", u.paidOn()).param("s", sampled).param("by", by).update();
    }

    /** The documents of the loan's uses already reported with these amounts (number + ' ' + amount). */
    Set<String> existing(long loanId) {
        return Set.copyOf(jdbc.sql("SELECT document_number || ' ' || amount FROM monitoring_use_report WHERE loan_id = :l")
                .param("l", loanId).query(String.class).list());
    }

    BigDecimal reportedTotal(long loanId) {
        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM monitoring_use_report WHERE loan_id = :l")
                .param("l", loanId).query(BigDecimal.class).single();
    }

    List<UseReports.Reported> list(long loanId) {
        return jdbc.sql("""
                        SELECT u.id, u.payee_name, u.payee_account, u.amount, u.purpose, u.document_number, u.paid_on,
                               p.bank_reference, p.value_date, u.sampled, u.reported_by, u.reported_at
                          FROM monitoring_use_report u LEFT JOIN monitoring_payment p ON p.id = u.payment_id
                         WHERE u.loan_id = :l ORDER BY u.paid_on, u.id""")
                .param("l", loanId)
                .query((rs, n) -> new UseReports.Reported(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8) != null,
                        rs.getString(8), rs.getObject(9, LocalDate.class), rs.getBoolean(10), rs.getString(11),
                        rs.getObject(12, java.time.OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The loan's uses not matched yet, in the order reported. */
    List<UseMatch.Claim> unmatched(long loanId) {
        return jdbc.sql("""
                        SELECT id, payee_name, payee_account, amount, paid_on FROM monitoring_use_report
                         WHERE loan_id = :l AND payment_id IS NULL ORDER BY id""")
                .param("l", loanId)
                .query((rs, n) -> new UseMatch.Claim(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4).movePointRight(2).longValueExact(), rs.getObject(5, LocalDate.class)))
                .list();
    }

    /** Payments out of the borrower's accounts the institution reported between the dates. */
    List<UseMatch.Paid> debits(long institutionId, long enterpriseId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT id, counterparty_name, counterparty_account, amount, value_date FROM monitoring_payment
                         WHERE institution_id = :i AND enterprise_id = :e AND direction = 'DEBIT'
                           AND value_date BETWEEN :f AND :t ORDER BY value_date, id""")
                .param("i", institutionId).param("e", enterpriseId).param("f", from).param("t", to)
                .query((rs, n) -> new UseMatch.Paid(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4).movePointRight(2).longValueExact(), rs.getObject(5, LocalDate.class)))
                .list();
    }

    /** Of these payments, those that back a reported use already. */
    Set<Long> backing(java.util.Collection<Long> paymentIds) {
        if (paymentIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT payment_id FROM monitoring_use_report WHERE payment_id IN (:p)")
                .param("p", paymentIds).query(Long.class).list());
    }

    void matched(Map<Long, Long> useToPayment) {
        useToPayment.forEach((use, payment) -> jdbc.sql("UPDATE monitoring_use_report SET payment_id = :p WHERE id = :u")
                .param("p", payment).param("u", use).update());
    }

    /** Reported payments by id: reference, counterparty, amount, value date, category. */
    record Payment(long id, String bankReference, String counterpartyName, BigDecimal amount, LocalDate valueDate,
                   String category) {
    }

    List<Payment> payments(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT id, bank_reference, counterparty_name, amount, value_date, category FROM monitoring_payment
                         WHERE id IN (:p) ORDER BY value_date, id""")
                .param("p", ids)
                .query((rs, n) -> new Payment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6)))
                .list();
    }
}
