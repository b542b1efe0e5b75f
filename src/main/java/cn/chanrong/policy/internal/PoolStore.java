package cn.chanrong.policy.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
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

/** Risk-compensation pools' records: fundings, claims, returns ({@code policy_pool_*}). */
@Component
class PoolStore {

    /** A bank's claim: the bank, the financial regulators and the finance department where the borrower is. */
    static final ReadScope SCOPE = ReadScope.customerData().alsoDepartment("MOF").institution("c.institution_id")
            .regionOfEnterprise("c.borrower_id");

    private static final String COLUMNS = """
            SELECT c.id, c.programme_id, c.loan_id, c.loan_number, c.institution_id, c.borrower_id, c.borrower_name,
                   c.trigger_kind, c.days_past_due, c.loss, c.share_percent, c.amount, c.capped_by, c.status, c.claimed_on,
                   c.claimed_by, c.decided_on, c.decided_by, c.reason, c.entry_id, c.returned
              FROM policy_pool_claim c""";

    private final JdbcClient jdbc;

    PoolStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Figures(BigDecimal funded, BigDecimal paid, BigDecimal returned, BigDecimal paidInYear) {
        BigDecimal balance() {
            return funded.subtract(paid).add(returned);
        }
    }

    Figures figures(long programmeId, int year) {
        return jdbc.sql("""
                        SELECT (SELECT coalesce(sum(amount), 0) FROM policy_pool_funding WHERE programme_id = :p),
                               (SELECT coalesce(sum(amount), 0) FROM policy_pool_claim WHERE programme_id = :p AND status = 'PAID'),
                               (SELECT coalesce(sum(returned), 0) FROM policy_pool_claim WHERE programme_id = :p),
                               (SELECT coalesce(sum(amount), 0) FROM policy_pool_claim
                                 WHERE programme_id = :p AND status = 'PAID' AND extract(YEAR FROM decided_on) = :y)""")
                .param("p", programmeId).param("y", year)
                .query((rs, n) -> new Figures(rs.getBigDecimal(1).setScale(2), rs.getBigDecimal(2).setScale(2),
                        rs.getBigDecimal(3).setScale(2), rs.getBigDecimal(4).setScale(2)))
                .single();
    }

    void fund(long programmeId, BigDecimal amount, LocalDate on, String note, String by) {
        jdbc.sql("""
                        INSERT INTO policy_pool_funding (programme_id, amount, on_date, note, recorded_by)
                        VALUES (:p, :a, :on, :n, :by)""")
                .param("p", programmeId).param("a", amount).param("on", on).param("n", note).param("by", by).update();
    }

    record Row(long id, long programmeId, long loanId, String loanNumber, long institutionId, long borrowerId,
               String borrowerName, cn.chanrong.policy.domain.PoolTrigger trigger, int daysPastDue, BigDecimal loss, BigDecimal sharePercent,
               BigDecimal amount, String cappedBy, cn.chanrong.policy.domain.ClaimStatus status, LocalDate claimedOn, String claimedBy, LocalDate decidedOn,
               String decidedBy, String reason, Long entryId, BigDecimal returned) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
                rs.getString(7), cn.chanrong.policy.domain.PoolTrigger.valueOf(rs.getString(8)), rs.getInt(9), rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getBigDecimal(12),
                rs.getString(13), cn.chanrong.policy.domain.ClaimStatus.valueOf(rs.getString(14)), rs.getObject(15, LocalDate.class), rs.getString(16),
                rs.getObject(17, LocalDate.class), rs.getString(18), rs.getString(19), (Long) rs.getObject(20),
                rs.getBigDecimal(21));
    }

    /** Files the claim; empty when the loan has a live claim on the pool already. */
    Optional<Long> insert(long programmeId, long loanId, String loanNumber, long institutionId, long borrowerId,
                          String borrowerName, cn.chanrong.policy.domain.PoolTrigger trigger, int dpd, BigDecimal loss, BigDecimal share, BigDecimal amount,
                          String cappedBy, LocalDate on, String by) {
        return jdbc.sql("""
                        INSERT INTO policy_pool_claim (programme_id, loan_id, loan_number, institution_id, borrower_id,
                            borrower_name, trigger_kind, days_past_due, loss, share_percent, amount, capped_by, claimed_on,
                            claimed_by)
                        VALUES (:p, :l, :ln, :i, :b, :bn, :t, :d, :loss, :s, :a, :cap, :on, :by)
                        ON CONFLICT (programme_id, loan_id) WHERE status <> 'REJECTED' DO NOTHING RETURNING id""")
                .param("p", programmeId).param("l", loanId).param("ln", loanNumber).param("i", institutionId)
                .param("b", borrowerId).param("bn", borrowerName).param("t", trigger.name()).param("d", dpd).param("loss", loss)
                .param("s", share).param("a", amount).param("cap", cappedBy).param("on", on).param("by", by)
                .query(Long.class).optional();
    }

    Optional<Row> find(Caller caller, long id, boolean lock) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        return jdbc.sql(COLUMNS + " WHERE c.id = :id AND " + SCOPE.where(caller, p) + (lock ? " FOR UPDATE OF c" : ""))
                .params(p).query(PoolStore::row).optional();
    }

    Page<Row> list(Caller caller, Long programmeId, String status, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder w = new StringBuilder(SCOPE.where(caller, p));
        if (programmeId != null) {
            w.append(" AND c.programme_id = :prog");
            p.put("prog", programmeId);
        }
        if (status != null) {
            w.append(" AND c.status = :status");
            p.put("status", status);
        }
        List<Row> items = jdbc.sql(COLUMNS + " WHERE " + w + " ORDER BY c.id DESC LIMIT :limit OFFSET :offset").params(p)
                .param("limit", page.size()).param("offset", page.offset()).query(PoolStore::row).list();
        long total = jdbc.sql("SELECT count(*) FROM policy_pool_claim c WHERE " + w).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    void paid(long id, BigDecimal amount, String cappedBy, LocalDate on, String by, long entry) {
        jdbc.sql("""
                        UPDATE policy_pool_claim SET status = 'PAID', amount = :a, capped_by = :cap, decided_on = :on,
                            decided_by = :by, entry_id = :e WHERE id = :id""")
                .param("a", amount).param("cap", cappedBy).param("on", on).param("by", by).param("e", entry).param("id", id)
                .update();
    }

    void rejected(long id, LocalDate on, String by, String reason) {
        jdbc.sql("""
                        UPDATE policy_pool_claim SET status = 'REJECTED', decided_on = :on, decided_by = :by, reason = :r
                         WHERE id = :id""")
                .param("on", on).param("by", by).param("r", reason).param("id", id).update();
    }

    /** The paid claims on a loan with something still to be returned, locked. */
    List<Row> paidOn(long loanId) {
        return jdbc.sql(COLUMNS + " WHERE c.loan_id = :l AND c.status = 'PAID' AND c.returned < c.amount ORDER BY c.id"
                        + " FOR UPDATE OF c")
                .param("l", loanId).query(PoolStore::row).list();
    }

    void returned(long claimId, LocalDate on, BigDecimal amount, long entry) {
        jdbc.sql("INSERT INTO policy_pool_return (claim_id, on_date, amount, entry_id) VALUES (:c, :on, :a, :e)")
                .param("c", claimId).param("on", on).param("a", amount).param("e", entry).update();
        jdbc.sql("UPDATE policy_pool_claim SET returned = returned + :a WHERE id = :id").param("a", amount).param("id", claimId)
                .update();
    }
}
