package cn.chanrong.credit.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What credit reads of enterprises from the views the enterprise module publishes. */
@Repository
class EnterpriseViewStore {

    /** An enterprise's fundamentals as the demo simulates its cash flows from them; the statement figures may be null. */
    record Fundamentals(String name, String industryCode, String ownership, LocalDate foundingDate, BigDecimal annualRevenue,
                        int employees, BigDecimal revenue, BigDecimal netProfit, BigDecimal totalAssets,
                        BigDecimal totalLiabilities, BigDecimal previousRevenue) {
    }

    private final JdbcClient jdbc;

    EnterpriseViewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(long enterpriseId) {
        return jdbc.sql("SELECT count(*) FROM enterprise_party_view WHERE id = :e").param("e", enterpriseId).query(Long.class).single() != 0;
    }

    String name(long enterpriseId) {
        return jdbc.sql("SELECT name FROM enterprise_party_view WHERE id = :e").param("e", enterpriseId).query(String.class).single();
    }

    /** The enterprise with its latest annual statement and the revenue of the year before. */
    Fundamentals fundamentals(long enterpriseId) {
        return jdbc.sql("""
                        SELECT e.name, e.industry_code, e.ownership, e.founding_date, e.annual_revenue, e.employees,
                               s.revenue, s.net_profit, s.total_assets, s.total_liabilities, p.revenue
                          FROM enterprise_party_view e
                          LEFT JOIN LATERAL (SELECT * FROM enterprise_statement_view WHERE enterprise_id = e.id ORDER BY year DESC LIMIT 1) s ON true
                          LEFT JOIN LATERAL (SELECT revenue FROM enterprise_statement_view WHERE enterprise_id = e.id ORDER BY year DESC OFFSET 1 LIMIT 1) p ON true
                         WHERE e.id = :id""")
                .param("id", enterpriseId).query((rs, i) -> new Fundamentals(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getBigDecimal(5), rs.getInt(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11))).single();
    }

    /** The names of the enterprise's customers, largest annual volume first. */
    List<String> customerNames(long enterpriseId) {
        return jdbc.sql("""
                        SELECT c.name FROM enterprise_relationship_view r JOIN enterprise_party_view c ON c.id = r.customer_id
                         WHERE r.supplier_id = :e ORDER BY r.annual_volume DESC""").param("e", enterpriseId).query(String.class).list();
    }

    /** The names of the enterprise's suppliers, largest annual volume first. */
    List<String> supplierNames(long enterpriseId) {
        return jdbc.sql("""
                        SELECT s.name FROM enterprise_relationship_view r JOIN enterprise_party_view s ON s.id = r.supplier_id
                         WHERE r.customer_id = :e ORDER BY r.annual_volume DESC""").param("e", enterpriseId).query(String.class).list();
    }
}
