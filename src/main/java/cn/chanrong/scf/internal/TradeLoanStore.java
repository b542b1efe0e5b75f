package cn.chanrong.scf.internal;

import cn.chanrong.scf.ScfOverview.ChainRow;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The loans booked against supply-chain assets, as the loan book's published view shows them by their
 * trade reference ({@code receivable:…}, {@code voucher-part:…}, {@code warehouse-receipt:…},
 * {@code denucleated:…}).
 */
@Component
class TradeLoanStore {

    private final JdbcClient jdbc;

    TradeLoanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The trade-referenced loans of borrowers registered in the region, by chain tag and asset kind. */
    List<ChainRow> byChain(String regionPrefix) {
        return jdbc.sql("""
                        SELECT coalesce(t.tag, 'NONE'),
                               CASE split_part(l.trade_reference, ':', 1) WHEN 'receivable' THEN 'RECEIVABLE'
                                    WHEN 'voucher-part' THEN 'VOUCHER' WHEN 'warehouse-receipt' THEN 'WAREHOUSE'
                                    WHEN 'denucleated' THEN 'DENUCLEATED' ELSE 'OTHER' END AS kind,
                               count(*), sum(l.principal), sum(l.principal_outstanding)
                          FROM loan_party_view l JOIN enterprise_party_view e ON e.id = l.borrower_id
                          LEFT JOIN enterprise_chain_tag_view t ON t.enterprise_id = l.borrower_id
                         WHERE l.trade_reference IS NOT NULL AND e.region_code LIKE :p || '%'
                         GROUP BY 1, 2 ORDER BY 1, 2""")
                .param("p", regionPrefix)
                .query((rs, i) -> new ChainRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5))).list();
    }
}
