package cn.chanrong.policy.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.policy.CarbonReductions;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of carbon-reduction loans: the recorded reductions and the banks' disclosures, in the caller's scope. */
@Repository
class CarbonStore {

    /** A bank's customer data: the bank, and financial regulators where the borrower is. */
    static final ReadScope SCOPE = ReadScope.customerData().institution("c.institution_id").enterprise("c.borrower_id")
            .regionOfEnterprise("c.borrower_id");

    private static final String COLUMNS = """
            SELECT c.loan_id, c.loan_number, c.institution_id, i.name, c.borrower_id, e.name, g.code,
                   f.principal, c.co2_tonnes, c.verifier, c.verified_on, c.method, c.recorded_by, c.recorded_at
              FROM policy_carbon_reduction c
              JOIN institution_party_view i ON i.id = c.institution_id
              JOIN enterprise_party_view e ON e.id = c.borrower_id
              JOIN loan_fact_view f ON f.loan_id = c.loan_id
              LEFT JOIN loan_green_view g ON g.loan_id = c.loan_id""";

    private final JdbcClient jdbc;

    CarbonStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the loan is tagged green (carries a catalogue code). */
    boolean green(long loanId) {
        return jdbc.sql("SELECT count(*) FROM loan_green_view WHERE loan_id = :id").param("id", loanId)
                .query(Long.class).single() > 0;
    }

    /** Records the reduction; false when the loan has one already. */
    boolean insert(long loanId, String number, long institutionId, long borrowerId, CarbonReductions.Request r, String by) {
        return jdbc.sql("""
                        INSERT INTO policy_carbon_reduction (loan_id, loan_number, institution_id, borrower_id, co2_tonnes,
                            verifier, verified_on, method, recorded_by)
                        VALUES (:l, :n, :i, :b, :t, :v, :on, :m, :by) ON CONFLICT (loan_id) DO NOTHING""")
                .param("l", loanId).param("n", number).param("i", institutionId).param("b", borrowerId)
                .param("t", r.co2Tonnes()).param("v", r.verifier()).param("on", r.verifiedOn()).param("m", r.method())
                .param("by", by).update() == 1;
    }

    CarbonReductions.Reduction get(long loanId) {
        return jdbc.sql(COLUMNS + " WHERE c.loan_id = :id").param("id", loanId).query(CarbonStore::row).single();
    }

    Page<CarbonReductions.Reduction> list(Caller caller, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        String w = SCOPE.where(caller, p);
        List<CarbonReductions.Reduction> items = jdbc.sql(COLUMNS + " WHERE " + w
                        + " ORDER BY c.verified_on DESC, c.loan_id DESC LIMIT :limit OFFSET :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset()).query(CarbonStore::row).list();
        long total = jdbc.sql("SELECT count(*) FROM policy_carbon_reduction c WHERE " + w).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** Per bank, the carbon-reduction loans paid out in the year, in the caller's scope. */
    List<CarbonReductions.Disclosure> disclosures(Caller caller, int year) {
        Map<String, Object> p = new HashMap<>();
        String w = SCOPE.where(caller, p);
        return jdbc.sql("""
                        SELECT c.institution_id, i.name, count(*), sum(f.principal), sum(f.principal_outstanding),
                               sum(c.co2_tonnes)
                          FROM policy_carbon_reduction c
                          JOIN institution_party_view i ON i.id = c.institution_id
                          JOIN loan_fact_view f ON f.loan_id = c.loan_id
                         WHERE f.disbursed_on BETWEEN :from AND :to AND """ + " " + w
                        + " GROUP BY c.institution_id, i.name ORDER BY sum(c.co2_tonnes) DESC, c.institution_id")
                .params(p).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .query((rs, n) -> new CarbonReductions.Disclosure(rs.getLong(1), rs.getString(2), year, rs.getInt(3),
                        rs.getBigDecimal(4).setScale(2), rs.getBigDecimal(5).setScale(2), rs.getBigDecimal(6).setScale(2)))
                .list();
    }

    /** The bank's green loans outstanding without a recorded reduction, latest paid out first (at most 200). */
    List<CarbonReductions.Candidate> candidates(long institutionId) {
        return jdbc.sql("""
                        SELECT g.number, e.name, g.code, f.principal
                          FROM loan_green_view g
                          JOIN loan_fact_view f ON f.loan_id = g.loan_id
                          JOIN enterprise_party_view e ON e.id = g.borrower_id
                         WHERE g.institution_id = :i AND f.principal_outstanding > 0
                           AND NOT EXISTS (SELECT 1 FROM policy_carbon_reduction c WHERE c.loan_id = g.loan_id)
                         ORDER BY f.disbursed_on DESC, g.loan_id DESC LIMIT 200""")
                .param("i", institutionId)
                .query((rs, n) -> new CarbonReductions.Candidate(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4)))
                .list();
    }

    private static CarbonReductions.Reduction row(ResultSet rs, int n) throws SQLException {
        return new CarbonReductions.Reduction(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10),
                rs.getObject(11, LocalDate.class), rs.getString(12), rs.getString(13),
                rs.getObject(14, OffsetDateTime.class).toInstant());
    }
}
