package cn.chanrong.lending.internal;

import cn.chanrong.lending.LoanSecurity;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Collateral and guarantees attached to loans ({@code loan_security}). */
@Component
class SecurityStore {

    private final JdbcClient jdbc;

    SecurityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Attaches a security to the loan; returns its id. */
    long attach(long loanId, String kind, String description, BigDecimal value, String guarantor, String filingNumber,
                String actor) {
        return jdbc.sql("""
                        INSERT INTO loan_security (loan_id, kind, description, value, guarantor, filing_number, created_by)
                        VALUES (:l, :k, :d, :v, :g, :f, :by) RETURNING id""")
                .param("l", loanId).param("k", kind).param("d", description).param("v", value)
                .param("g", guarantor).param("f", filingNumber).param("by", actor).query(Long.class).single();
    }

    /** Attaches a trade financing's pledge with the filing that perfects it and the position it ranks (1 first). */
    long attachPledge(long loanId, String description, BigDecimal value, String filingNumber, Integer position, String actor) {
        return jdbc.sql("""
                        INSERT INTO loan_security (loan_id, kind, description, value, filing_number, priority_position,
                            created_by)
                        VALUES (:l, 'PLEDGE', :d, :v, :f, :p, :by) RETURNING id""")
                .param("l", loanId).param("d", description).param("v", value).param("f", filingNumber)
                .param("p", position).param("by", actor).query(Long.class).single();
    }

    /** The loan's securities, in the order attached. */
    List<LoanSecurity> of(long loanId) {
        return jdbc.sql("""
                        SELECT id, loan_id, kind, description, value, guarantor, filing_number, created_by, created_at,
                               priority_position
                        FROM loan_security WHERE loan_id = :l ORDER BY id""")
                .param("l", loanId)
                .query((rs, i) -> new LoanSecurity(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getString(6), rs.getString(7), rs.getString(8), LoanStore.instant(rs, 9),
                        (Integer) rs.getObject(10)))
                .list();
    }
}
