package cn.chanrong.scf.internal;

import cn.chanrong.scf.WarehouseReceipts.Warehouse;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Warehouses as stored, with the enterprise that operates each. */
@Component
class WarehouseStore {

    static final String WAREHOUSE = """
            SELECT w.id, w.name, w.region_code, w.address, w.operator_id, e.name AS operator_name, w.supervised, w.created_by
              FROM scf_warehouse w LEFT JOIN enterprise_party_view e ON e.id = w.operator_id""";

    private final JdbcClient jdbc;

    WarehouseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Warehouse warehouseRow(ResultSet rs, int i) throws SQLException {
        return new Warehouse(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, Long.class), rs.getString(6), rs.getBoolean(7), rs.getString(8));
    }

    Optional<Warehouse> find(long id) {
        return jdbc.sql(WAREHOUSE + " WHERE w.id = :id").param("id", id).query(WarehouseStore::warehouseRow)
                .optional();
    }

    Warehouse warehouse(long id) {
        return find(id).orElseThrow(() -> Rejected.notFound("warehouse", id));
    }

    long insert(String name, String regionCode, String address, Long operatorId, boolean supervised, String by) {
        return jdbc.sql("""
                        INSERT INTO scf_warehouse (name, region_code, address, operator_id, supervised, created_by)
                        VALUES (:n, :r, :a, :o, :s, :by) RETURNING id""")
                .param("n", name).param("r", regionCode).param("a", address).param("o", operatorId)
                .param("s", supervised).param("by", by).query(Long.class).single();
    }

    Page<Warehouse> page(PageRequest page) {
        List<Warehouse> items = jdbc.sql(WAREHOUSE + " ORDER BY w.id DESC LIMIT :limit OFFSET :offset")
                .param("limit", page.size()).param("offset", page.offset()).query(WarehouseStore::warehouseRow).list();
        long total = jdbc.sql("SELECT count(*) FROM scf_warehouse").query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }
}
