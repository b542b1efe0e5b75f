package cn.chanrong.policy.internal;

import cn.chanrong.identity.Users;
import cn.chanrong.platform.DemoContributor;
import cn.chanrong.policy.Ledgers;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's re-lending: the national bank taking part in the tech re-lending ({@code bank3}) compiles its ledger of
 * the last ninety days — the loan it made on the pushed tech-transformation project among the candidates —, its
 * approver confirms it and the central bank ({@code regulator}) approves it, booking the borrowing in the bank's book.
 */
@Component
class PolicyDemoContributor implements DemoContributor {

    private static final Logger log = LoggerFactory.getLogger(PolicyDemoContributor.class);

    private final Ledgers ledgers;
    private final Users users;
    private final BusinessDate businessDate;
    private final cn.chanrong.policy.Programmes programmes;
    private final SubsidyService subsidies;
    private final cn.chanrong.lending.LoanApplications applications;
    private final cn.chanrong.lending.Loans loans;
    private final cn.chanrong.institution.Products products;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final cn.chanrong.policy.Guarantees guarantees;
    private final cn.chanrong.enterprise.Enterprises enterprises;
    private final cn.chanrong.lending.EndOfDay endOfDay;
    private final cn.chanrong.policy.Pools pools;
    private final cn.chanrong.policy.CarbonReductions carbon;

    PolicyDemoContributor(Ledgers ledgers, Users users, BusinessDate businessDate, cn.chanrong.policy.Programmes programmes,
                          SubsidyService subsidies, cn.chanrong.lending.LoanApplications applications,
                          cn.chanrong.lending.Loans loans, cn.chanrong.institution.Products products,
                          org.springframework.transaction.support.TransactionTemplate tx,
                          cn.chanrong.policy.Guarantees guarantees, cn.chanrong.enterprise.Enterprises enterprises,
                          cn.chanrong.lending.EndOfDay endOfDay, cn.chanrong.policy.Pools pools,
                          cn.chanrong.policy.CarbonReductions carbon) {
        this.carbon = carbon;
        this.pools = pools;
        this.guarantees = guarantees;
        this.enterprises = enterprises;
        this.endOfDay = endOfDay;
        this.ledgers = ledgers;
        this.users = users;
        this.businessDate = businessDate;
        this.programmes = programmes;
        this.subsidies = subsidies;
        this.applications = applications;
        this.loans = loans;
        this.products = products;
        this.tx = tx;
    }

    @Override
    public int order() {
        // after the matching demo made the loan on the pushed project
        return 75;
    }

    @Override
    public void contribute(Path economy) {
        relending();
        carbonTool();
        subsidy();
        guarantee();
        pool();
    }

    /**
     * The demo's risk-compensation pool: the provincial finance department's pool for Fujian borrowers (40 % of a loss,
     * at most 1,000,000.00 a loan and 20,000,000.00 a year, from 90 days past due), funded with 20,000,000.00; the city
     * commercial bank claims on its loan longest past due in Fujian and the department approves it.
     */
    private void pool() {
        var mof = users.caller("regulator-mof").orElse(null);
        var approver = users.caller("bank-approver").orElse(null);
        if (mof == null || approver == null || pools.pools(mof).stream().anyMatch(p -> POOL.equals(p.code()))) {
            return;
        }
        try {
            programmes.create(mof, new cn.chanrong.policy.Programmes.Draft(POOL, "RISK_POOL",
                    "福建省中小微企业贷款风险补偿资金池（演示）", "Fujian SME loan risk-compensation pool (demo)",
                    "演示数据：省级财政设立，对省内中小微企业贷款损失补偿40%，每笔不超过100万元、每年不超过2000万元，逾期90天起可申请",
                    LocalDate.of(2024, 1, 1), java.util.Map.of("sharePercent", "40", "capPerLoanYuan", "1000000.00",
                            "capPerYearYuan", "20000000.00", "triggerDaysPastDue", 90),
                    java.util.Map.of("regions", java.util.List.of("35")), "演示：风险补偿资金池"));
            pools.fund(mof, POOL, new BigDecimal("20000000.00"), "省级财政注资 / provincial funding");
        } catch (cn.chanrong.shared.Rejected r) {
            log.warn("Demo pool not set up: {}", r.rejections());
            return;
        }
        // a first loan to a Fujian manufacturer eight months ago, paid twice, then nothing: past due since
        var officer = users.caller("bank").orElseThrow();
        Long borrower = newFujianBorrower(officer);
        if (borrower == null) {
            log.info("Demo pool: no Fujian borrower");
            return;
        }
        LocalDate today = businessDate.today();
        long loanId = demoLoan(borrower, "1000000.00", "WORKING_CAPITAL", 50, today.minusMonths(8).withDayOfMonth(10),
                "订单充足，首贷 / orders sound, a first loan", "审查：材料齐全 / review: complete");
        payFirst(loanId, 2);
        endOfDay.run(today.minusDays(1), r -> { });
        var loan = loans.get(officer, loanId);
        try {
            var c = pools.claim(approver, POOL, loan.number());
            var decided = pools.approve(mof, c.id());
            log.info("Demo pool claim {} on loan {}: {} of the loss {}", decided.number(), loan.number(), decided.amount(), decided.loss());
        } catch (cn.chanrong.shared.Rejected r) {
            log.warn("Demo pool claim not made: {}", r.rejections());
        }
    }

    static final String POOL = "FJ-RISK-POOL";

    /**
     * The demo's government guarantee: a first loan of 1,000,000.00 the city commercial bank made sixteen months ago to a
     * Fujian manufacturer under the national fund's 20:40:20:20 scheme, guaranteed by the city's agency; the borrower paid
     * twice and stopped, the bank wrote the loan off, and the loss went along the chain — the bank claimed from the
     * agency, the agency from the province's re-guarantor, the re-guarantor from the national fund, each paid — and a
     * later recovery of 50,000.00 was shared back the same way.
     */
    private void guarantee() {
        var officer = users.caller("bank").orElse(null);
        var approver = users.caller("bank-approver").orElse(null);
        var agency = users.caller("guarantor").orElse(null);
        var reguarantor = users.caller("reguarantor").orElse(null);
        var fund = users.caller("nfgf").orElse(null);
        if (officer == null || approver == null || agency == null || reguarantor == null || fund == null
                || guarantees.list(approver, null, null, PageRequest.of(0, 1)).total() > 0) {
            return;
        }
        LocalDate today = businessDate.today();
        Long borrower = newFujianBorrower(officer);
        if (borrower == null) {
            log.warn("Demo guarantee: no Fujian borrower");
            return;
        }
        long loanId = demoLoan(borrower, "1000000.00", "WORKING_CAPITAL", 60, today.minusMonths(16).withDayOfMonth(20),
                "首贷户，政府性融资担保机构担保 / first loan, guaranteed by the agency",
                "审查：担保意向书齐全 / review: the agency's letter is on file");
        var loan = loans.get(officer, loanId);
        try {
            String agencyCode = subsidies.institutionCode(agency.institutionId());
            var g = guarantees.register(officer, new cn.chanrong.policy.Guarantees.Register("NFGF-20-40-20-20", loan.number(),
                    agencyCode, new BigDecimal("0.8")));
            payFirst(loanId, 2);
            endOfDay.run(today.minusDays(1), r -> { });
            loans.writeOff(approver, loanId, "借款人停产，担保机构已确认代偿 / debtor ceased trading; the agency agreed to compensate");
            var claimed = guarantees.claim(approver, g.id());
            guarantees.pay(agency, claimed.claims().getLast().id());
            claimed = guarantees.claim(agency, g.id());
            guarantees.pay(reguarantor, claimed.claims().getLast().id());
            claimed = guarantees.claim(reguarantor, g.id());
            guarantees.pay(fund, claimed.claims().getLast().id());
            loans.recover(officer, loanId, new BigDecimal("50000.00"), today);
            var done = guarantees.get(approver, g.id());
            log.info("Demo guarantee {} on loan {}: loss {} shared {}:{}:{}:{}, {} claims paid, recoveries shared {}",
                    done.number(), loan.number(), done.loss(), done.bankShare(), done.agencyShare(), done.reguarantorShare(),
                    done.fundShare(), done.claims().size(), done.recoveries().size());
        } catch (cn.chanrong.shared.Rejected r) {
            log.warn("Demo guarantee incomplete: {}", r.rejections());
        }
    }

    /** The demo's local subsidy programme: Fujian's equipment-renewal loans, one point a year for two years. */
    static final String SUBSIDY = "FJ-EQUIP-SUBSIDY";

    /**
     * The demo's interest subsidy: the provincial finance department's programme, an equipment-renewal loan of the demo
     * SME at the city commercial bank paid out two years ago, enrolled at once, each installment's subsidy netted off its
     * interest the evening before it fell due (the same closing end of day runs) and the rest paid on the due date; the
     * bank's claim of the last quarter settled out of the treasury's prepayment, the quarter before claimed and waiting.
     */
    private void subsidy() {
        var mof = users.caller("regulator-mof").orElse(null);
        var officer = users.caller("bank").orElse(null);
        var reviewer = users.caller("bank-reviewer").orElse(null);
        var approver = users.caller("bank-approver").orElse(null);
        var sme = users.caller("enterprise").orElse(null);
        if (mof == null || officer == null || reviewer == null || approver == null || sme == null
                || subsidies.list(approver, null, null, null, PageRequest.of(0, 1)).total() > 0) {
            return;
        }
        LocalDate today = businessDate.today();
        try {
            programmes.create(mof, new cn.chanrong.policy.Programmes.Draft(SUBSIDY, "LOCAL_SUBSIDY",
                    "福建省设备更新贷款地方财政贴息（演示）", "Fujian local interest subsidy on equipment-renewal loans (demo)",
                    "演示数据：省级财政对省内设备更新贷款按年1个百分点贴息，自放款起最长2年，每笔不超过10万元，银行在每期结息时直接抵扣",
                    LocalDate.of(2024, 1, 1), java.util.Map.of("subsidyPoints", "1", "maxYears", 2, "capPerLoanYuan", "100000.00",
                            "settlement", "NET"),
                    java.util.Map.of("purposes", java.util.List.of("EQUIPMENT_RENEWAL"), "regions", java.util.List.of("35")),
                    "演示：设备更新贷款地方贴息"));
        } catch (cn.chanrong.shared.Rejected r) {
            log.warn("Demo subsidy programme not created: {}", r.rejections());
            return;
        }
        LocalDate paidOut = today.minusMonths(24).plusDays(5);
        long loanId = demoLoan(sme.enterpriseId(), "1200000.00", "EQUIPMENT_RENEWAL", 30, paidOut,
                "设备更新项目：新购数控机床两台 / equipment renewal: two CNC machines",
                "审查：设备合同与发票齐全 / review: contracts and invoices complete");
        var loan = loans.get(officer, loanId);
        try {
            subsidies.enrol(officer, new cn.chanrong.policy.Subsidies.Enrol(SUBSIDY, loan.number()), Locale.CHINA);
        } catch (cn.chanrong.shared.Rejected r) {
            log.warn("Demo subsidy not enrolled: {}", r.rejections());
            return;
        }
        for (var i : loans.schedule(officer, loanId)) {
            if (!i.due().isBefore(today)) {
                break;
            }
            LocalDate eve = i.due().minusDays(1);
            tx.executeWithoutResult(t -> {
                var now = loans.get(officer, loanId);
                subsidies.closed(eve, java.util.List.of(new cn.chanrong.lending.DayClose.ClosedLoan(loanId, now.number(),
                        now.institutionId(), now.borrowerId(), now.disbursedOn(), now.principalOutstanding(), 0, now.tier(),
                        loans.schedule(officer, loanId))));
            });
            var dues = loans.dues(officer, loanId, i.due());
            if (dues.dueNow().signum() > 0) {
                loans.repay(officer, loanId, new cn.chanrong.lending.Loans.RepaymentRequest(dues.dueNow(), i.due(), "REPAYMENT"));
            }
        }
        // the last two quarters: the treasury prepaid the last one, which the bank claims and the department settles
        LocalDate thisQuarter = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        String last = quarter(thisQuarter.minusMonths(3));
        String before = quarter(thisQuarter.minusMonths(6));
        String bankCode = subsidies.institutionCode(loan.institutionId());
        try {
            subsidies.prepay(mof, new cn.chanrong.policy.Subsidies.PrepaymentRequest(SUBSIDY, bankCode, last,
                    new BigDecimal("2000.00")));
            var c = subsidies.claim(approver, new cn.chanrong.policy.Subsidies.ClaimRequest(SUBSIDY, last));
            subsidies.settle(mof, c.id());
            subsidies.claim(approver, new cn.chanrong.policy.Subsidies.ClaimRequest(SUBSIDY, before));
        } catch (cn.chanrong.shared.Rejected r) {
            log.warn("Demo subsidy claims incomplete: {}", r.rejections());
        }
        var s = subsidies.list(approver, loan.number(), SUBSIDY, null, PageRequest.of(0, 1)).items().getFirst();
        log.info("Demo subsidy {} on loan {}: {} accrued over {} days, {} netted", s.number(), loan.number(), s.accrued(),
                s.daysAccrued(), s.settled());
    }

    /**
     * A loan of the city commercial bank's tech-transformation product, 24 months in equal principal at LPR plus the
     * spread, passed by its officer, reviewer and approver with the words given and paid out on {@code paidOut}.
     */
    private long demoLoan(long borrower, String amount, String purpose, int spreadBp, LocalDate paidOut, String passed,
                          String reviewed) {
        var officer = users.caller("bank").orElseThrow();
        long product = products.search(officer, new cn.chanrong.institution.Products.ProductFilter(null, null, null,
                        officer.institutionId()), PageRequest.of(0, 200)).items().stream()
                .filter(p -> "MJ-ZJTX-01".equals(p.code())).findFirst().orElseThrow().id();
        var a = applications.submit(officer, new cn.chanrong.lending.LoanApplications.Request(product, borrower, null,
                new BigDecimal(amount), 24, "LPR_1Y", null, spreadBp, "EQUAL_PRINCIPAL", null, purpose, "SELF"));
        applications.act(officer, a.id(), "PASS", passed);
        if (a.steps().size() == 3) {
            applications.act(users.caller("bank-reviewer").orElseThrow(), a.id(), "PASS", reviewed);
        }
        applications.act(users.caller("bank-approver").orElseThrow(), a.id(), "PASS", "同意 / approved");
        var contracted = loans.contract(officer, a.id());
        return loans.disburse(officer, contracted.id(), paidOut, (String) null).id();
    }

    /** The borrower pays the first {@code n} installments on their due dates, then nothing more. */
    private void payFirst(long loanId, int n) {
        var officer = users.caller("bank").orElseThrow();
        for (var i : loans.schedule(officer, loanId).stream().limit(n).toList()) {
            loans.repay(officer, loanId, new cn.chanrong.lending.Loans.RepaymentRequest(loans.dues(officer, loanId, i.due())
                    .dueNow(), i.due(), "REPAYMENT"));
        }
    }

    /**
     * A Fujian firm (not the demo SME) with the fewest loans at the bank — none where one is left, so a first loan — a
     * manufacturer before others.
     */
    private Long newFujianBorrower(cn.chanrong.identity.Caller officer) {
        var system = cn.chanrong.identity.Caller.system("policy-demo");
        long sme = users.caller("enterprise").map(cn.chanrong.identity.Caller::enterpriseId).orElse(-1L);
        record Candidate(long id, long loans, boolean manufacturer) {
        }
        return enterprises.search(system, new cn.chanrong.enterprise.EnterpriseFilter(null, null, null, null),
                        PageRequest.of(0, 200)).items().stream()
                .filter(e -> e.regionCode() != null && e.regionCode().startsWith("35") && e.id() != sme)
                .map(e -> new Candidate(e.id(), loans.search(officer, new cn.chanrong.lending.Loans.Filter(null, null, e.id(), null),
                        PageRequest.of(0, 1)).total(), e.industryCode() != null && e.industryCode().startsWith("C")))
                .min(java.util.Comparator.comparingLong(Candidate::loans).thenComparing(c -> !c.manufacturer()))
                .map(Candidate::id).orElse(null);
    }

    private static String quarter(LocalDate firstDay) {
        return firstDay.getYear() + "Q" + ((firstDay.getMonthValue() - 1) / 3 + 1);
    }

    /**
     * A second tech-transformation loan of the national bank to the firm whose pushed project it financed, this one on no
     * project list: a candidate of the ledger (its purpose tags it) that the ledger leaves out, saying why.
     */
    private void unlistedLoan(cn.chanrong.identity.Caller bank, cn.chanrong.identity.Caller approver, LocalDate on) {
        var pushed = loans.search(bank, new cn.chanrong.lending.Loans.Filter("ACTIVE", null, null, null), PageRequest.of(0, 1))
                .items();
        if (pushed.isEmpty()) {
            return;
        }
        try {
            bank3Loan(bank, approver, pushed.getFirst().borrowerId(), null,
                    "二期技改，未列入推送清单 / second phase, not on a pushed list", on);
        } catch (cn.chanrong.shared.Rejected r) {
            log.warn("Demo unlisted loan not made: {}", r.rejections());
        }
    }

    /**
     * A 2,000,000.00 tech-transformation loan of the national bank (36 months, equal principal, LPR + 35 bp, an
     * 80,000,000.00 project), with the green catalogue code given or none, passed with the words given and paid out.
     */
    private cn.chanrong.lending.Loan bank3Loan(cn.chanrong.identity.Caller bank, cn.chanrong.identity.Caller approver,
                                              long borrower, String greenCode, String passed, LocalDate on) {
        long product = products.search(bank, new cn.chanrong.institution.Products.ProductFilter(null, null, null,
                        bank.institutionId()), PageRequest.of(0, 200)).items().stream()
                .filter(p -> "QY-JGSB-01".equals(p.code())).findFirst().orElseThrow().id();
        var a = applications.submit(bank, new cn.chanrong.lending.LoanApplications.Request(product, borrower, null,
                new BigDecimal("2000000.00"), 36, "LPR_1Y", null, 35, "EQUAL_PRINCIPAL", null, "TECH_TRANSFORMATION", "SELF",
                null, null, null, null, null, greenCode, new BigDecimal("80000000.00"), null));
        applications.act(bank, a.id(), "PASS", passed);
        applications.act(approver, a.id(), "PASS", "同意 / approved");
        var contracted = loans.contract(bank, a.id());
        return loans.disburse(bank, contracted.id(), on, (String) null);
    }

    /**
     * The carbon tool: the national bank's energy-saving retrofit loan under the green catalogue's 节能降碳产业 (1), its
     * reduction of 12,500.00 tonnes of CO2 a year verified and recorded, and its carbon-tool ledger for the quarter
     * compiled, confirmed and approved — the retrofit loan qualifying, the bank's other tagged loans left out as not
     * green or without a verified reduction.
     */
    private void carbonTool() {
        var bank = users.caller("bank3").orElse(null);
        var approver = users.caller("bank3-approver").orElse(null);
        var pboc = users.caller("regulator").orElse(null);
        if (bank == null || approver == null || pboc == null
                || ledgers.list(bank, "PBOC-CARBON", null, PageRequest.of(0, 1)).total() > 0) {
            return;
        }
        var pushed = loans.search(bank, new cn.chanrong.lending.Loans.Filter("ACTIVE", null, null, null), PageRequest.of(0, 1))
                .items();
        if (pushed.isEmpty()) {
            return;
        }
        LocalDate today = businessDate.today();
        try {
            var loan = bank3Loan(bank, approver, pushed.getFirst().borrowerId(), "1",
                    "余热回收与电机系统节能改造，属绿色金融支持项目目录节能降碳产业 / energy-saving retrofit", today.minusDays(25));
            carbon.record(bank, new cn.chanrong.policy.CarbonReductions.Request(loan.number(), new BigDecimal("12500.00"),
                    "榕城低碳认证有限公司", today.minusDays(10), "项目可研基准线法，按改造前后三个月能耗监测数据核证年减排量"));
            Ledgers.Ledger l = ledgers.compile(bank, new Ledgers.Compile("PBOC-CARBON", today.minusDays(90), today),
                    Locale.CHINA);
            if (l.qualifying() > 0) {
                ledgers.confirm(approver, l.id(), Locale.CHINA);
                ledgers.approve(pboc, l.id(), Locale.CHINA);
            }
            log.info("Demo carbon-tool ledger {}: {} of {} loans qualify, {} re-lent", l.number(), l.qualifying(),
                    l.candidates(), l.relendingAmount());
        } catch (cn.chanrong.shared.Rejected r) {
            log.warn("Demo carbon-tool loan not made: {}", r.rejections());
        }
    }

    private void relending() {
        var bank = users.caller("bank3").orElse(null);
        var approver = users.caller("bank3-approver").orElse(null);
        var pboc = users.caller("regulator").orElse(null);
        if (bank == null || approver == null || pboc == null
                || ledgers.list(bank, "PBOC-TECH-RL", null, PageRequest.of(0, 1)).total() > 0) {
            return;
        }
        LocalDate today = businessDate.today();
        unlistedLoan(bank, approver, today.minusDays(20));
        Ledgers.Ledger l = ledgers.compile(bank, new Ledgers.Compile("PBOC-TECH-RL", today.minusDays(90), today), Locale.CHINA);
        if (l.qualifying() == 0) {
            log.info("Demo re-lending ledger {}: {} candidates, none qualifying; left compiled", l.number(), l.candidates());
            return;
        }
        try {
            ledgers.confirm(approver, l.id(), Locale.CHINA);
            ledgers.approve(pboc, l.id(), Locale.CHINA);
        } catch (cn.chanrong.shared.Rejected r) {
            log.warn("Demo re-lending ledger {} not approved: {}", l.number(), r.rejections());
            return;
        }
        log.info("Demo re-lending ledger {}: {} of {} loans qualify, {} re-lent and booked", l.number(), l.qualifying(),
                l.candidates(), l.relendingAmount());
    }
}
