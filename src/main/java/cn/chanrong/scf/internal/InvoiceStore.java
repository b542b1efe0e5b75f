package cn.chanrong.scf.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.scf.Receivables;
import cn.chanrong.scf.domain.Invoice;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fully-digital invoices as stored, each with what red-letter invoices reversed of it, read as the
 * caller may see them.
 */
@Component
class InvoiceStore {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    private final JdbcClient jdbc;

    InvoiceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An invoice a red-letter invoice reverses: its parties, total and what was reversed of it already. */
    record Blue(String seller, String buyer, BigDecimal total, BigDecimal reversed) {
    }

    /** An invoice as a receivable resting on it needs it: its parties, total, what was reversed, whether it is red. */
    record Backing(String seller, String buyer, BigDecimal total, BigDecimal reversed, boolean red) {
    }

    void insert(Invoice invoice, String source, String by) {
        jdbc.sql("""
                        INSERT INTO scf_invoice (number, issued_on, seller_code, seller_name, buyer_code, buyer_name,
                            amount, tax, total, red_letter_of, items, source, uploaded_by)
                        VALUES (:n, :d, :sc, :sn, :bc, :bn, :a, :t, :tot, :red, CAST(:items AS jsonb), :src, :by)""")
                .param("n", invoice.number()).param("d", invoice.issuedOn()).param("sc", invoice.sellerCode())
                .param("sn", invoice.sellerName()).param("bc", invoice.buyerCode()).param("bn", invoice.buyerName())
                .param("a", invoice.amountExTax()).param("t", invoice.tax()).param("tot", invoice.total())
                .param("red", invoice.red() ? invoice.originalNumber() : null)
                .param("items", JSON.writeValueAsString(invoice.items())).param("src", source)
                .param("by", by).update();
    }

    boolean exists(String number) {
        return jdbc.sql("SELECT count(*) FROM scf_invoice WHERE number = :n").param("n", number).query(Long.class)
                .single() > 0;
    }

    /** The blue invoice of that number, with what was reversed of it. */
    Optional<Blue> blue(String number) {
        return jdbc.sql("""
                        SELECT i.seller_code, i.buyer_code, i.total,
                               coalesce((SELECT -sum(r.total) FROM scf_invoice r WHERE r.red_letter_of = i.number), 0)
                          FROM scf_invoice i WHERE i.number = :n AND i.red_letter_of IS NULL""")
                .param("n", number)
                .query((rs, i) -> new Blue(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .optional();
    }

    /** The blue invoice of that number with its reversals and a financed receivable it backs. */
    Optional<cn.chanrong.scf.InvoiceRegister.InvoiceFacts> facts(String number) {
        return jdbc.sql("""
                        SELECT i.number, i.issued_on, i.seller_code, i.seller_name, i.buyer_code, i.total,
                               coalesce((SELECT -sum(r.total) FROM scf_invoice r WHERE r.red_letter_of = i.number), 0),
                               (SELECT rc.number FROM scf_receivable rc WHERE rc.invoice_number = i.number
                                   AND rc.status = 'FINANCED' ORDER BY rc.id LIMIT 1)
                          FROM scf_invoice i WHERE i.number = :n AND i.red_letter_of IS NULL""")
                .param("n", number)
                .query((rs, i) -> new cn.chanrong.scf.InvoiceRegister.InvoiceFacts(rs.getString(1),
                        rs.getObject(2, java.time.LocalDate.class), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8)))
                .optional();
    }

    /** The invoice of that number, blue or red, for a receivable to rest on. */
    Optional<Backing> backing(String number) {
        return jdbc.sql("""
                        SELECT i.seller_code, i.buyer_code, i.total,
                               coalesce((SELECT -sum(r.total) FROM scf_invoice r WHERE r.red_letter_of = i.number), 0),
                               i.red_letter_of IS NOT NULL
                          FROM scf_invoice i WHERE i.number = :n""")
                .param("n", number).query((rs, i) -> new Backing(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBoolean(5))).optional();
    }

    /** What is left of the invoice after its red-letter reversals. */
    BigDecimal left(String number) {
        return jdbc.sql("""
                        SELECT i.total + coalesce((SELECT sum(x.total) FROM scf_invoice x WHERE x.red_letter_of = i.number), 0)
                          FROM scf_invoice i WHERE i.number = :n""")
                .param("n", number).query(BigDecimal.class).single();
    }

    /**
     * Who may read an invoice: its seller and its buyer, a funder holding an offer or a financing on a
     * receivable it backs, the regulators where the seller or the buyer is registered.
     */
    static final ReadScope SCOPE = ReadScope.regulated()
            .enterpriseWhen("EXISTS (SELECT 1 FROM enterprise_region_view x WHERE x.enterprise_id = :sc_ent"
                    + " AND x.credit_code IN (i.seller_code, i.buyer_code))")
            .institutionWhen("EXISTS (SELECT 1 FROM scf_receivable r JOIN scf_financing_offer o ON o.receivable_id = r.id"
                    + " WHERE r.invoice_number IN (i.number, i.red_letter_of) AND o.institution_id = :sc_inst)")
            .regionWhen("EXISTS (SELECT 1 FROM enterprise_region_view x WHERE x.credit_code IN (i.seller_code, i.buyer_code)"
                    + " AND x.region_code LIKE :sc_region)");

    /** The invoice, if the caller may see it. */
    Optional<Receivables.InvoiceView> visible(Caller caller, String number) {
        Map<String, Object> params = new java.util.HashMap<>();
        return jdbc.sql("""
                        SELECT i.number, i.issued_on, i.seller_code, i.seller_name, i.buyer_code, i.buyer_name, i.amount,
                               i.tax, i.total, i.red_letter_of,
                               coalesce((SELECT -sum(r.total) FROM scf_invoice r WHERE r.red_letter_of = i.number), 0)
                          FROM scf_invoice i WHERE i.number = :n""" + " AND " + SCOPE.where(caller, params))
                .params(params).param("n", number)
                .query((rs, i) -> new Receivables.InvoiceView(rs.getString(1), rs.getObject(2, java.time.LocalDate.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7),
                        rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10), rs.getBigDecimal(11)))
                .optional();
    }
}
