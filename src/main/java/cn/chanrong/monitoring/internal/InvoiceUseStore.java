package cn.chanrong.monitoring.internal;

import cn.chanrong.lending.PaymentCheck;
import cn.chanrong.monitoring.domain.SupportingInvoice;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Invoices resting under a payment ({@code monitoring_invoice_use}): one payment per invoice. */
@Component
class InvoiceUseStore {

    private final JdbcClient jdbc;

    InvoiceUseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SupportingInvoice.EarlierUse> use(String invoice) {
        return jdbc.sql("SELECT loan_number, payee, amount, value_date FROM monitoring_invoice_use WHERE invoice_number = :n")
                .param("n", invoice)
                .query((rs, i) -> new SupportingInvoice.EarlierUse(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getObject(4, LocalDate.class)))
                .optional();
    }

    /** Keeps the invoice as used by the payment; false when another payment took it first. */
    boolean claim(PaymentCheck.Payment p, String actor) {
        return jdbc.sql("""
                        INSERT INTO monitoring_invoice_use (invoice_number, institution_id, loan_id, loan_number, payee,
                            amount, value_date, used_by)
                        VALUES (:n, :i, :l, :ln, :p, :a, :d, :by) ON CONFLICT (invoice_number) DO NOTHING""")
                .param("n", p.invoice()).param("i", p.institutionId()).param("l", p.loanId()).param("ln", p.loanNumber())
                .param("p", p.payee()).param("a", p.amount()).param("d", p.valueDate()).param("by", actor)
                .update() == 1;
    }
}
