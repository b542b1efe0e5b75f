package cn.chanrong.policy.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.policy.Subsidies;
import cn.chanrong.policy.domain.SubsidyAccrual;
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

/**
 * Interest subsidies ({@code policy_subsidy}), their accruals, settlements, the banks' quarterly claims and the
 * treasuries' prepayments.
 */
@Component
class SubsidyStore {

    /** A subsidised loan: its bank, its borrower, the financial and finance regulators where the borrower is. */
    static final ReadScope SCOPE = ReadScope.customerData().alsoDepartment("MOF").institution("s.institution_id")
            .enterprise("s.borrower_id").regionOfEnterprise("s.borrower_id");
    /** A bank's claims and prepayments: the bank, the financial and finance regulators where it operates. */
    static final ReadScope BANK_SCOPE = ReadScope.customerData().alsoDepartment("MOF").institution("c.institution_id")
            .regionOfInstitution("c.institution_id");

    private static final String COLUMNS = """
            SELECT s.id, s.programme_id, s.loan_id, s.loan_number, s.institution_id, s.borrower_id, s.borrower_name,
                   s.settlement, s.first_day, s.last_day, s.cap, s.status, s.stopped_on, s.stop_rule, s.stop_detail,
                   s.accrued_through, s.accrued_exact, s.accrued, s.settled, s.days_accrued, s.days_suspended,
                   s.days_capped, s.enrolled_on, s.enrolled_by
              FROM policy_subsidy s""";

    private final JdbcClient jdbc;

    SubsidyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(long id, long programmeId, long loanId, String loanNumber, long institutionId, long borrowerId,
               String borrowerName, String settlement, LocalDate firstDay, LocalDate lastDay, BigDecimal cap,
               cn.chanrong.policy.domain.SubsidyStatus status,
               LocalDate stoppedOn, String stopRule, String stopDetail, LocalDate accruedThrough, BigDecimal accruedExact,
               BigDecimal accrued, BigDecimal settled, int daysAccrued, int daysSuspended, int daysCapped,
               LocalDate enrolledOn, String enrolledBy) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
                rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class),
                rs.getBigDecimal(11), cn.chanrong.policy.domain.SubsidyStatus.valueOf(rs.getString(12)),
                rs.getObject(13, LocalDate.class), rs.getString(14), rs.getString(15),
                rs.getObject(16, LocalDate.class), rs.getBigDecimal(17), rs.getBigDecimal(18), rs.getBigDecimal(19),
                rs.getInt(20), rs.getInt(21), rs.getInt(22), rs.getObject(23, LocalDate.class), rs.getString(24));
    }

    /** Enrols the loan; empty when the programme holds it already. */
    Optional<Long> insert(long programmeId, long loanId, String loanNumber, long institutionId, long borrowerId,
                          String borrowerName, String settlement, LocalDate firstDay, LocalDate lastDay, BigDecimal cap,
                          LocalDate enrolledOn, String by) {
        return jdbc.sql("""
                        INSERT INTO policy_subsidy (programme_id, loan_id, loan_number, institution_id, borrower_id, borrower_name,
                            settlement, first_day, last_day, cap, accrued_through, enrolled_on, enrolled_by)
                        VALUES (:p, :l, :ln, :i, :b, :bn, :s, :f, :t, :cap, :through, :on, :by)
                        ON CONFLICT (programme_id, loan_id) DO NOTHING RETURNING id""")
                .param("p", programmeId).param("l", loanId).param("ln", loanNumber).param("i", institutionId)
                .param("b", borrowerId).param("bn", borrowerName).param("s", settlement).param("f", firstDay)
                .param("t", lastDay).param("cap", cap).param("through", firstDay.minusDays(1)).param("on", enrolledOn)
                .param("by", by).query(Long.class).optional();
    }

    Optional<Row> find(Caller caller, long id) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        return jdbc.sql(COLUMNS + " WHERE s.id = :id AND " + SCOPE.where(caller, p)).params(p).query(SubsidyStore::row)
                .optional();
    }

    Page<Row> list(Caller caller, String loanNumber, Long programmeId, String status, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder w = new StringBuilder(SCOPE.where(caller, p));
        if (loanNumber != null) {
            w.append(" AND s.loan_number = :ln");
            p.put("ln", loanNumber);
        }
        if (programmeId != null) {
            w.append(" AND s.programme_id = :prog");
            p.put("prog", programmeId);
        }
        if (status != null) {
            w.append(" AND s.status = :status");
            p.put("status", status);
        }
        List<Row> items = jdbc.sql(COLUMNS + " WHERE " + w + " ORDER BY s.id DESC LIMIT :limit OFFSET :offset").params(p)
                .param("limit", page.size()).param("offset", page.offset()).query(SubsidyStore::row).list();
        long total = jdbc.sql("SELECT count(*) FROM policy_subsidy s WHERE " + w).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** The active subsidies of these loans, locked for the closing chunk. */
    List<Row> activeFor(List<Long> loanIds) {
        if (loanIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " WHERE s.loan_id IN (:ids) AND s.status = 'ACTIVE' ORDER BY s.id FOR UPDATE OF s")
                .param("ids", loanIds).query(SubsidyStore::row).list();
    }

    /**
     * Records a closing's accrual and the subsidy's new running figures; false when that day was accrued already
     * (a chunk taken again).
     */
    boolean accrued(Row s, LocalDate through, SubsidyAccrual.Result r, BigDecimal exact, BigDecimal fen) {
        int inserted = jdbc.sql("""
                        INSERT INTO policy_subsidy_accrual (subsidy_id, through, first_day, days, suspended, capped, interest, exact,
                            amount)
                        VALUES (:s, :t, :f, :d, :sus, :cap, :i, :x, :a) ON CONFLICT DO NOTHING""")
                .param("s", s.id()).param("t", through).param("f", s.accruedThrough().plusDays(1)).param("d", r.days())
                .param("sus", r.suspended()).param("cap", r.capped()).param("i", r.interest()).param("x", r.exact())
                .param("a", fen.subtract(s.accrued())).update();
        if (inserted == 0) {
            return false;
        }
        jdbc.sql("""
                        UPDATE policy_subsidy SET accrued_through = :t, accrued_exact = :x, accrued = :a,
                            days_accrued = days_accrued + :d, days_suspended = days_suspended + :sus,
                            days_capped = days_capped + :cap
                        WHERE id = :id""")
                .param("t", through).param("x", exact).param("a", fen).param("d", r.days()).param("sus", r.suspended())
                .param("cap", r.capped()).param("id", s.id()).update();
        return true;
    }

    /** Records a settlement (netted or owed to the borrower) and adds it to the subsidy's settled sum. */
    void settled(long subsidyId, LocalDate on, LocalDate due, String kind, BigDecimal amount) {
        jdbc.sql("""
                        INSERT INTO policy_subsidy_settlement (subsidy_id, on_date, due_date, kind, amount)
                        VALUES (:s, :on, :due, :k, :a)""")
                .param("s", subsidyId).param("on", on).param("due", due).param("k", kind).param("a", amount).update();
        jdbc.sql("UPDATE policy_subsidy SET settled = settled + :a WHERE id = :id").param("a", amount).param("id", subsidyId)
                .update();
    }

    /** Stops the loan's active subsidies; returns them. */
    List<Long> stop(long loanId, LocalDate on, String rule, String detail) {
        return jdbc.sql("""
                        UPDATE policy_subsidy SET status = 'STOPPED', stopped_on = :on, stop_rule = :r, stop_detail = :d
                        WHERE loan_id = :l AND status = 'ACTIVE' RETURNING id""")
                .param("on", on).param("r", rule).param("d", detail).param("l", loanId).query(Long.class).list();
    }

    List<Subsidies.Accrued> accruals(long subsidyId) {
        return jdbc.sql("""
                        SELECT first_day, through, days, suspended, capped, round(interest, 2), amount
                          FROM policy_subsidy_accrual WHERE subsidy_id = :s ORDER BY through""")
                .param("s", subsidyId)
                .query((rs, n) -> new Subsidies.Accrued(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                        rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getBigDecimal(6), rs.getBigDecimal(7)))
                .list();
    }

    /** A subsidy's settlements with the claim ids they went into (null: not claimed). */
    record SettlementRow(LocalDate on, LocalDate due, String kind, BigDecimal amount, Long claimId, LocalDate claimedOn) {
    }

    List<SettlementRow> settlements(long subsidyId) {
        return jdbc.sql("""
                        SELECT t.on_date, t.due_date, t.kind, t.amount, t.claim_id, c.submitted_on
                          FROM policy_subsidy_settlement t LEFT JOIN policy_subsidy_claim c ON c.id = t.claim_id
                         WHERE t.subsidy_id = :s ORDER BY t.on_date""")
                .param("s", subsidyId)
                .query((rs, n) -> new SettlementRow(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getBigDecimal(4), (Long) rs.getObject(5), rs.getObject(6, LocalDate.class)))
                .list();
    }

    // --- claims

    record ClaimRow(long id, long programmeId, long institutionId, String quarter, LocalDate from, LocalDate to,
                    BigDecimal amount, int loans, cn.chanrong.policy.domain.ClaimStatus status, LocalDate submittedOn,
                    String submittedBy,
                    LocalDate decidedOn, String decidedBy, String reason, BigDecimal prepaymentApplied, BigDecimal paid,
                    Long entryId) {
    }

    private static final String CLAIM_COLUMNS = """
            SELECT c.id, c.programme_id, c.institution_id, c.quarter, c.period_from, c.period_to, c.amount, c.loans,
                   c.status, c.submitted_on, c.submitted_by, c.decided_on, c.decided_by, c.reason,
                   c.prepayment_applied, c.paid, c.entry_id
              FROM policy_subsidy_claim c""";

    private static ClaimRow claim(ResultSet rs, int n) throws SQLException {
        return new ClaimRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class), rs.getBigDecimal(7), rs.getInt(8),
                cn.chanrong.policy.domain.ClaimStatus.valueOf(rs.getString(9)),
                rs.getObject(10, LocalDate.class), rs.getString(11), rs.getObject(12, LocalDate.class), rs.getString(13),
                rs.getString(14), rs.getBigDecimal(15), rs.getBigDecimal(16), (Long) rs.getObject(17));
    }

    /** What the bank settled under the programme in the period and has not claimed: amount and loans. */
    record Claimable(BigDecimal amount, int loans) {
    }

    Claimable claimable(long programmeId, long institutionId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT coalesce(sum(t.amount), 0), count(DISTINCT t.subsidy_id)
                          FROM policy_subsidy_settlement t JOIN policy_subsidy s ON s.id = t.subsidy_id
                         WHERE s.programme_id = :p AND s.institution_id = :i AND t.on_date BETWEEN :f AND :t
                           AND t.claim_id IS NULL""")
                .param("p", programmeId).param("i", institutionId).param("f", from).param("t", to)
                .query((rs, n) -> new Claimable(rs.getBigDecimal(1).setScale(2), rs.getInt(2))).single();
    }

    /** Files the claim and ties the period's unclaimed settlements to it; empty when the quarter is claimed already. */
    Optional<Long> insertClaim(long programmeId, long institutionId, String quarter, LocalDate from, LocalDate to,
                               Claimable c, LocalDate on, String by) {
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO policy_subsidy_claim (programme_id, institution_id, quarter, period_from, period_to, amount,
                            loans, submitted_on, submitted_by)
                        VALUES (:p, :i, :q, :f, :t, :a, :n, :on, :by)
                        ON CONFLICT (programme_id, institution_id, quarter) WHERE status <> 'REJECTED' DO NOTHING RETURNING id""")
                .param("p", programmeId).param("i", institutionId).param("q", quarter).param("f", from).param("t", to)
                .param("a", c.amount()).param("n", c.loans()).param("on", on).param("by", by).query(Long.class).optional();
        id.ifPresent(claim -> jdbc.sql("""
                        UPDATE policy_subsidy_settlement t SET claim_id = :c FROM policy_subsidy s
                         WHERE s.id = t.subsidy_id AND s.programme_id = :p AND s.institution_id = :i
                           AND t.on_date BETWEEN :f AND :t AND t.claim_id IS NULL""")
                .param("c", claim).param("p", programmeId).param("i", institutionId).param("f", from).param("t", to)
                .update());
        return id;
    }

    /** The bank's claim of that quarter under the programme that was not refused, if any. */
    Optional<ClaimRow> liveClaim(long programmeId, long institutionId, String quarter) {
        return jdbc.sql(CLAIM_COLUMNS + " WHERE c.programme_id = :p AND c.institution_id = :i AND c.quarter = :q"
                        + " AND c.status <> 'REJECTED'")
                .param("p", programmeId).param("i", institutionId).param("q", quarter).query(SubsidyStore::claim).optional();
    }

    /** The settled amounts of a claim by kind (NET, CLAIM). */
    Map<String, BigDecimal> claimByKind(long claimId) {
        Map<String, BigDecimal> out = new HashMap<>();
        jdbc.sql("SELECT kind, sum(amount) FROM policy_subsidy_settlement WHERE claim_id = :c GROUP BY kind")
                .param("c", claimId).query(rs -> {
                    out.put(rs.getString(1), rs.getBigDecimal(2));
                });
        return out;
    }

    Optional<ClaimRow> findClaim(Caller caller, long id, boolean lock) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        return jdbc.sql(CLAIM_COLUMNS + " WHERE c.id = :id AND " + BANK_SCOPE.where(caller, p) + (lock ? " FOR UPDATE OF c" : ""))
                .params(p).query(SubsidyStore::claim).optional();
    }

    Page<ClaimRow> claims(Caller caller, Long programmeId, String status, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder w = new StringBuilder(BANK_SCOPE.where(caller, p));
        if (programmeId != null) {
            w.append(" AND c.programme_id = :prog");
            p.put("prog", programmeId);
        }
        if (status != null) {
            w.append(" AND c.status = :status");
            p.put("status", status);
        }
        List<ClaimRow> items = jdbc.sql(CLAIM_COLUMNS + " WHERE " + w + " ORDER BY c.id DESC LIMIT :limit OFFSET :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset()).query(SubsidyStore::claim).list();
        long total = jdbc.sql("SELECT count(*) FROM policy_subsidy_claim c WHERE " + w).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    void settleClaim(long id, LocalDate on, String by, BigDecimal applied, BigDecimal paid, long entryId) {
        jdbc.sql("""
                        UPDATE policy_subsidy_claim SET status = 'SETTLED', decided_on = :on, decided_by = :by,
                            prepayment_applied = :ap, paid = :pd, entry_id = :e WHERE id = :id""")
                .param("on", on).param("by", by).param("ap", applied).param("pd", paid).param("e", entryId).param("id", id)
                .update();
    }

    /** Refuses the claim and frees its settlements for another. */
    void rejectClaim(long id, LocalDate on, String by, String reason) {
        jdbc.sql("""
                        UPDATE policy_subsidy_claim SET status = 'REJECTED', decided_on = :on, decided_by = :by, reason = :r
                         WHERE id = :id""")
                .param("on", on).param("by", by).param("r", reason).param("id", id).update();
        jdbc.sql("UPDATE policy_subsidy_settlement SET claim_id = NULL WHERE claim_id = :id").param("id", id).update();
    }

    // --- prepayments

    record PrepaymentRow(long id, long programmeId, long institutionId, String quarter, BigDecimal amount, LocalDate paidOn,
                         String recordedBy, long entryId) {
    }

    Optional<Long> insertPrepayment(long programmeId, long institutionId, String quarter, BigDecimal amount, LocalDate on,
                                    String by, long entryId) {
        return jdbc.sql("""
                        INSERT INTO policy_subsidy_prepayment (programme_id, institution_id, quarter, amount, paid_on, recorded_by,
                            entry_id)
                        VALUES (:p, :i, :q, :a, :on, :by, :e) ON CONFLICT DO NOTHING RETURNING id""")
                .param("p", programmeId).param("i", institutionId).param("q", quarter).param("a", amount).param("on", on)
                .param("by", by).param("e", entryId).query(Long.class).optional();
    }

    boolean prepaid(long programmeId, long institutionId, String quarter) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM policy_subsidy_prepayment
                                        WHERE programme_id = :p AND institution_id = :i AND quarter = :q)""")
                .param("p", programmeId).param("i", institutionId).param("q", quarter).query(Boolean.class).single();
    }

    Page<PrepaymentRow> prepayments(Caller caller, Long programmeId, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder w = new StringBuilder(BANK_SCOPE.where(caller, p));
        if (programmeId != null) {
            w.append(" AND c.programme_id = :prog");
            p.put("prog", programmeId);
        }
        List<PrepaymentRow> items = jdbc.sql("""
                        SELECT c.id, c.programme_id, c.institution_id, c.quarter, c.amount, c.paid_on, c.recorded_by, c.entry_id
                          FROM policy_subsidy_prepayment c WHERE """ + " " + w + " ORDER BY c.id DESC LIMIT :limit OFFSET :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new PrepaymentRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getLong(8)))
                .list();
        long total = jdbc.sql("SELECT count(*) FROM policy_subsidy_prepayment c WHERE " + w).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** What the treasury prepaid the bank under the programme and settled claims have not yet used. */
    BigDecimal prepaidLeft(long programmeId, long institutionId) {
        return jdbc.sql("""
                        SELECT (SELECT coalesce(sum(amount), 0) FROM policy_subsidy_prepayment
                                 WHERE programme_id = :p AND institution_id = :i)
                             - (SELECT coalesce(sum(prepayment_applied), 0) FROM policy_subsidy_claim
                                 WHERE programme_id = :p AND institution_id = :i AND status = 'SETTLED')""")
                .param("p", programmeId).param("i", institutionId).query(BigDecimal.class).single().setScale(2);
    }

    // --- reconciliation

    /** Per book: netted subsidies not yet settled by a claim (1221), and prepaid funds not yet used (2241). */
    record Balances(long book, BigDecimal receivable, BigDecimal prepaid) {
    }

    List<Balances> balances() {
        return jdbc.sql("""
                        SELECT b.book,
                               (SELECT coalesce(sum(t.amount), 0) FROM policy_subsidy_settlement t
                                  JOIN policy_subsidy s ON s.id = t.subsidy_id
                                  LEFT JOIN policy_subsidy_claim c ON c.id = t.claim_id
                                 WHERE s.institution_id = b.book AND t.kind = 'NET' AND (c.id IS NULL OR c.status <> 'SETTLED')),
                               (SELECT coalesce(sum(amount), 0) FROM policy_subsidy_prepayment WHERE institution_id = b.book)
                             - (SELECT coalesce(sum(prepayment_applied), 0) FROM policy_subsidy_claim
                                 WHERE institution_id = b.book AND status = 'SETTLED')
                          FROM (SELECT institution_id AS book FROM policy_subsidy
                                UNION SELECT institution_id FROM policy_subsidy_prepayment) b""")
                .query((rs, n) -> new Balances(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3))).list();
    }

    /** Whether the institution has its head office or a branch in the region (a GB/T 2260 prefix). */
    boolean operatesIn(long institutionId, String regionCode) {
        String prefix = regionCode.replaceAll("(00)+$", "");
        return jdbc.sql("""
                        SELECT count(*) FROM institution_region_view
                         WHERE institution_id = :i AND region_code LIKE :p""")
                .param("i", institutionId).param("p", prefix + "%").query(Long.class).single() > 0;
    }
}
