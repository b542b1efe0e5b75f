package cn.chanrong.scf.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.scf.WarehouseReceipts.Detail;
import cn.chanrong.scf.WarehouseReceipts.Event;
import cn.chanrong.scf.WarehouseReceipts.MarginCall;
import cn.chanrong.scf.WarehouseReceipts.Pledge;
import cn.chanrong.scf.WarehouseReceipts.Receipt;
import cn.chanrong.scf.WarehouseReceipts.Valuation;
import cn.chanrong.scf.domain.ReceiptStatus;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Warehouse receipts as stored (each read with its pledge), their supervision events, valuations and
 * margin calls as read: what a caller may see, a receipt locked for a change, a receipt issued, moved on
 * or counted again. Joins the caller's transaction.
 */
@Component
class WarehouseReceiptStore {

    static final String RECEIPT = """
            SELECT r.id, r.number, r.warehouse_id, w.name AS warehouse_name, r.owner_id, o.name AS owner_name,
                   r.commodity_code, r.commodity_name, r.quantity, r.unit, r.status, r.issued_on,
                   p.institution_id, i.name AS institution_name, p.mode, p.minimum_value, p.loan_id, p.loan_amount,
                   p.annual_rate, p.maturity, p.alert_line, p.liquidation_line, p.cure_days, p.filing_number,
                   p.initial_price, p.initial_value, p.ltv_state, p.pledged_on, p.release_requested_on, p.released_on,
                   p.released_by, p.release_note, p.released_unpaid
              FROM scf_warehouse_receipt r
              JOIN scf_warehouse w ON w.id = r.warehouse_id
              JOIN enterprise_party_view o ON o.id = r.owner_id
              LEFT JOIN scf_receipt_pledge p ON p.receipt_id = r.id
              LEFT JOIN institution_party_view i ON i.id = p.institution_id""";

    private final JdbcClient jdbc;

    WarehouseReceiptStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Receipt receiptRow(ResultSet rs, int i) throws SQLException {
        Pledge pledge = rs.getObject("institution_id") == null ? null : new Pledge(rs.getLong("institution_id"),
                rs.getString("institution_name"), rs.getString("mode"), rs.getBigDecimal("minimum_value"),
                rs.getLong("loan_id"), rs.getBigDecimal("loan_amount"), rs.getBigDecimal("annual_rate"),
                rs.getObject("maturity", LocalDate.class), rs.getBigDecimal("alert_line"),
                rs.getBigDecimal("liquidation_line"), rs.getInt("cure_days"), rs.getString("filing_number"),
                rs.getBigDecimal("initial_price"), rs.getBigDecimal("initial_value"), rs.getString("ltv_state"),
                rs.getObject("pledged_on", LocalDate.class), rs.getObject("release_requested_on", LocalDate.class),
                rs.getObject("released_on", LocalDate.class), rs.getString("released_by"),
                rs.getString("release_note"), rs.getObject("released_unpaid", Boolean.class));
        return new Receipt(rs.getLong("id"), rs.getString("number"), rs.getLong("warehouse_id"),
                rs.getString("warehouse_name"), rs.getLong("owner_id"), rs.getString("owner_name"),
                rs.getString("commodity_code"), rs.getString("commodity_name"), rs.getBigDecimal("quantity"),
                rs.getString("unit"), rs.getString("status"), rs.getObject("issued_on", LocalDate.class), pledge);
    }

    /**
     * Who may read a receipt: its owner and the warehouse's operator, the funder it is pledged to, the
     * financial regulators where the owner is registered or the warehouse stands.
     */
    static final ReadScope SCOPE = ReadScope.customerData().enterprise("r.owner_id").enterpriseWhen("w.operator_id = :sc_ent")
            .institution("p.institution_id").regionCode("w.region_code");

    static String visibleTo(Caller caller, Map<String, Object> p) {
        return SCOPE.where(caller, p);
    }

    /**
     * The receipt locked for the caller's act: not found when the caller may not see it, so that a
     * write reveals no more than a read; the act then checks the caller's right to do it.
     */
    Receipt lock(Caller caller, long id) {
        Receipt receipt = lock(id);
        Map<String, Object> p = new java.util.HashMap<>();
        String where = visibleTo(caller, p);
        if (jdbc.sql("SELECT count(*) FROM scf_warehouse_receipt r JOIN scf_warehouse w ON w.id = r.warehouse_id"
                + " LEFT JOIN scf_receipt_pledge p ON p.receipt_id = r.id WHERE r.id = :id AND " + where)
                .params(p).param("id", id).query(Long.class).single() == 0) {
            throw Rejected.notFound("warehouse receipt", id);
        }
        return receipt;
    }

    /** The receipt locked for a change, whoever asks (the caller's rights are checked by each act). */
    Receipt lock(long id) {
        jdbc.sql("SELECT id FROM scf_warehouse_receipt WHERE id = :id FOR UPDATE").param("id", id).query(Long.class)
                .optional().orElseThrow(() -> Rejected.notFound("warehouse receipt", id));
        return jdbc.sql(RECEIPT + " WHERE r.id = :id").param("id", id).query(WarehouseReceiptStore::receiptRow).single();
    }

    /** A receipt with its supervision events, valuations and margin calls, oldest first. */
    Detail detail(Receipt r) {
        long id = r.id();
        List<Event> events = jdbc.sql("""
                        SELECT id, kind, quantity, quantity_after, occurred_on, sensor, note, decision, alert, recorded_by
                          FROM scf_receipt_event WHERE receipt_id = :r ORDER BY id""")
                .param("r", id).query((rs, i) -> new Event(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10)))
                .list();
        List<Valuation> valuations = jdbc.sql("""
                        SELECT valued_on, priced_on, price, quantity, value, exposure, ltv, state
                          FROM scf_receipt_valuation WHERE receipt_id = :r ORDER BY valued_on""")
                .param("r", id).query((rs, i) -> new Valuation(rs.getObject(1, LocalDate.class),
                        rs.getObject(2, LocalDate.class), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                        rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8)))
                .list();
        List<MarginCall> calls = jdbc.sql("""
                        SELECT id, raised_on, cure_by, ltv, status, closed_on FROM scf_margin_call
                         WHERE receipt_id = :r ORDER BY id""")
                .param("r", id).query((rs, i) -> new MarginCall(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getBigDecimal(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class)))
                .list();
        return new Detail(r, events, valuations, calls);
    }

    /** The receipt, if the caller may see it. */
    Optional<Receipt> visible(Caller caller, long id) {
        Map<String, Object> p = new HashMap<>();
        String where = visibleTo(caller, p);
        return jdbc.sql(RECEIPT + " WHERE r.id = :id AND " + where).params(p).param("id", id)
                .query(WarehouseReceiptStore::receiptRow).optional();
    }

    /** The receipts the caller may see, of that status (any when null), newest first. */
    Page<Receipt> search(Caller caller, String status, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder where = new StringBuilder(visibleTo(caller, p));
        if (status != null) {
            where.append(" AND r.status = :status");
            p.put("status", status);
        }
        List<Receipt> items = jdbc.sql(RECEIPT + " WHERE " + where
                        + " ORDER BY r.id DESC LIMIT :limit OFFSET :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset())
                .query(WarehouseReceiptStore::receiptRow).list();
        long total = jdbc.sql("""
                        SELECT count(*) FROM scf_warehouse_receipt r JOIN scf_warehouse w ON w.id = r.warehouse_id
                          LEFT JOIN scf_receipt_pledge p ON p.receipt_id = r.id""" + " WHERE " + where)
                .params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** The next number of the receipt sequence. */
    long nextNumber() {
        return jdbc.sql("SELECT nextval('scf_receipt_number')").query(Long.class).single();
    }

    long insert(String number, long warehouseId, long ownerId, String commodityCode, String commodityName,
                BigDecimal quantity, String unit, LocalDate issuedOn, String by) {
        return jdbc.sql("""
                        INSERT INTO scf_warehouse_receipt (number, warehouse_id, owner_id, commodity_code, commodity_name,
                            quantity, unit, status, issued_on, issued_by)
                        VALUES (:n, :w, :o, :c, :cn, :q, :u, 'ISSUED', :d, :by) RETURNING id""")
                .param("n", number).param("w", warehouseId).param("o", ownerId).param("c", commodityCode)
                .param("cn", commodityName).param("q", quantity).param("u", unit).param("d", issuedOn).param("by", by)
                .query(Long.class).single();
    }

    /** Moves the receipt to the status its transition gave (cancelled, pledged, released). */
    void moveTo(long id, ReceiptStatus status) {
        jdbc.sql("UPDATE scf_warehouse_receipt SET status = :s, version = version + 1 WHERE id = :id")
                .param("s", status.name()).param("id", id).update();
    }

    /** The goods counted again after a supervision event. */
    void recount(long id, BigDecimal quantity) {
        jdbc.sql("UPDATE scf_warehouse_receipt SET quantity = :q, version = version + 1 WHERE id = :id")
                .param("q", quantity).param("id", id).update();
    }

    /** Records a supervision event on the receipt; returns its id. */
    long insertEvent(long receiptId, String kind, BigDecimal quantity, BigDecimal quantityAfter, LocalDate on,
                     String sensor, String note, String decision, String alert, String by) {
        return jdbc.sql("""
                        INSERT INTO scf_receipt_event (receipt_id, kind, quantity, quantity_after, occurred_on, sensor, note,
                            decision, alert, recorded_by)
                        VALUES (:r, :k, :q, :qa, :d, :s, :n, :dec, :a, :by) RETURNING id""")
                .param("r", receiptId).param("k", kind).param("q", quantity).param("qa", quantityAfter).param("d", on)
                .param("s", sensor).param("n", note).param("dec", decision).param("a", alert)
                .param("by", by).query(Long.class).single();
    }

    /** An unpledged receipt's goods with the latest price in its unit on or before the day (price null when none). */
    record Priced(String commodityCode, BigDecimal quantity, BigDecimal price, LocalDate pricedOn) {
    }

    /** The owner's unpledged (ISSUED) receipt of that number, priced on {@code today}. */
    Optional<Priced> unpledgedPriced(String number, long ownerId, LocalDate today) {
        return jdbc.sql("""
                        SELECT w.commodity_code, w.quantity, p.price, p.priced_on
                          FROM scf_warehouse_receipt w
                          LEFT JOIN LATERAL (SELECT price, priced_on FROM scf_commodity_price c
                                              WHERE c.commodity_code = w.commodity_code AND c.unit = w.unit
                                                AND c.priced_on <= :today ORDER BY priced_on DESC LIMIT 1) p ON TRUE
                         WHERE w.number = :n AND w.owner_id = :o AND w.status = 'ISSUED'""")
                .param("n", number).param("o", ownerId).param("today", today)
                .query((rs, i) -> new Priced(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getObject(4, LocalDate.class)))
                .optional();
    }
}
