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

/** Guarantees along the chain ({@code policy_guarantee}), their claims by stage and the recoveries shared back. */
@Component
class GuaranteeStore {

    /**
     * A guarantee: the bank and each guarantor of the chain, the financial regulators and the finance department where
     * the bank operates.
     */
    static final ReadScope SCOPE = ReadScope.customerData().alsoDepartment("MOF").institution("g.institution_id")
            .institution("g.agency_id").institution("g.reguarantor_id").institution("g.fund_id")
            .regionOfInstitution("g.institution_id");

    private static final String COLUMNS = """
            SELECT g.id, g.programme_id, g.programme_version, g.loan_id, g.loan_number, g.institution_id, g.borrower_id,
                   g.borrower_name, g.agency_id, g.reguarantor_id, g.fund_id, g.principal, g.coverage_percent, g.amount,
                   g.fee_percent, g.bank_share, g.agency_share, g.reguarantor_share, g.fund_share, g.loss, g.issued_on,
                   g.issued_by,
                   (SELECT count(*) FILTER (WHERE c.status = 'PAID') FROM policy_guarantee_claim c WHERE c.guarantee_id = g.id),
                   (SELECT count(*) FROM policy_guarantee_claim c WHERE c.guarantee_id = g.id)
              FROM policy_guarantee g""";

    private final JdbcClient jdbc;

    GuaranteeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(long id, long programmeId, int programmeVersion, long loanId, String loanNumber, long institutionId,
               long borrowerId, String borrowerName, long agencyId, long reguarantorId, long fundId, BigDecimal principal,
               BigDecimal coveragePercent, BigDecimal amount, BigDecimal feePercent, BigDecimal bankShare,
               BigDecimal agencyShare, BigDecimal reguarantorShare, BigDecimal fundShare, BigDecimal loss,
               LocalDate issuedOn, String issuedBy, int paidStages, int claims) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getString(5), rs.getLong(6), rs.getLong(7),
                rs.getString(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getBigDecimal(12), rs.getBigDecimal(13),
                rs.getBigDecimal(14), rs.getBigDecimal(15), rs.getBigDecimal(16), rs.getBigDecimal(17), rs.getBigDecimal(18),
                rs.getBigDecimal(19), rs.getBigDecimal(20), rs.getObject(21, LocalDate.class), rs.getString(22), rs.getInt(23),
                rs.getInt(24));
    }

    /** Registers the guarantee; empty when the loan has one already. */
    Optional<Long> insert(Row g) {
        return jdbc.sql("""
                        INSERT INTO policy_guarantee (programme_id, programme_version, loan_id, loan_number, institution_id,
                            borrower_id, borrower_name, agency_id, reguarantor_id, fund_id, principal, coverage_percent, amount,
                            fee_percent, bank_share, agency_share, reguarantor_share, fund_share, issued_on, issued_by)
                        VALUES (:p, :v, :l, :ln, :i, :b, :bn, :a, :r, :f, :pr, :cov, :amt, :fee, :bs, :as, :rs, :fs, :on, :by)
                        ON CONFLICT (loan_id) DO NOTHING RETURNING id""")
                .param("p", g.programmeId()).param("v", g.programmeVersion()).param("l", g.loanId()).param("ln", g.loanNumber())
                .param("i", g.institutionId()).param("b", g.borrowerId()).param("bn", g.borrowerName())
                .param("a", g.agencyId()).param("r", g.reguarantorId()).param("f", g.fundId()).param("pr", g.principal())
                .param("cov", g.coveragePercent()).param("amt", g.amount()).param("fee", g.feePercent())
                .param("bs", g.bankShare()).param("as", g.agencyShare()).param("rs", g.reguarantorShare())
                .param("fs", g.fundShare()).param("on", g.issuedOn()).param("by", g.issuedBy()).query(Long.class).optional();
    }

    Optional<Row> find(Caller caller, long id, boolean lock) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        return jdbc.sql(COLUMNS + " WHERE g.id = :id AND " + SCOPE.where(caller, p) + (lock ? " FOR UPDATE OF g" : ""))
                .params(p).query(GuaranteeStore::row).optional();
    }

    /** The guarantee of a loan, locked, whoever asks (the recovery listener acts for the bank). */
    Optional<Row> ofLoan(long loanId) {
        return jdbc.sql(COLUMNS + " WHERE g.loan_id = :l FOR UPDATE OF g").param("l", loanId).query(GuaranteeStore::row)
                .optional();
    }

    Page<Row> list(Caller caller, String loanNumber, cn.chanrong.policy.domain.GuaranteeStatus status, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder w = new StringBuilder(SCOPE.where(caller, p));
        if (loanNumber != null) {
            w.append(" AND g.loan_number = :ln");
            p.put("ln", loanNumber);
        }
        if (status != null) {
            // ACTIVE: nothing claimed; CLAIMING: a claim open or the chain not paid through; SETTLED: the fund paid
            w.append(switch (status) {
                case ACTIVE -> " AND NOT EXISTS (SELECT 1 FROM policy_guarantee_claim c WHERE c.guarantee_id = g.id)";
                case SETTLED -> " AND EXISTS (SELECT 1 FROM policy_guarantee_claim c WHERE c.guarantee_id = g.id"
                        + " AND c.stage = 3 AND c.status = 'PAID')";
                case CLAIMING -> " AND EXISTS (SELECT 1 FROM policy_guarantee_claim c WHERE c.guarantee_id = g.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM policy_guarantee_claim c WHERE c.guarantee_id = g.id"
                        + " AND c.stage = 3 AND c.status = 'PAID')";
            });
        }
        List<Row> items = jdbc.sql(COLUMNS + " WHERE " + w + " ORDER BY g.id DESC LIMIT :limit OFFSET :offset").params(p)
                .param("limit", page.size()).param("offset", page.offset()).query(GuaranteeStore::row).list();
        long total = jdbc.sql("SELECT count(*) FROM policy_guarantee g WHERE " + w).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    void loss(long id, BigDecimal loss) {
        jdbc.sql("UPDATE policy_guarantee SET loss = :l WHERE id = :id").param("l", loss).param("id", id).update();
    }

    record ClaimRow(long id, long guaranteeId, int stage, long claimantId, long payerId, BigDecimal amount,
                    cn.chanrong.policy.domain.ClaimStatus status,
                    LocalDate claimedOn, String claimedBy, LocalDate paidOn, String paidBy, Long payerEntry) {
    }

    private static ClaimRow claim(ResultSet rs, int n) throws SQLException {
        return new ClaimRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getLong(5), rs.getBigDecimal(6),
                cn.chanrong.policy.domain.ClaimStatus.valueOf(rs.getString(7)), rs.getObject(8, LocalDate.class), rs.getString(9), rs.getObject(10, LocalDate.class),
                rs.getString(11), (Long) rs.getObject(12));
    }

    private static final String CLAIM_COLUMNS = """
            SELECT id, guarantee_id, stage, claimant_id, payer_id, amount, status, claimed_on, claimed_by, paid_on, paid_by,
                   payer_entry FROM policy_guarantee_claim""";

    List<ClaimRow> claims(long guaranteeId) {
        return jdbc.sql(CLAIM_COLUMNS + " WHERE guarantee_id = :g ORDER BY stage").param("g", guaranteeId)
                .query(GuaranteeStore::claim).list();
    }

    Optional<ClaimRow> claim(long claimId) {
        return jdbc.sql(CLAIM_COLUMNS + " WHERE id = :id").param("id", claimId).query(GuaranteeStore::claim).optional();
    }

    /** Files the stage's claim; empty when that stage was claimed already. */
    Optional<Long> insertClaim(long guaranteeId, int stage, long claimant, long payer, BigDecimal amount, LocalDate on,
                               String by) {
        return jdbc.sql("""
                        INSERT INTO policy_guarantee_claim (guarantee_id, stage, claimant_id, payer_id, amount, claimed_on,
                            claimed_by)
                        VALUES (:g, :s, :c, :p, :a, :on, :by) ON CONFLICT (guarantee_id, stage) DO NOTHING RETURNING id""")
                .param("g", guaranteeId).param("s", stage).param("c", claimant).param("p", payer).param("a", amount)
                .param("on", on).param("by", by).query(Long.class).optional();
    }

    void paid(long claimId, LocalDate on, String by, long entry) {
        jdbc.sql("""
                        UPDATE policy_guarantee_claim SET status = 'PAID', paid_on = :on, paid_by = :by, payer_entry = :e
                         WHERE id = :id""")
                .param("on", on).param("by", by).param("e", entry).param("id", claimId).update();
    }

    void recovered(long guaranteeId, LocalDate on, BigDecimal amount, BigDecimal bank, BigDecimal agency,
                   BigDecimal reguarantor, BigDecimal fund) {
        jdbc.sql("""
                        INSERT INTO policy_guarantee_recovery (guarantee_id, on_date, amount, bank_part, agency_part,
                            reguarantor_part, fund_part)
                        VALUES (:g, :on, :a, :b, :ag, :r, :f)""")
                .param("g", guaranteeId).param("on", on).param("a", amount).param("b", bank).param("ag", agency)
                .param("r", reguarantor).param("f", fund).update();
    }

    List<cn.chanrong.policy.Guarantees.Recovery> recoveries(long guaranteeId) {
        return jdbc.sql("""
                        SELECT on_date, amount, bank_part, agency_part, reguarantor_part, fund_part
                          FROM policy_guarantee_recovery WHERE guarantee_id = :g ORDER BY id""")
                .param("g", guaranteeId)
                .query((rs, n) -> new cn.chanrong.policy.Guarantees.Recovery(rs.getObject(1, LocalDate.class),
                        rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6)))
                .list();
    }
}
