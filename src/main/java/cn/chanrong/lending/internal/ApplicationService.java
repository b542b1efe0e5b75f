package cn.chanrong.lending.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.Product;
import cn.chanrong.institution.Products;
import cn.chanrong.lending.LoanApplication;
import cn.chanrong.lending.LoanApplications;
import cn.chanrong.lending.domain.ApplicationStatus;
import cn.chanrong.lending.domain.ApprovalStep;
import cn.chanrong.lending.schedule.DayCount;
import cn.chanrong.lending.schedule.RepaymentMethod;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ApplicationService implements LoanApplications {

    private static final cn.chanrong.identity.ReadScope SCOPE = LoanStore.scope("a");

    static final List<String> PURPOSES = List.of("WORKING_CAPITAL", "FIXED_ASSET", "EQUIPMENT_RENEWAL",
            "TECH_TRANSFORMATION", "MERGER_ACQUISITION", "RESEARCH");
    static final List<String> RATE_TYPES = List.of("FIXED", "LPR_1Y", "LPR_5Y");
    private static final String COLUMNS = """
            a.id, a.institution_id, a.borrower_id, e.name, a.product_id, p.name, a.facility_id, a.amount, a.term_months,
            a.rate_type, a.fixed_rate, a.spread_bp, a.method, a.day_count, a.purpose, a.payment_mode, a.steps,
            a.step_index, a.status, a.created_by, a.created_at, (SELECT id FROM loan WHERE application_id = a.id), a.version,
            a.payment_day, a.period_months, a.grace_months""";
    private static final String FROM = " FROM loan_application a JOIN enterprise_party_view e ON e.id = a.borrower_id"
            + " JOIN product_view p ON p.id = a.product_id";

    private final JdbcClient jdbc;
    private final Products products;
    private final AuditTrail audit;
    private final BigDecimal entrustedThreshold;

    ApplicationService(JdbcClient jdbc, Products products, AuditTrail audit,
                       @Value("${chanrong.lending.entrusted-payment-threshold:10000000.00}") BigDecimal entrustedThreshold) {
        this.jdbc = jdbc;
        this.products = products;
        this.audit = audit;
        this.entrustedThreshold = entrustedThreshold;
    }

    @Override
    @Transactional
    public LoanApplication submit(Caller caller, Request r) {
        List<Rejection> problems = new ArrayList<>();
        long borrower;
        if (caller.is(Role.ENTERPRISE)) {
            borrower = caller.enterpriseId();
            if (r.borrowerId() != null && r.borrowerId() != borrower) {
                throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.own-enterprise-only", "borrowerId"));
            }
        } else if (caller.is(Role.INSTITUTION) && caller.hasAuthority("operator")) {
            if (r.borrowerId() == null) {
                throw Rejected.invalid(Rejection.of("required", "borrowerId"));
            }
            borrower = r.borrowerId();
        } else {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.apply-forbidden", null));
        }
        if (jdbc.sql("SELECT count(*) FROM enterprise_party_view WHERE id = :id").param("id", borrower).query(Long.class).single() == 0) {
            throw Rejected.invalid(Rejection.of("not-found", "borrowerId", "enterprise", borrower));
        }
        if (r.productId() == null) {
            throw Rejected.invalid(Rejection.of("required", "productId"));
        }
        Product product;
        try {
            product = products.get(Caller.system("lending"), r.productId());
        } catch (Rejected e) {
            throw Rejected.invalid(Rejection.of("not-found", "productId", "product", r.productId()));
        }
        if (product.status() != Product.Status.PUBLISHED) {
            throw Rejected.invalid(Rejection.of("lending.product.unpublished", "productId", product.code()));
        }
        if (caller.is(Role.INSTITUTION) && product.institutionId() != caller.institutionId()) {
            throw Rejected.invalid(Rejection.of("lending.product.other-institution", "productId", product.code()));
        }
        BigDecimal amount = Amounts.check(r.amount(), "amount", false, FacilityService.MAX_AMOUNT, problems);
        if (amount != null && (amount.compareTo(product.minAmount()) < 0 || amount.compareTo(product.maxAmount()) > 0)) {
            problems.add(Rejection.of("range", "amount", product.minAmount().toPlainString(),
                    product.maxAmount().toPlainString(), amount.toPlainString()));
        }
        if (r.termMonths() == null) {
            problems.add(Rejection.of("required", "termMonths"));
        } else if (r.termMonths() < product.minTermMonths() || r.termMonths() > product.maxTermMonths()) {
            problems.add(Rejection.of("range", "termMonths", product.minTermMonths(), product.maxTermMonths(),
                    r.termMonths()));
        }
        RateTerms rate = rate(r, product, problems);
        RepaymentMethod method = parse(RepaymentMethod.class, r.method(), "method", problems);
        DayCount dayCount = r.dayCount() == null || r.dayCount().isBlank()
                ? (method == RepaymentMethod.EQUAL_INSTALLMENT || method == RepaymentMethod.EQUAL_PRINCIPAL
                ? DayCount.MONTHLY : DayCount.ACT_360)
                : parse(DayCount.class, r.dayCount(), "dayCount", problems);
        String purpose = oneOf(r.purpose(), "purpose", PURPOSES, problems);
        String mode = oneOf(r.paymentMode(), "paymentMode", List.of("ENTRUSTED", "SELF"), problems);
        if (r.paymentDay() != null && (r.paymentDay() < 1 || r.paymentDay() > 28)) {
            problems.add(Rejection.of("range", "paymentDay", 1, 28, r.paymentDay()));
        }
        String frequency = r.frequency() == null || r.frequency().isBlank() ? "MONTHLY"
                : oneOf(r.frequency(), "frequency", List.of("MONTHLY", "QUARTERLY"), problems);
        int period = "QUARTERLY".equals(frequency) ? 3 : 1;
        int grace = r.graceMonths() == null ? 0 : r.graceMonths();
        if (r.termMonths() != null && r.termMonths() % period != 0) {
            problems.add(Rejection.of("lending.term-periods", "termMonths", r.termMonths(), period));
        }
        if (grace < 0 || r.termMonths() != null && grace >= r.termMonths() || grace % period != 0) {
            problems.add(Rejection.of("lending.grace", "graceMonths", grace));
        }
        if (r.greenCatalogueCode() != null && !r.greenCatalogueCode().isBlank()
                && !r.greenCatalogueCode().strip().matches("[0-9]{1,2}(\\.[0-9]{1,2}){1,4}")) {
            problems.add(Rejection.of("lending.green-code", "greenCatalogueCode", r.greenCatalogueCode()));
        }
        List<BigDecimal> plan = null;
        if (method == RepaymentMethod.CUSTOM || r.principalPlan() != null && !r.principalPlan().isEmpty()) {
            plan = plan(r, method, amount, period, problems);
        }
        if ("SELF".equals(mode) && amount != null && amount.compareTo(entrustedThreshold) > 0) {
            problems.add(Rejection.of("lending.entrusted-required", "paymentMode", entrustedThreshold.toPlainString()));
        }
        if (r.facilityId() != null && amount != null) {
            var f = jdbc.sql("SELECT institution_id, borrower_id, amount - used FROM facility WHERE id = :id AND status = 'ACTIVE'")
                    .param("id", r.facilityId())
                    .query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)}).optional();
            if (f.isEmpty() || (long) f.get()[0] != product.institutionId() || (long) f.get()[1] != borrower) {
                problems.add(Rejection.of("lending.facility.other", "facilityId", r.facilityId()));
            } else if (((BigDecimal) f.get()[2]).compareTo(amount) < 0) {
                problems.add(Rejection.of("lending.facility.exceeded", "amount", amount.toPlainString(),
                        ((BigDecimal) f.get()[2]).toPlainString()));
            }
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        List<String> steps = steps(product.institutionId(), amount);
        long id = jdbc.sql("""
                        INSERT INTO loan_application (institution_id, borrower_id, product_id, facility_id, amount, term_months,
                            rate_type, fixed_rate, spread_bp, method, day_count, purpose, payment_mode, steps, created_by,
                            payment_day, period_months, grace_months, principal_plan, first_loan_declared,
                            green_catalogue_code)
                        VALUES (:i, :b, :p, :f, :a, :t, :rt, :fr, :sp, :m, :dc, :pu, :pm, :steps, :by, :pd, :per, :gr, :plan, :fl,
                                :green)
                        RETURNING id""")
                .param("plan", plan == null ? null : plan.toArray(BigDecimal[]::new)).param("fl", r.firstLoanDeclared())
                .param("green", r.greenCatalogueCode() == null || r.greenCatalogueCode().isBlank() ? null : r.greenCatalogueCode().strip())
                .param("pd", r.paymentDay()).param("per", period).param("gr", grace)
                .param("i", product.institutionId()).param("b", borrower).param("p", product.id())
                .param("f", r.facilityId()).param("a", amount).param("t", r.termMonths()).param("rt", rate.type())
                .param("fr", rate.fixed()).param("sp", rate.spreadBp()).param("m", method.name())
                .param("dc", dayCount.name()).param("pu", purpose).param("pm", mode)
                .param("steps", steps.toArray(String[]::new)).param("by", caller.username()).query(Long.class).single();
        audit.record(AuditEvent.success(caller.username(), "loan-application.submit", "loan-application", id,
                "product " + product.code() + " amount " + amount + " steps " + steps));
        return get(Caller.system("lending"), id);
    }

    /** A custom plan: one amount per period, adding up to the amount applied for. */
    private static List<BigDecimal> plan(Request r, RepaymentMethod method, BigDecimal amount, int period,
                                         List<Rejection> problems) {
        if (method != RepaymentMethod.CUSTOM) {
            problems.add(Rejection.of("lending.plan.method", "principalPlan"));
            return null;
        }
        List<BigDecimal> plan = new ArrayList<>();
        for (BigDecimal given : r.principalPlan() == null ? List.<BigDecimal>of() : r.principalPlan()) {
            BigDecimal a = Amounts.check(given, "principalPlan", false, FacilityService.MAX_AMOUNT, problems);
            if (a == null) {
                return null;
            }
            plan.add(a);
        }
        int periods = r.termMonths() == null ? 0 : r.termMonths() / period;
        BigDecimal sum = plan.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (plan.size() != periods || amount != null && sum.compareTo(amount) != 0) {
            problems.add(Rejection.of("lending.plan.total", "principalPlan", plan.size(), periods, sum.toPlainString(),
                    amount == null ? "?" : amount.toPlainString()));
            return null;
        }
        return plan;
    }

    record RateTerms(String type, BigDecimal fixed, Integer spreadBp) {
    }

    /** The rate asked for, within the product's pricing: its fixed rate, or its LPR spread range. */
    private static RateTerms rate(Request r, Product product, List<Rejection> problems) {
        String type = oneOf(r.rateType(), "rateType", RATE_TYPES, problems);
        if (type == null) {
            return new RateTerms(null, null, null);
        }
        if (type.equals("FIXED")) {
            BigDecimal fixed = r.fixedRate();
            if (fixed == null) {
                problems.add(Rejection.of("required", "fixedRate"));
            }
            if (fixed != null && "FIXED".equals(product.pricing()) && fixed.compareTo(product.fixedRatePercent()) != 0) {
                problems.add(Rejection.of("range", "fixedRate", product.fixedRatePercent().toPlainString(),
                        product.fixedRatePercent().toPlainString(), fixed.toPlainString()));
            } else if (fixed != null && "LPR_SPREAD".equals(product.pricing())) {
                problems.add(Rejection.of("lending.rate.product-floating", "rateType", product.code()));
            } else if (fixed != null && (fixed.signum() <= 0 || fixed.compareTo(BigDecimal.valueOf(36)) > 0)) {
                problems.add(Rejection.of("range", "fixedRate", "0", "36", fixed.toPlainString()));
            }
            return new RateTerms(type, fixed, null);
        }
        if (r.spreadBp() == null) {
            problems.add(Rejection.of("required", "spreadBp"));
        } else if ("LPR_SPREAD".equals(product.pricing())
                && (r.spreadBp() < product.spreadMinBp() || r.spreadBp() > product.spreadMaxBp())) {
            problems.add(Rejection.of("range", "spreadBp", product.spreadMinBp(), product.spreadMaxBp(), r.spreadBp()));
        } else if ("FIXED".equals(product.pricing())) {
            problems.add(Rejection.of("lending.rate.product-fixed", "rateType", product.code()));
        }
        return new RateTerms(type, null, r.spreadBp());
    }

    private List<String> steps(long institution, BigDecimal amount) {
        Array a = jdbc.sql("""
                        SELECT steps FROM lending_approval_rule WHERE (institution_id = :i OR institution_id IS NULL)
                          AND up_to_amount >= :a ORDER BY institution_id IS NULL, up_to_amount LIMIT 1""")
                .param("i", institution).param("a", amount).query((rs, i) -> rs.getArray(1)).single();
        try {
            return List.of((String[]) a.getArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    @Transactional
    public LoanApplication act(Caller caller, long id, String decision, String comment) {
        LoanApplication a = get(caller, id);
        if (!caller.is(Role.INSTITUTION) || caller.institutionId() != a.institutionId()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.approval.institution-only", null));
        }
        jdbc.sql("SELECT id FROM loan_application WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
        a = get(caller, id);
        List<Rejection> problems = new ArrayList<>();
        String d = oneOf(decision, "decision", List.of("PASS", "REJECT"), problems);
        if (comment == null || comment.isBlank()) {
            problems.add(Rejection.of("required", "comment"));
        } else if (comment.strip().length() > 2000) {
            problems.add(Rejection.of("length", "comment", 1, 2000));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        ApprovalStep step = a.nextStep();
        boolean last = step != null && a.steps().indexOf(step) == a.steps().size() - 1;
        ApplicationStatus status = a.status().act("PASS".equals(d), last).orThrow();
        if (!step.mayAct(caller.authorities())) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.approval.authority", null,
                    step.name(), step.authority()));
        }
        if (a.acts().stream().anyMatch(x -> x.actor().equals(caller.username()))
                || a.createdBy().equals(caller.username()) && step != ApprovalStep.INVESTIGATION) {
            throw Rejected.conflict(Rejection.of("lending.approval.same-person", null, caller.username()));
        }
        jdbc.sql("""
                        INSERT INTO loan_application_step (application_id, seq, step, decision, actor, comment)
                        VALUES (:a, :s, :st, :d, :by, :c)""")
                .param("a", id).param("s", a.acts().size() + 1).param("st", step.name()).param("d", d)
                .param("by", caller.username()).param("c", comment.strip()).update();
        jdbc.sql("""
                        UPDATE loan_application SET step_index = step_index + CASE WHEN :pass THEN 1 ELSE 0 END,
                            status = :st, version = version + 1 WHERE id = :id""")
                .param("pass", "PASS".equals(d)).param("st", status.name()).param("id", id).update();
        audit.record(AuditEvent.success(caller.username(), "loan-application." + step.name().toLowerCase(),
                "loan-application", id, d + ": " + comment.strip()));
        return get(caller, id);
    }

    @Override
    @Transactional(readOnly = true)
    public LoanApplication get(Caller caller, long id) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE a.id = :id AND " + visible(caller, p)).params(p)
                .query(this::map).optional().orElseThrow(() -> Rejected.notFound("loan application", id));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<LoanApplication> search(Caller caller, String status, String step, PageRequest page) {
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

    private LoanApplication map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
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
                rs.getString(20), LoanStore.instant(rs, 21), (Long) rs.getObject(22), rs.getInt(23));
    }

    static <E extends Enum<E>> E parse(Class<E> type, String raw, String field, List<Rejection> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(Rejection.of("required", field));
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            problems.add(Rejection.of("enum", field, raw, Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    static String oneOf(String raw, String field, List<String> allowed, List<Rejection> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(Rejection.of("required", field));
            return null;
        }
        String v = raw.strip().toUpperCase().replace('-', '_');
        if (!allowed.contains(v)) {
            problems.add(Rejection.of("enum", field, raw, String.join(", ", allowed)));
            return null;
        }
        return v;
    }
}
