package cn.chanrong.scf.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.identity.Role;
import cn.chanrong.scf.WarehouseReceipts.Detail;
import cn.chanrong.scf.WarehouseReceipts.Event;
import cn.chanrong.scf.WarehouseReceipts.MarginCall;
import cn.chanrong.scf.WarehouseReceipts.Pledge;
import cn.chanrong.scf.WarehouseReceipts.Receipt;
import cn.chanrong.scf.WarehouseReceipts.Valuation;
import cn.chanrong.scf.WarehouseReceipts.Warehouse;
import cn.chanrong.shared.Rejected;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads warehouses and receipts (with their pledge) for the warehouse services, locks a receipt for a
 * change, and says who acts for a warehouse and what a caller may see. Joins the caller's transaction.
 */
@Component
class WarehouseRecords {

    static final String WAREHOUSE = """
            SELECT w.id, w.name, w.region_code, w.address, w.operator_id, e.name AS operator_name, w.supervised, w.created_by
              FROM scf_warehouse w LEFT JOIN enterprise_party_view e ON e.id = w.operator_id""";

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

    WarehouseRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Warehouse warehouseRow(ResultSet rs, int i) throws SQLException {
        return new Warehouse(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, Long.class), rs.getString(6), rs.getBoolean(7), rs.getString(8));
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

    Optional<Warehouse> find(long id) {
        return jdbc.sql(WAREHOUSE + " WHERE w.id = :id").param("id", id).query(WarehouseRecords::warehouseRow)
                .optional();
    }

    Warehouse warehouse(long id) {
        return find(id).orElseThrow(() -> Rejected.notFound("warehouse", id));
    }

    boolean enterpriseExists(long id) {
        return jdbc.sql("SELECT count(*) FROM enterprise_party_view WHERE id = :e").param("e", id).query(Long.class).single() > 0;
    }

    /** Administrators, and the users of the warehouse's operator enterprise, act for the warehouse. */
    static boolean actsFor(Caller caller, Warehouse w) {
        return caller.isAdmin() || caller.is(Role.ENTERPRISE) && w.operatorId() != null
                && w.operatorId().equals(caller.enterpriseId());
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
        return jdbc.sql(RECEIPT + " WHERE r.id = :id").param("id", id).query(WarehouseRecords::receiptRow).single();
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
}
