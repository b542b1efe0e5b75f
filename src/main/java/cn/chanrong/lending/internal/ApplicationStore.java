package cn.chanrong.lending.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.lending.LoanApplication;
import cn.chanrong.lending.domain.ApplicationStatus;
import cn.chanrong.lending.domain.ApprovalStep;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loan applications with their approval steps: written when submitted, locked and moved on as each
 * step acts, read as the caller may see them; the approval rules that set their steps; and the
 * enterprise module's published view a borrower is checked against.
 */
@Component
class ApplicationStore {

    private static final ReadScope SCOPE = LoanStore.scope("a");

    private static final String COLUMNS = """
            a.id, a.institution_id, a.borrower_id, e.name, a.product_id, p.name, a.facility_id, a.amount, a.term_months,
            a.rate_type, a.fixed_rate, a.spread_bp, a.method, a.day_count, a.purpose, a.payment_mode, a.steps,
            a.step_index, a.status, a.created_by, a.created_at, (SELECT id FROM loan WHERE application_id = a.id), a.version,
            a.payment_day, a.period_months, a.grace_months, a.project_investment, a.term_reason""";
    private static final String FROM = " FROM loan_application a JOIN enterprise_party_view e ON e.id = a.borrower_id"
            + " JOIN product_view p ON p.id = a.product_id";

    /** An application as submitted, checked. */
    record Submitted(long institutionId, long borrowerId, long productId, Long facilityId, BigDecimal amount,
                     Integer termMonths, String rateType, BigDecimal fixedRate, Integer spreadBp, String method,
                     String dayCount, String purpose, String paymentMode, List<String> steps, String createdBy,
                     Integer paymentDay, int periodMonths, int graceMonths, List<BigDecimal> principalPlan,
                     Boolean firstLoanDeclared, String greenCatalogueCode, String greenCatalogueEdition,
                     BigDecimal projectInvestment, String termReason) {
    }

    /** What a contract takes from the application beyond its public view. */
    record ContractTerms(List<BigDecimal> principalPlan, String greenCatalogueCode) {
    }

    private final JdbcClient jdbc;

    ApplicationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the borrower is a known enterprise (published by the enterprise module). */
    boolean borrowerExists(long id) {
        return jdbc.sql("SELECT count(*) FROM enterprise_party_view WHERE id = :id").param("id", id).query(Long.class)
                .single() != 0;
    }

    /** Writes a submitted application; returns its id. */
    long submit(Submitted a) {
        List<BigDecimal> plan = a.principalPlan();
        return jdbc.sql("""
                        INSERT INTO loan_application (institution_id, borrower_id, product_id, facility_id, amount, term_months,
                            rate_type, fixed_rate, spread_bp, method, day_count, purpose, payment_mode, steps, created_by,
                            payment_day, period_months, grace_months, principal_plan, first_loan_declared,
                            green_catalogue_code, green_catalogue_edition, project_investment, term_reason)
                        VALUES (:i, :b, :p, :f, :a, :t, :rt, :fr, :sp, :m, :dc, :pu, :pm, :steps, :by, :pd, :per, :gr, :plan, :fl,
                                :green, :edition, :invest, :reason)
                        RETURNING id""")
                .param("invest", a.projectInvestment()).param("reason", a.termReason())
                .param("plan", plan == null ? null : plan.toArray(BigDecimal[]::new)).param("fl", a.firstLoanDeclared())
                .param("green", a.greenCatalogueCode()).param("edition", a.greenCatalogueEdition())
                .param("pd", a.paymentDay()).param("per", a.periodMonths()).param("gr", a.graceMonths())
                .param("i", a.institutionId()).param("b", a.borrowerId()).param("p", a.productId())
                .param("f", a.facilityId()).param("a", a.amount()).param("t", a.termMonths()).param("rt", a.rateType())
                .param("fr", a.fixedRate()).param("sp", a.spreadBp()).param("m", a.method())
                .param("dc", a.dayCount()).param("pu", a.purpose()).param("pm", a.paymentMode())
                .param("steps", a.steps().toArray(String[]::new)).param("by", a.createdBy()).query(Long.class).single();
    }

    /** The approval steps of the institution's rule (or the platform's) for an amount. */
    List<String> approvalSteps(long institution, BigDecimal amount) {
        Array a = jdbc.sql("""
                        SELECT steps FROM lending_approval_rule WHERE (institution_id = :i OR institution_id IS NULL)
                          AND up_to_amount >= :a ORDER BY institution_id IS NULL, up_to_amount LIMIT 1""")
                .param("i", institution).param("a", amount).query((rs, i) -> rs.getArray(1)).single();
        try {
            return List.of((String[]) a.getArray());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Locks the application's row for the rest of the transaction. */
    void lock(long id) {
        jdbc.sql("SELECT id FROM loan_application WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
    }

    /** Records a step's decision as act number {@code seq}. */
    void recordAct(long id, int seq, ApprovalStep step, String decision, String actor, String comment) {
        jdbc.sql("""
                        INSERT INTO loan_application_step (application_id, seq, step, decision, actor, comment)
                        VALUES (:a, :s, :st, :d, :by, :c)""")
                .param("a", id).param("s", seq).param("st", step.name()).param("d", decision)
                .param("by", actor).param("c", comment).update();
    }

    /** Moves the application to its next step when the step passed, and to {@code status}. */
    void advance(long id, boolean pass, ApplicationStatus status) {
        jdbc.sql("""
                        UPDATE loan_application SET step_index = step_index + CASE WHEN :pass THEN 1 ELSE 0 END,
                            status = :st, version = version + 1 WHERE id = :id""")
                .param("pass", pass).param("st", status.name()).param("id", id).update();
    }

    /** The principal plan and green catalogue code a contract copies. */
    ContractTerms contractTerms(long id) {
        return jdbc.sql("SELECT principal_plan, green_catalogue_code FROM loan_application WHERE id = :id")
                .param("id", id)
                .query((rs, i) -> new ContractTerms(
                        rs.getArray(1) == null ? null : List.of((BigDecimal[]) rs.getArray(1).getArray()), rs.getString(2)))
                .single();
    }

    /** Marks the application contracted. */
    void contracted(long id, ApplicationStatus status) {
        jdbc.sql("UPDATE loan_application SET status = :s, version = version + 1 WHERE id = :id")
                .param("s", status.name()).param("id", id).update();
    }

    Optional<LoanApplication> find(Caller caller, long id) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE a.id = :id AND " + visible(caller, p)).params(p)
                .query(this::map).optional();
    }

    Page<LoanApplication> search(Caller caller, String status, String step, PageRequest page) {
        Map<String, Object> p = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(visible(caller, p));
        if (status != null && !status.isBlank()) {
            where.append(" AND a.status = :status");
            p.put("status", status);
        }
        if (step != null && !step.isBlank()) {
            where.append(" AND a.status = 'IN_PROGRESS' AND a.steps[a.step_index + 1] = :step");
            p.put("step", step);
        }
        long total = jdbc.sql("SELECT count(*)" + FROM + " WHERE " + where).params(p).query(Long.class).single();
        p.put("limit", page.size());
        p.put("offset", page.offset());
        return new Page<>(jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE " + where
                + " ORDER BY a.id DESC LIMIT :limit OFFSET :offset").params(p).query(this::map).list(), page.page(),
                page.size(), total);
    }

    private static String visible(Caller caller, Map<String, Object> p) {
        return SCOPE.where(caller, p);
    }

    private LoanApplication map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong(1);
        List<ApprovalStep> steps = Arrays.stream((String[]) rs.getArray(17).getArray()).map(ApprovalStep::valueOf).toList();
        int index = rs.getInt(18);
        ApplicationStatus status = ApplicationStatus.of(rs.getString(19));
        List<LoanApplication.Act> acts = jdbc.sql("""
                        SELECT seq, step, decision, actor, comment, acted_at FROM loan_application_step
                        WHERE application_id = :id ORDER BY seq""")
                .param("id", id)
                .query((r2, i) -> new LoanApplication.Act(r2.getInt(1), ApprovalStep.valueOf(r2.getString(2)),
                        r2.getString(3), r2.getString(4), r2.getString(5), LoanStore.instant(r2, 6)))
                .list();
        return new LoanApplication(id, rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                (Long) rs.getObject(7), rs.getBigDecimal(8), rs.getInt(9), rs.getString(10), rs.getBigDecimal(11),
                (Integer) rs.getObject(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16),
                (Integer) rs.getObject(24), rs.getInt(25), rs.getInt(26), steps,
                status == ApplicationStatus.IN_PROGRESS && index < steps.size() ? steps.get(index) : null, status, acts,
                rs.getString(20), LoanStore.instant(rs, 21), (Long) rs.getObject(22), rs.getInt(23), rs.getBigDecimal(27),
                rs.getString(28));
    }
}
