package cn.chanrong.scf.internal;

import cn.chanrong.scf.WarehouseReceipts.Price;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Commodity prices as stored: one per commodity, unit and date (entering it again corrects it), the
 * latest on or before a date, listed newest first.
 */
@Component
class PriceStore {

    private final JdbcClient jdbc;

    PriceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Price store(CommodityPrices.Checked c, String source, String actor) {
        jdbc.sql("""
                        INSERT INTO scf_commodity_price (commodity_code, unit, priced_on, price, source, entered_by)
                        VALUES (:c, :u, :d, :p, :s, :by)
                        ON CONFLICT (commodity_code, unit, priced_on)
                        DO UPDATE SET price = EXCLUDED.price, source = EXCLUDED.source, entered_by = EXCLUDED.entered_by,
                                      entered_at = now()""")
                .param("c", c.code()).param("u", c.unit()).param("d", c.date()).param("p", c.price())
                .param("s", source).param("by", actor).update();
        return new Price(c.code(), c.unit(), c.date(), c.price(), source, actor);
    }

    /** The latest price of the commodity in that unit on or before {@code date}. */
    Optional<Price> latest(String code, String unit, LocalDate date) {
        return jdbc.sql("""
                        SELECT commodity_code, unit, priced_on, price, source, entered_by FROM scf_commodity_price
                         WHERE commodity_code = :c AND unit = :u AND priced_on <= :d ORDER BY priced_on DESC LIMIT 1""")
                .param("c", code).param("u", unit).param("d", date).query(PriceStore::row).optional();
    }

    Page<Price> list(String code, PageRequest page) {
        String where = code == null || code.isBlank() ? "TRUE" : "commodity_code = :c";
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        List<Price> items = jdbc.sql("SELECT commodity_code, unit, priced_on, price, source, entered_by FROM scf_commodity_price"
                        + " WHERE " + where + " ORDER BY priced_on DESC, commodity_code, unit LIMIT :limit OFFSET :offset")
                .param("c", c).param("limit", page.size()).param("offset", page.offset()).query(PriceStore::row).list();
        long total = jdbc.sql("SELECT count(*) FROM scf_commodity_price WHERE " + where).param("c", c)
                .query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static Price row(ResultSet rs, int i) throws SQLException {
        return new Price(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getBigDecimal(4),
                rs.getString(5), rs.getString(6));
    }
}
