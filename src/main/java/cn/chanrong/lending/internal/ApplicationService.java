package cn.chanrong.lending.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.Product;
import cn.chanrong.institution.Products;
import cn.chanrong.institution.domain.ProductType;
import cn.chanrong.lending.LoanApplication;
import cn.chanrong.lending.LoanApplications;
import cn.chanrong.lending.domain.ApplicationStatus;
import cn.chanrong.lending.domain.ApprovalStep;
import cn.chanrong.lending.domain.LoanTermRules;
import cn.chanrong.lending.schedule.DayCount;
import cn.chanrong.lending.schedule.RepaymentMethod;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ApplicationService implements LoanApplications {

    static final List<String> PURPOSES = List.of("WORKING_CAPITAL", "FIXED_ASSET", "EQUIPMENT_RENEWAL",
            "TECH_TRANSFORMATION", "MERGER_ACQUISITION", "RESEARCH");
    static final List<String> RATE_TYPES = List.of("FIXED", "LPR_1Y", "LPR_5Y");
    /** The largest total project investment taken (one trillion yuan). */
    static final BigDecimal PROJECT_MAX = new BigDecimal("1000000000000.00");
    private final ApplicationStore store;
    private final FacilityStore facilities;
    private final Products products;
    private final AuditTrail audit;
    private final Environment env;
    private final RestrictedCredit restricted;
    private final cn.chanrong.reference.FinanceCatalogues catalogues;
    private final cn.chanrong.reference.BusinessDate businessDate;

    ApplicationService(ApplicationStore store, FacilityStore facilities, Products products, AuditTrail audit, Environment env,
                       RestrictedCredit restricted, cn.chanrong.reference.FinanceCatalogues catalogues,
                       cn.chanrong.reference.BusinessDate businessDate) {
        this.restricted = restricted;
        this.catalogues = catalogues;
        this.businessDate = businessDate;
        this.store = store;
        this.facilities = facilities;
        this.products = products;
        this.audit = audit;
        this.env = env;
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
        if (!store.borrowerExists(borrower)) {
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
        String purpose = oneOf(r.purpose(), "purpose", PURPOSES, problems);
        // the restricted-industry catalogue: no credit under 淘汰类, no new project under 限制类
        restricted.refusal(borrower, RestrictedCredit.use(purpose, product.type()), "borrowerId").ifPresent(problems::add);
        problems.addAll(LoanTermRules.check(r.termMonths(), r.termReason(), termLimits(product, purpose)));
        BigDecimal investment = projectInvestment(r, purpose, product.type() == ProductType.FIXED_ASSET_LOAN, amount,
                problems);
        RateTerms rate = rate(r, product, problems);
        RepaymentMethod method = parse(RepaymentMethod.class, r.method(), "method", problems);
        DayCount dayCount = r.dayCount() == null || r.dayCount().isBlank()
                ? (method == RepaymentMethod.EQUAL_INSTALLMENT || method == RepaymentMethod.EQUAL_PRINCIPAL
                ? DayCount.MONTHLY : DayCount.ACT_360)
                : parse(DayCount.class, r.dayCount(), "dayCount", problems);
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
        String greenCode = r.greenCatalogueCode() == null || r.greenCatalogueCode().isBlank() ? null
                : r.greenCatalogueCode().strip();
        String greenEdition = greenCode == null ? null : greenEdition(greenCode, problems);
        List<BigDecimal> plan = null;
        if (method == RepaymentMethod.CUSTOM || r.principalPlan() != null && !r.principalPlan().isEmpty()) {
            plan = plan(r, method, amount, period, problems);
        }
        // entrusted payment is decided per payment at disbursement (EntrustedPaymentRules), not on the amount here
        if (r.facilityId() != null && amount != null) {
            var f = facilities.active(r.facilityId());
            if (f.isEmpty() || f.get().institutionId() != product.institutionId() || f.get().borrowerId() != borrower) {
                problems.add(Rejection.of("lending.facility.other", "facilityId", r.facilityId()));
            } else if (f.get().available().compareTo(amount) < 0) {
                problems.add(Rejection.of("lending.facility.exceeded", "amount", amount.toPlainString(),
                        f.get().available().toPlainString()));
            }
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        List<String> steps = steps(product.institutionId(), amount);
        long id = store.submit(new ApplicationStore.Submitted(product.institutionId(), borrower, product.id(),
                r.facilityId(), amount, r.termMonths(), rate.type(), rate.fixed(), rate.spreadBp(), method.name(),
                dayCount.name(), purpose, mode, steps, caller.username(), r.paymentDay(), period, grace, plan,
                r.firstLoanDeclared(), greenCode, greenEdition, investment, r.termReason() == null || r.termReason().isBlank() ? null : r.termReason().strip()));
        audit.record(AuditEvent.success(caller.username(), "loan-application.submit", "loan-application", id,
                "product " + product.code() + " amount " + amount + " steps " + steps));
        return get(Caller.system("lending"), id);
    }

    /**
     * The term limits of the application: the product's range; the working-capital standard and justified
     * maximum (the type's one setting, which deployments override as products do) for a working-capital
     * loan; the bills' tenor for a commercial bill.
     */
    private LoanTermRules.Limits termLimits(Product product, String purpose) {
        ProductType wc = ProductType.WORKING_CAPITAL_LOAN;
        int standard = env.getProperty("chanrong.products.max-term-months." + wc.name(), Integer.class,
                wc.defaultMaxTermMonths());
        ProductType bill = ProductType.BANK_ACCEPTANCE_BILL;
        return new LoanTermRules.Limits(product.minTermMonths(), product.maxTermMonths(),
                product.type() == wc || "WORKING_CAPITAL".equals(purpose), standard,
                Math.max(standard, wc.justifiedMaxTermMonths()), product.type().commercialBill(),
                Math.min(bill.defaultMaxTermMonths(), env.getProperty("chanrong.products.max-term-months." + bill.name(),
                        Integer.class, bill.defaultMaxTermMonths())));
    }

    /**
     * A fixed-asset loan's total project investment, at least the amount applied for: required for the
     * purpose FIXED_ASSET and for every application to a fixed-asset product (technological transformation
     * and equipment renewal are fixed-asset loans too), so that a single payment over 5 % of it is entrusted
     * (固定资产贷款管理办法 2024).
     */
    private static BigDecimal projectInvestment(Request r, String purpose, boolean fixedAssetProduct, BigDecimal amount,
                                                List<Rejection> problems) {
        boolean fixedAsset = fixedAssetProduct || "FIXED_ASSET".equals(purpose);
        if (r.projectInvestment() == null) {
            if (fixedAsset) {
                problems.add(Rejection.of("required", "projectInvestment"));
            }
            return null;
        }
        BigDecimal v = Amounts.check(r.projectInvestment(), "projectInvestment", false, PROJECT_MAX, problems);
        if (v != null && (v.signum() == 0 || amount != null && v.compareTo(amount) < 0)) {
            problems.add(Rejection.of("lending.project-investment", "projectInvestment", v.toPlainString(),
                    amount.toPlainString()));
        }
        return v;
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
        return store.approvalSteps(institution, amount);
    }

    @Override
    @Transactional
    public LoanApplication act(Caller caller, long id, String decision, String comment) {
        LoanApplication a = get(caller, id);
        if (!caller.is(Role.INSTITUTION) || caller.institutionId() != a.institutionId()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.approval.institution-only", null));
        }
        store.lock(id);
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
        store.recordAct(id, a.acts().size() + 1, step, d, caller.username(), comment.strip());
        store.advance(id, "PASS".equals(d), status);
        audit.record(AuditEvent.success(caller.username(), "loan-application." + step.name().toLowerCase(),
                "loan-application", id, d + ": " + comment.strip()));
        return get(caller, id);
    }

    @Override
    @Transactional(readOnly = true)
    public LoanApplication get(Caller caller, long id) {
        return store.find(caller, id).orElseThrow(() -> Rejected.notFound("loan application", id));
    }

    @Override
    @Transactional(readOnly = true)
    public Page<LoanApplication> search(Caller caller, String status, String step, PageRequest page) {
        return store.search(caller, status, step, page);
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

    /**
     * The edition of the green catalogue in force today that holds {@code code} (issue 19 §6): an application made
     * before 2025-10-01 was judged by the previous standard and keeps it; null with a rejection when the code is
     * malformed or not in that edition.
     */
    private String greenEdition(String code, List<Rejection> problems) {
        if (!code.matches("[0-9]{1,2}(\\.[0-9]{1,2}){0,4}")) {
            problems.add(Rejection.of("lending.green-code", "greenCatalogueCode", code));
            return null;
        }
        java.time.LocalDate today = businessDate.today();
        var edition = catalogues.inForce(cn.chanrong.reference.FinanceCatalogues.Kind.GREEN, today);
        if (edition.isEmpty() || catalogues.item(edition.get().edition(), code).isEmpty()) {
            problems.add(Rejection.of("lending.green-code-unknown", "greenCatalogueCode", code,
                    edition.map(e -> e.nameZh()).orElse("-"), edition.map(e -> e.validFrom().toString()).orElse("-"),
                    edition.map(e -> e.nameEn()).orElse("-")));
            return null;
        }
        return edition.get().edition();
    }
}
