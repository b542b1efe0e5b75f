package cn.chanrong.scf.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Receipt pledges as stored ({@code scf_receipt_pledge}) with the valuations and margin calls that follow
 * them: made, asked to be released, released, and revalued day by day. Joins the caller's transaction.
 */
@Component
class ReceiptPledgeStore {

    private final JdbcClient jdbc;

    ReceiptPledgeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A pledge's terms as agreed, with the price and value it was made at. */
    record Made(long receiptId, long institutionId, String mode, BigDecimal minimumValue, long loanId,
                BigDecimal loanAmount, BigDecimal annualRate, LocalDate maturity, BigDecimal alertLine,
                BigDecimal liquidationLine, int cureDays, String filingNumber, BigDecimal initialPrice,
                BigDecimal initialValue, LocalDate pledgedOn, String by) {
    }

    void insert(Made m) {
        jdbc.sql("""
                        INSERT INTO scf_receipt_pledge (receipt_id, institution_id, mode, minimum_value, loan_id, loan_amount,
                            annual_rate, maturity, alert_line, liquidation_line, cure_days, filing_number, initial_price,
                            initial_value, ltv_state, pledged_on, pledged_by)
                        VALUES (:r, :i, :m, :min, :l, :a, :rate, :mat, :al, :ll, :cure, :f, :p, :v, 'NORMAL', :d, :by)""")
                .param("r", m.receiptId()).param("i", m.institutionId()).param("m", m.mode()).param("min", m.minimumValue())
                .param("l", m.loanId()).param("a", m.loanAmount()).param("rate", m.annualRate())
                .param("mat", m.maturity()).param("al", m.alertLine()).param("ll", m.liquidationLine())
                .param("cure", m.cureDays()).param("f", m.filingNumber()).param("p", m.initialPrice())
                .param("v", m.initialValue()).param("d", m.pledgedOn()).param("by", m.by()).update();
    }

    /** The valuation a pledge is made at (its state NORMAL: a pledge above the alert line is refused). */
    void insertFirstValuation(long receiptId, LocalDate valuedOn, LocalDate pricedOn, BigDecimal price,
                              BigDecimal quantity, BigDecimal value, BigDecimal exposure, BigDecimal ltv) {
        jdbc.sql("""
                        INSERT INTO scf_receipt_valuation (receipt_id, valued_on, priced_on, price, quantity, value, exposure,
                            ltv, state)
                        VALUES (:r, :d, :pd, :p, :q, :v, :x, :ltv, 'NORMAL')""")
                .param("r", receiptId).param("d", valuedOn).param("pd", pricedOn).param("p", price)
                .param("q", quantity).param("v", value).param("x", exposure)
                .param("ltv", ltv).update();
    }

    void requestRelease(long receiptId, LocalDate on, String by, String note) {
        jdbc.sql("""
                        UPDATE scf_receipt_pledge SET release_requested_on = :d, release_requested_by = :by,
                               release_note = :n WHERE receipt_id = :r""")
                .param("d", on).param("by", by).param("n", note).param("r", receiptId)
                .update();
    }

    void markReleased(long receiptId, LocalDate on, String by, boolean unpaid, String note) {
        jdbc.sql("""
                        UPDATE scf_receipt_pledge SET released_on = :d, released_by = :by, released_unpaid = :u,
                               release_note = coalesce(:n, release_note) WHERE receipt_id = :r""")
                .param("d", on).param("by", by).param("u", unpaid).param("n", note).param("r", receiptId)
                .update();
    }

    /** Closes the receipt's open margin call on release: cured when the loan was repaid, else lapsed. */
    void closeMarginCalls(long receiptId, boolean repaid, LocalDate on) {
        jdbc.sql("UPDATE scf_margin_call SET status = :s, closed_on = :d WHERE receipt_id = :r AND status = 'OPEN'")
                .param("s", repaid ? "CURED" : "LAPSED").param("d", on).param("r", receiptId).update();
    }

    // ---- revaluation

    /** A pledged receipt as its revaluation needs it. */
    record Pledged(long id, String number, long ownerId, String code, String unit, BigDecimal quantity,
                   long institutionId, BigDecimal alertLine, BigDecimal liquidationLine, int cureDays,
                   String state) {
    }

    /** The receipts pledged on or before {@code date}, each with its pledge locked, in receipt order. */
    List<Pledged> lockPledged(LocalDate date) {
        return jdbc.sql("""
                        SELECT r.id, r.number, r.owner_id, r.commodity_code, r.unit, r.quantity, p.institution_id,
                               p.alert_line, p.liquidation_line, p.cure_days, p.ltv_state
                          FROM scf_warehouse_receipt r JOIN scf_receipt_pledge p ON p.receipt_id = r.id
                         WHERE r.status = 'PLEDGED' AND p.pledged_on <= :d
                         ORDER BY r.id FOR UPDATE OF r, p""")
                .param("d", date)
                .query((rs, i) -> new Pledged(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6), rs.getLong(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                        rs.getInt(10), rs.getString(11)))
                .list();
    }

    /** The receipt's valuation of the day, replacing one made earlier that day. */
    void value(long receiptId, LocalDate valuedOn, LocalDate pricedOn, BigDecimal price, BigDecimal quantity,
               BigDecimal value, BigDecimal exposure, BigDecimal ltv, String state) {
        jdbc.sql("""
                        INSERT INTO scf_receipt_valuation (receipt_id, valued_on, priced_on, price, quantity, value,
                            exposure, ltv, state)
                        VALUES (:r, :d, :pd, :p, :q, :v, :x, :ltv, :s)
                        ON CONFLICT (receipt_id, valued_on) DO UPDATE SET priced_on = EXCLUDED.priced_on,
                            price = EXCLUDED.price, quantity = EXCLUDED.quantity, value = EXCLUDED.value,
                            exposure = EXCLUDED.exposure, ltv = EXCLUDED.ltv, state = EXCLUDED.state,
                            created_at = now()""")
                .param("r", receiptId).param("d", valuedOn).param("pd", pricedOn).param("p", price)
                .param("q", quantity).param("v", value).param("x", exposure).param("ltv", ltv)
                .param("s", state).update();
    }

    /** Opens a margin call unless one is open; the number opened. */
    int openMarginCall(long receiptId, long institutionId, LocalDate raisedOn, LocalDate cureBy, BigDecimal ltv) {
        return jdbc.sql("""
                        INSERT INTO scf_margin_call (receipt_id, institution_id, raised_on, cure_by, ltv, status)
                        VALUES (:r, :i, :d, :c, :ltv, 'OPEN')
                        ON CONFLICT (receipt_id) WHERE status = 'OPEN' DO NOTHING""")
                .param("r", receiptId).param("i", institutionId).param("d", raisedOn).param("c", cureBy)
                .param("ltv", ltv).update();
    }

    /** Cures the receipt's open margin call raised on or before the day; the number cured. */
    int cureMarginCalls(long receiptId, LocalDate on) {
        return jdbc.sql("""
                        UPDATE scf_margin_call SET status = 'CURED', closed_on = :d
                         WHERE receipt_id = :r AND status = 'OPEN' AND raised_on <= :d""")
                .param("d", on).param("r", receiptId).update();
    }

    /** Lapses the receipt's open margin call whose cure date passed before the day; the number lapsed. */
    int lapseMarginCalls(long receiptId, LocalDate on) {
        return jdbc.sql("""
                        UPDATE scf_margin_call SET status = 'LAPSED', closed_on = :d
                         WHERE receipt_id = :r AND status = 'OPEN' AND cure_by < :d""")
                .param("d", on).param("r", receiptId).update();
    }

    void setLtvState(long receiptId, String state) {
        jdbc.sql("UPDATE scf_receipt_pledge SET ltv_state = :s WHERE receipt_id = :r")
                .param("s", state).param("r", receiptId).update();
    }
}
