package cn.chanrong.policy.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Ledgers ({@code policy_ledger}, {@code policy_ledger_line}) and the facts of candidate loans from published views. */
@Component
class LedgerStore {

    /** A bank's ledger: the bank, the financial regulators where it operates, administrators. */
    static final ReadScope SCOPE = ReadScope.customerData().institution("g.institution_id").regionOfInstitution("g.institution_id");

    private final JdbcClient jdbc;
    private final JsonMapper json;

    LedgerStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What lending, and matching publish about a loan: where it stands, its tags, the list it was pushed on. */
    record Facts(long loanId, String status, String tier, BigDecimal outstanding, boolean green, boolean tagged, String listType,
                 boolean carbonVerified) {

        /** The loan as the ledger rules judge it. */
        cn.chanrong.policy.domain.LedgerRules.Candidate candidate(cn.chanrong.lending.Proceeds.Disbursed d) {
            return new cn.chanrong.policy.domain.LedgerRules.Candidate(d.loanId(), d.number(), d.principal(), d.disbursedOn(),
                    d.purpose(), listType, green, carbonVerified, cn.chanrong.lending.domain.LoanStatus.valueOf(status),
                    cn.chanrong.lending.domain.Tier.valueOf(tier), outstanding);
        }
    }

    Map<Long, Facts> facts(long institutionId, List<Long> loanIds) {
        Map<Long, Facts> out = new HashMap<>();
        if (loanIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT f.loan_id, f.status, f.tier, f.principal_outstanding, t.green,
                               t.tech_sme OR t.tech_transformation OR t.equipment_renewal OR t.green,
                               (SELECT min(p.list_type) FROM matching_push_view p
                                 WHERE p.loan_id = f.loan_id AND p.institution_id = :i),
                               EXISTS (SELECT 1 FROM policy_carbon_reduction c WHERE c.loan_id = f.loan_id)
                          FROM loan_fact_view f JOIN loan_tag t ON t.loan_id = f.loan_id
                         WHERE f.loan_id IN (:ids)""")
                .param("i", institutionId).param("ids", loanIds)
                .query(rs -> {
                    out.put(rs.getLong(1), new Facts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                            rs.getBoolean(5), rs.getBoolean(6), rs.getString(7), rs.getBoolean(8)));
                });
        return out;
    }

    record Header(long institutionId, long programmeId, int programmeVersion, LocalDate from, LocalDate to,
                  BigDecimal sharePercent, BigDecimal ratePercent, int candidates, int qualifying,
                  BigDecimal qualifyingPrincipal, BigDecimal relendingAmount, LocalDate compiledOn, String by) {
    }

    record LineRow(long loanId, String loanNumber, long borrowerId, String borrowerName, BigDecimal principal,
                   LocalDate disbursedOn, String purpose, String listType, boolean qualifies, BigDecimal relending,
                   List<Map<String, String>> reasons) {
    }

    long insert(Header h, List<LineRow> lines) {
        long id = jdbc.sql("""
                        INSERT INTO policy_ledger (institution_id, programme_id, programme_version, period_from, period_to,
                            share_percent, rate_percent, candidates, qualifying, qualifying_principal, relending_amount,
                            compiled_on, compiled_by)
                        VALUES (:i, :p, :v, :f, :t, :s, :r, :c, :q, :qp, :ra, :on, :by) RETURNING id""")
                .param("i", h.institutionId()).param("p", h.programmeId()).param("v", h.programmeVersion())
                .param("f", h.from()).param("t", h.to()).param("s", h.sharePercent()).param("r", h.ratePercent())
                .param("c", h.candidates()).param("q", h.qualifying()).param("qp", h.qualifyingPrincipal())
                .param("ra", h.relendingAmount()).param("on", h.compiledOn()).param("by", h.by()).query(Long.class).single();
        for (LineRow l : lines) {
            jdbc.sql("""
                            INSERT INTO policy_ledger_line (ledger_id, loan_id, loan_number, borrower_id, borrower_name, principal,
                                disbursed_on, purpose, list_type, qualifies, relending, reasons)
                            VALUES (:g, :l, :n, :b, :bn, :p, :d, :pu, :lt, :q, :r, CAST(:why AS jsonb))""")
                    .param("g", id).param("l", l.loanId()).param("n", l.loanNumber()).param("b", l.borrowerId())
                    .param("bn", l.borrowerName()).param("p", l.principal()).param("d", l.disbursedOn())
                    .param("pu", l.purpose()).param("lt", l.listType()).param("q", l.qualifies()).param("r", l.relending())
                    .param("why", json.writeValueAsString(l.reasons())).update();
        }
        return id;
    }

    record Row(long id, long institutionId, long programmeId, int programmeVersion, LocalDate from, LocalDate to,
               cn.chanrong.policy.domain.LedgerStatus status,
               BigDecimal sharePercent, BigDecimal ratePercent, int candidates, int qualifying, BigDecimal qualifyingPrincipal,
               BigDecimal relendingAmount, LocalDate compiledOn, String compiledBy, Instant compiledAt, String confirmedBy,
               Instant confirmedAt, String approvedBy, LocalDate approvedOn, BigDecimal approvedRate, LocalDate maturesOn,
               Long journalEntryId, int rollovers, LocalDate interestFrom, BigDecimal interestPaid, LocalDate repaidOn) {
    }

    private static final String COLUMNS = """
            SELECT g.id, g.institution_id, g.programme_id, g.programme_version, g.period_from, g.period_to, g.status,
                   g.share_percent, g.rate_percent, g.candidates, g.qualifying, g.qualifying_principal, g.relending_amount,
                   g.compiled_on, g.compiled_by, g.compiled_at, g.confirmed_by, g.confirmed_at, g.approved_by, g.approved_on,
                   g.approved_rate, g.matures_on, g.journal_entry_id, g.rollovers, g.interest_from, g.interest_paid, g.repaid_on
              FROM policy_ledger g""";

    void confirmed(long id, cn.chanrong.policy.domain.LedgerStatus status, String by) {
        jdbc.sql("UPDATE policy_ledger SET status = :s, confirmed_by = :by, confirmed_at = now() WHERE id = :id")
                .param("s", status.name()).param("by", by).param("id", id).update();
    }

    void booked(long id, cn.chanrong.policy.domain.LedgerStatus status, String by, LocalDate on, BigDecimal rate,
                LocalDate matures, long entry) {
        jdbc.sql("""
                        UPDATE policy_ledger SET status = :s, approved_by = :by, approved_on = :on, approved_rate = :r,
                               matures_on = :m, journal_entry_id = :e, interest_from = :on WHERE id = :id""")
                .param("s", status.name()).param("by", by).param("on", on).param("r", rate).param("m", matures)
                .param("e", entry).param("id", id).update();
    }

    void rolled(long id, LocalDate on, BigDecimal rate, LocalDate matures, BigDecimal interest) {
        jdbc.sql("""
                        UPDATE policy_ledger SET rollovers = rollovers + 1, interest_from = :on, approved_rate = :r, matures_on = :m,
                               interest_paid = interest_paid + :i WHERE id = :id""")
                .param("on", on).param("r", rate).param("m", matures).param("i", interest).param("id", id).update();
    }

    void repaid(long id, cn.chanrong.policy.domain.LedgerStatus status, LocalDate on, BigDecimal interest) {
        jdbc.sql("""
                        UPDATE policy_ledger SET status = :s, repaid_on = :on, interest_from = :on,
                               interest_paid = interest_paid + :i WHERE id = :id""")
                .param("s", status.name()).param("on", on).param("i", interest).param("id", id).update();
    }

    /** What booked ledgers of the programme lent, all banks; the programme's row locked so approvals queue. */
    BigDecimal used(long programmeId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('policy_quota:' || :p))").param("p", programmeId).query(Object.class).single();
        return usedReadOnly(programmeId);
    }

    /** The loans among these already in a confirmed or booked ledger of the programme, with that ledger's id and day. */
    Map<Long, String> inLedgers(long programmeId, List<Long> loanIds) {
        Map<Long, String> out = new HashMap<>();
        if (loanIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT l.loan_id, g.id, g.compiled_on FROM policy_ledger_line l JOIN policy_ledger g ON g.id = l.ledger_id
                         WHERE g.programme_id = :p AND g.status IN ('CONFIRMED', 'BOOKED') AND l.qualifies AND l.loan_id IN (:ids)""")
                .param("p", programmeId).param("ids", loanIds)
                .query(rs -> {
                    out.put(rs.getLong(1), LedgerService.number(rs.getLong(2), rs.getObject(3, LocalDate.class)));
                });
        return out;
    }

    /** What the bank's booked ledgers of the programme still owe. */
    BigDecimal usedBy(long programmeId, long institutionId) {
        return jdbc.sql("""
                        SELECT coalesce(sum(relending_amount), 0) FROM policy_ledger
                         WHERE programme_id = :p AND institution_id = :i AND status = 'BOOKED'""")
                .param("p", programmeId).param("i", institutionId).query(BigDecimal.class).single();
    }

    BigDecimal usedReadOnly(long programmeId) {
        return jdbc.sql("SELECT coalesce(sum(relending_amount), 0) FROM policy_ledger WHERE programme_id = :p AND status = 'BOOKED'")
                .param("p", programmeId).query(BigDecimal.class).single();
    }

    Optional<Row> lock(Caller caller, long id) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        return jdbc.sql(COLUMNS + " WHERE g.id = :id AND " + SCOPE.where(caller, p) + " FOR UPDATE OF g").params(p)
                .query(LedgerStore::row).optional();
    }

    Page<Row> list(Caller caller, Long programmeId, cn.chanrong.policy.domain.LedgerStatus status, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder w = new StringBuilder(SCOPE.where(caller, p));
        if (programmeId != null) {
            w.append(" AND g.programme_id = :prog");
            p.put("prog", programmeId);
        }
        if (status != null) {
            w.append(" AND g.status = :status");
            p.put("status", status.name());
        }
        List<Row> items = jdbc.sql(COLUMNS + " WHERE " + w + " ORDER BY g.id DESC LIMIT :limit OFFSET :offset").params(p)
                .param("limit", page.size()).param("offset", page.offset()).query(LedgerStore::row).list();
        long total = jdbc.sql("SELECT count(*) FROM policy_ledger g WHERE " + w).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    Optional<Row> find(Caller caller, long id) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        return jdbc.sql(COLUMNS + " WHERE g.id = :id AND " + SCOPE.where(caller, p)).params(p).query(LedgerStore::row).optional();
    }

    List<LineRow> lines(long ledgerId) {
        return jdbc.sql("""
                        SELECT loan_id, loan_number, borrower_id, borrower_name, principal, disbursed_on, purpose, list_type,
                               qualifies, relending, reasons::text
                          FROM policy_ledger_line WHERE ledger_id = :g ORDER BY qualifies DESC, disbursed_on, loan_id""")
                .param("g", ledgerId)
                .query((rs, i) -> new LineRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8),
                        rs.getBoolean(9), rs.getBigDecimal(10),
                        json.readValue(rs.getString(11), new TypeReference<List<Map<String, String>>>() { })))
                .list();
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class),
                cn.chanrong.policy.domain.LedgerStatus.valueOf(rs.getString(7)), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getInt(10),
                rs.getInt(11), rs.getBigDecimal(12), rs.getBigDecimal(13), rs.getObject(14, LocalDate.class), rs.getString(15),
                rs.getObject(16, OffsetDateTime.class).toInstant(), rs.getString(17),
                rs.getObject(18, OffsetDateTime.class) == null ? null : rs.getObject(18, OffsetDateTime.class).toInstant(),
                rs.getString(19), rs.getObject(20, LocalDate.class), rs.getBigDecimal(21), rs.getObject(22, LocalDate.class),
                (Long) rs.getObject(23), rs.getInt(24), rs.getObject(25, LocalDate.class), rs.getBigDecimal(26),
                rs.getObject(27, LocalDate.class));
    }
}
