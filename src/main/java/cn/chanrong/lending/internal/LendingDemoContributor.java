package cn.chanrong.lending.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Users;
import cn.chanrong.lending.EndOfDay;
import cn.chanrong.lending.Facilities;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.LoanApplication;
import cn.chanrong.lending.LoanApplications;
import cn.chanrong.lending.Loans;
import cn.chanrong.lending.domain.Installment;
import cn.chanrong.platform.DemoContributor;
import cn.chanrong.registry.CollateralRegistry;
import cn.chanrong.reference.BusinessDate;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A loan book a credit officer would recognise, built through the lending services exactly as the
 * demo bank's people would: applications passed by different people, contracts, disbursements in
 * the past, repayments on their due dates — or not, for the borrowers that fell behind — then end
 * of day up to yesterday, which classifies them. On top: a renewal without repaying principal for
 * the demo SME, a restructuring, a write-off with a recovery, and applications waiting at each step.
 */
@Component
class LendingDemoContributor implements DemoContributor {

    private static final Logger log = LoggerFactory.getLogger(LendingDemoContributor.class);

    private final JdbcClient jdbc;
    private final Users users;
    private final Facilities facilities;
    private final LoanApplications applications;
    private final Loans loans;
    private final EndOfDay endOfDay;
    private final BusinessDate businessDate;
    private final CollateralRegistry registry;

    LendingDemoContributor(JdbcClient jdbc, Users users, Facilities facilities, LoanApplications applications,
                           Loans loans, EndOfDay endOfDay, BusinessDate businessDate, CollateralRegistry registry) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.users = users;
        this.facilities = facilities;
        this.applications = applications;
        this.loans = loans;
        this.endOfDay = endOfDay;
        this.businessDate = businessDate;
    }

    @Override
    public int order() {
        return 40;
    }

    /** What happens to a demo loan after disbursement. */
    enum Fate { PERFORMING, BEHIND_ONE, STOPPED_4_MONTHS, STOPPED_10_MONTHS, RESTRUCTURE, WRITE_OFF }

    private record Actors(Caller officer, Caller reviewer, Caller approver) {
    }

    @Override
    public void contribute(Path economy) {
        if (jdbc.sql("SELECT count(*) FROM loan").query(Long.class).single() > 0) {
            return;
        }
        long started = System.nanoTime();
        LocalDate today = businessDate.today();
        Actors bank = new Actors(caller("bank"), caller("bank-reviewer"), caller("bank-approver"));
        long product = product("MJ-ZJTX-01");
        Actors bank2 = new Actors(caller("bank2"), null, caller("bank2-approver"));
        long product2 = product("HX-KXD-01");
        Random random = new Random(20250601);
        List<Long> borrowers = jdbc.sql("""
                        SELECT id FROM enterprise_party_view WHERE industry_code LIKE 'C%' AND id <> :sme
                        ORDER BY region_code LIKE '35%' DESC, id LIMIT 24""")
                .param("sme", caller("enterprise").enterpriseId()).query(Long.class).list();
        Fate[] fates = Fate.values();
        int made = 0;
        for (int i = 0; i < borrowers.size(); i++) {
            Fate fate = i < 14 ? Fate.PERFORMING : fates[1 + (i - 14) % (fates.length - 1)];
            int months = fate == Fate.PERFORMING ? 2 + random.nextInt(12) : fate == Fate.STOPPED_10_MONTHS
                    || fate == Fate.WRITE_OFF ? 16 : 9;
            LocalDate disbursed = today.minusMonths(months).withDayOfMonth(20);
            if (!disbursed.isBefore(today)) {
                disbursed = disbursed.minusMonths(1);
            }
            String method = List.of("EQUAL_INSTALLMENT", "EQUAL_PRINCIPAL", "INTEREST_ONLY").get(random.nextInt(3));
            long id;
            Actors who = fate == Fate.PERFORMING && i % 3 == 2 ? bank2 : bank;
            if (who == bank2) {
                // the rural bank lends smaller amounts at its fixed rate
                id = disbursedLoan(bank2, product2, borrowers.get(i), (5 + random.nextInt(25)) + "00000.00", 24, method,
                        disbursed, true);
            } else {
                id = disbursedLoan(bank, product, borrowers.get(i), (10 + random.nextInt(50)) + "00000.00", 24, method,
                        disbursed, true);
            }
            int stopAfter = switch (fate) {
                case PERFORMING -> Integer.MAX_VALUE;
                case BEHIND_ONE -> months - 2;
                case STOPPED_4_MONTHS, RESTRUCTURE -> months - 5;
                case STOPPED_10_MONTHS -> months - 11;
                case WRITE_OFF -> 2;
            };
            payOnSchedule(who.officer(), id, stopAfter, today);
            if (who == bank && i % 5 == 0) {
                pledgeReceivables(bank, id, borrowers.get(i), i);
            }
            made++;
        }
        // the demo SME: an installment loan paid on time, and a working-capital loan due within the month
        long sme = caller("enterprise").enterpriseId();
        long facility = facilities.open(bank.approver(), new Facilities.Request(sme, new BigDecimal("10000000.00"), true,
                today.minusMonths(14), today.plusMonths(22))).id();
        long smeLoan = disbursedLoan(bank, product, sme, "3000000.00", 24, "EQUAL_INSTALLMENT",
                today.minusMonths(7).withDayOfMonth(20), facility);
        payOnSchedule(bank.officer(), smeLoan, Integer.MAX_VALUE, today);
        LocalDate bulletStart = today.minusMonths(12).plusDays(10);
        long renewable = disbursedLoan(bank, product, sme, "1500000.00", 12, "BULLET", bulletStart, facility);
        made += 2;
        endOfDay.run(today.minusDays(1), r -> { });

        Loan renewed = loans.renew(bank.approver(), renewable, new Loans.RenewalRequest(12,
                loans.dues(bank.approver(), renewable, today).payoff().subtract(new BigDecimal("1500000.00"))));
        for (Loan l : loans.search(bank.approver(), new Loans.Filter("ACTIVE", null, null, true),
                cn.chanrong.shared.PageRequest.of(0, 200)).items()) {
            if (l.daysPastDue() > 360) {
                loans.writeOff(bank.approver(), l.id(), "借款人停产，经诉讼和执行仍无法收回 / debtor ceased trading; enforcement failed");
                loans.recover(bank.officer(), l.id(), new BigDecimal("120000.00"), today);
            } else if (l.daysPastDue() > 90 && l.daysPastDue() <= 150 && l.tier().nonPerforming() && restructured() == 0) {
                loans.restructure(bank.approver(), l.id(), new Loans.RestructureRequest(24, null, true, true,
                        "订单下滑导致现金流紧张，展期两年并减免欠息 / orders fell; two-year extension with arrears forgiven"));
            }
        }
        otherFilings(bank, bank2, borrowers);
        // applications waiting at each step of the chain
        waiting(bank, product, borrowers.get(0), "2000000.00", 0);
        waiting(bank, product, borrowers.get(1), "5000000.00", 1);
        waiting(bank, product, borrowers.get(2), "8000000.00", 2);
        log.info("Demo loan book: {} loans (renewal {}), end of day to {}, in {} ms", made + 1, renewed.number(),
                today.minusDays(1), (System.nanoTime() - started) / 1_000_000);
    }

    /** Files a receivables pledge for the loan in the registry and attaches it, as the bank's operator would. */
    private void pledgeReceivables(Actors bank, long loanId, long borrower, int i) {
        String grantor = jdbc.sql("SELECT credit_code FROM enterprise_party_view WHERE id = :id").param("id", borrower)
                .query(String.class).single();
        var filing = registry.file(bank.officer().institutionId(), new CollateralRegistry.Request(grantor, "RECEIVABLES_PLEDGE",
                "应收账款质押：对下游客户的货款 / receivables owed by customers",
                List.of(String.format("AR-%s-%03d", grantor.substring(8, 17), i),
                        String.format("AR-%s-%03d", grantor.substring(8, 17), i + 100)), null, 36), bank.officer().username());
        loans.attachSecurity(bank.officer(), loanId, new Loans.SecurityRequest("PLEDGE", "应收账款质押 / receivables pledge",
                new BigDecimal("3000000.00"), null, filing.number()));
    }

    /**
     * Filings beyond receivables: a blanket inventory filing, warehouse receipts and equipment; and a
     * second bank's pledge of an already pledged receivable, which the register accepts and ranks second
     * (the refused second factoring is scf's: an ownership conflict on the financing side).
     */
    private void otherFilings(Actors bank, Actors bank2, List<Long> borrowers) {
        String a = creditCode(borrowers.get(3));
        String b = creditCode(borrowers.get(4));
        String c = creditCode(borrowers.get(5));
        registry.file(bank.officer().institutionId(), new CollateralRegistry.Request(a, "INVENTORY",
                "动产浮动抵押：现有及将有的库存商品 / floating charge over present and future stock", List.of(),
                "福州仓库全部现有及将有的存货 / all present and future inventory at the Fuzhou warehouse", 24),
                bank.officer().username());
        registry.file(bank.officer().institutionId(), new CollateralRegistry.Request(b, "WAREHOUSE_RECEIPT",
                "标准仓单质押：冷轧钢卷 / standard warehouse receipts for cold-rolled coil",
                List.of("WR-FZ-2026-0141", "WR-FZ-2026-0142"), null, 12), bank.officer().username());
        registry.file(bank2.officer().institutionId(), new CollateralRegistry.Request(c, "EQUIPMENT",
                "数控加工中心两台 / two CNC machining centres", List.of("SN-VMC850-26011", "SN-VMC850-26012"), null, 36),
                bank2.officer().username());
        String pledged = creditCode(borrowers.get(0));
        // a second pledge of the same receivable: registered, and ranked behind the first (Civil Code 414)
        var second = registry.file(bank2.officer().institutionId(), new CollateralRegistry.Request(pledged,
                "RECEIVABLES_PLEDGE", "第二顺位质押 / second-ranking pledge",
                List.of(String.format("AR-%s-%03d", pledged.substring(8, 17), 0)), null, 12), bank2.officer().username());
        log.info("Demo: a second pledge {} ranks {} on its receivable", second.number(),
                registry.rankOf(second.number()).position());
    }

    private String creditCode(long enterprise) {
        return jdbc.sql("SELECT credit_code FROM enterprise_party_view WHERE id = :id").param("id", enterprise).query(String.class)
                .single();
    }

    private long restructured() {
        return jdbc.sql("SELECT count(*) FROM loan WHERE restructured_on IS NOT NULL").query(Long.class).single();
    }

    private Caller caller(String username) {
        return users.caller(username).orElseThrow(() -> new IllegalStateException("demo user " + username + " missing"));
    }

    private long product(String code) {
        return jdbc.sql("SELECT id FROM product_view WHERE code = :c").param("c", code).query(Long.class).single();
    }

    private long disbursedLoan(Actors bank, long product, long borrower, String amount, int months, String method,
                               LocalDate on, boolean withFacility) {
        Long facility = withFacility ? facilities.open(bank.approver(), new Facilities.Request(borrower,
                new BigDecimal(amount).multiply(BigDecimal.valueOf(2)), true, on.minusMonths(1),
                on.plusYears(3))).id() : null;
        return disbursedLoan(bank, product, borrower, amount, months, method, on, facility);
    }

    private long disbursedLoan(Actors bank, long product, long borrower, String amount, int months, String method,
                               LocalDate on, Long facility) {
        boolean fixed = bank.reviewer() == null;
        LoanApplication a = applications.submit(bank.officer(), new LoanApplications.Request(product, borrower, facility,
                new BigDecimal(amount), months, fixed ? "FIXED" : "LPR_1Y", fixed ? new BigDecimal("3.85") : null,
                fixed ? null : 30 + (int) (borrower % 7) * 10, method, null, "WORKING_CAPITAL", "SELF"));
        pass(bank, a);
        Loan l = loans.contract(bank.officer(), a.id());
        return loans.disburse(bank.officer(), l.id(), on, (String) null).id();
    }

    private void pass(Actors bank, LoanApplication a) {
        applications.act(bank.officer(), a.id(), "PASS", "实地调查：生产经营正常，订单充足 / site visit: operations normal");
        if (a.steps().size() == 3) {
            applications.act(bank.reviewer(), a.id(), "PASS", "审查：材料齐全，测算合理 / review: complete and sound");
        }
        applications.act(bank.approver(), a.id(), "PASS", "同意 / approved");
    }

    private void waiting(Actors bank, long product, long borrower, String amount, int passed) {
        LoanApplication a = applications.submit(bank.officer(), new LoanApplications.Request(product, borrower, null,
                new BigDecimal(amount), 36, "LPR_1Y", null, 60, "EQUAL_PRINCIPAL", null, "WORKING_CAPITAL", "SELF"));
        List<Caller> actors = List.of(bank.officer(), bank.reviewer());
        for (int k = 0; k < passed; k++) {
            applications.act(actors.get(k), a.id(), "PASS", "同意进入下一环节 / passed on");
        }
    }

    /** Pays each installment on its due date, up to {@code stopAfter} installments or yesterday. */
    private void payOnSchedule(Caller officer, long loanId, int stopAfter, LocalDate today) {
        List<Installment> schedule = loans.schedule(officer, loanId);
        int paid = 0;
        for (Installment i : schedule) {
            if (paid >= stopAfter || !i.due().isBefore(today)) {
                return;
            }
            var dues = loans.dues(officer, loanId, i.due());
            if (dues.dueNow().signum() > 0) {
                loans.repay(officer, loanId, new Loans.RepaymentRequest(dues.dueNow(), i.due(), "REPAYMENT"));
            }
            paid++;
        }
    }
}
