package cn.chanrong.demo;

import cn.chanrong.enterprise.Enterprise;
import cn.chanrong.enterprise.EnterpriseDetails;
import cn.chanrong.enterprise.EnterpriseFilter;
import cn.chanrong.enterprise.Enterprises;
import cn.chanrong.enterprise.domain.ProfileRules;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.identity.UserDraft;
import cn.chanrong.identity.Users;
import cn.chanrong.institution.Institution;
import cn.chanrong.institution.InstitutionType;
import cn.chanrong.institution.Institutions;
import cn.chanrong.institution.Products;
import cn.chanrong.platform.PlatformMode;
import cn.chanrong.shared.PageRequest;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo world once (it checks for the {@code admin} user), in one transaction, when demo
 * mode is on. Outside demo mode no default password exists.
 */
@Component
@Order(10)
class DemoLoader implements ApplicationRunner {

    static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final PlatformMode mode;
    private final Users users;
    private final Institutions institutions;
    private final Enterprises enterprises;
    private final EnterpriseDetails details;
    private final Products products;
    private final DemoEconomyLoader economy;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final cn.chanrong.ledger.Ledger ledger;
    private final cn.chanrong.enterprise.StatusLists statusLists;
    private final cn.chanrong.reference.RestrictedLists restrictedLists;
    /** The logins the cast was given, for the log line. */
    private int demoUsers;

    DemoLoader(PlatformMode mode, Users users, Institutions institutions, Enterprises enterprises,
               EnterpriseDetails details, Products products, DemoEconomyLoader economy,
               org.springframework.transaction.support.TransactionTemplate tx, cn.chanrong.ledger.Ledger ledger,
               cn.chanrong.enterprise.StatusLists statusLists, cn.chanrong.reference.RestrictedLists restrictedLists) {
        this.restrictedLists = restrictedLists;
        this.tx = tx;
        this.statusLists = statusLists;
        this.ledger = ledger;
        this.products = products;
        this.economy = economy;
        this.mode = mode;
        this.users = users;
        this.institutions = institutions;
        this.enterprises = enterprises;
        this.details = details;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!mode.demo() || users.exists("admin")) {
            return;
        }
        tx.executeWithoutResult(s -> loadCast());
        // after the cast has committed: the economy's background thread reads committed rows only
        economy.load();
        long count = enterprises.search(Caller.system("demo-loader"), EnterpriseFilter.none(), PageRequest.of(0, 1)).total();
        log.info("Demo world loaded: {} enterprises, {} demo users", count, demoUsers);
    }

    /** The named cast: three banks, the SME and the core enterprise with their logins, a few dozen firms. */
    private void loadCast() {
        Caller demo = Caller.system("demo-loader");
        Institution bank = institutions.register(demo, DemoCodes.enterprise("350100", 9001), "闽江城市商业银行股份有限公司",
                "Minjiang City Commercial Bank Co., Ltd.", InstitutionType.CITY_COMMERCIAL_BANK);
        Institution bank2 = institutions.register(demo, DemoCodes.enterprise("350100", 9002), "海峡农村商业银行股份有限公司",
                "Haixia Rural Commercial Bank Co., Ltd.", InstitutionType.RURAL_COMMERCIAL_BANK);
        institutions.addBranch(demo, bank.id(), "闽江城市商业银行福州分行", "350100");
        institutions.addBranch(demo, bank.id(), "闽江城市商业银行厦门分行", "350200");
        institutions.addBranch(demo, bank.id(), "闽江城市商业银行深圳分行", "440300");
        institutions.addBranch(demo, bank2.id(), "海峡农村商业银行泉州分行", "350500");
        // a national joint-stock bank, head office in Shanghai, present in Fujian and Guangdong: one of the
        // 21 national banks that take part in the tech re-lending, so the re-lending lists are pushed to it
        Institution bank3 = institutions.register(demo, DemoCodes.enterprise("310115", 9003), "启元银行股份有限公司",
                "Qiyuan Bank Co., Ltd.", InstitutionType.JOINT_STOCK_BANK);
        institutions.addBranch(demo, bank3.id(), "启元银行福州分行", "350100");
        institutions.addBranch(demo, bank3.id(), "启元银行厦门分行", "350200");
        institutions.addBranch(demo, bank3.id(), "启元银行广州分行", "440100");
        institutions.addBranch(demo, bank3.id(), "启元银行深圳分行", "440300");
        // the government guarantee chain (国办发〔2019〕6号): a city's government financing-guarantee agency, the
        // province's re-guarantor and the national financing guarantee fund
        Institution agency = institutions.register(demo, DemoCodes.enterprise("350100", 9011), "榕城融资担保有限公司",
                "Rongcheng Financing Guarantee Co., Ltd.", InstitutionType.GOVERNMENT_GUARANTEE_AGENCY);
        Institution reguarantor = institutions.register(demo, DemoCodes.enterprise("350000", 9012), "闽融再担保有限公司",
                "Minrong Re-guarantee Co., Ltd.", InstitutionType.PROVINCIAL_REGUARANTOR);
        Institution fund = institutions.register(demo, DemoCodes.enterprise("110000", 9013), "国家融资担保基金有限责任公司",
                "National Financing Guarantee Fund Co., Ltd.", InstitutionType.NATIONAL_GUARANTEE_FUND);
        // two investors of patient capital (issue 21): a venture-capital manager and a provincial guidance fund
        Institution vc = institutions.register(demo, DemoCodes.enterprise("350100", 9014), "闽江创新创业投资管理有限公司",
                "Minjiang Innovation Venture Capital Management Co., Ltd.", InstitutionType.FUND_VC);
        Institution guidance = institutions.register(demo, DemoCodes.enterprise("350000", 9015), "福建省产业投资引导基金有限公司",
                "Fujian Industrial Investment Guidance Fund Co., Ltd.", InstitutionType.FUND_VC);
        // two financial leasing companies (issue 22): equipment leases filed in the registry
        Institution lessor = institutions.register(demo, DemoCodes.enterprise("350100", 9016), "闽江金融租赁股份有限公司",
                "Minjiang Financial Leasing Co., Ltd.", InstitutionType.FINANCIAL_LEASING);
        Institution lessor2 = institutions.register(demo, DemoCodes.enterprise("440100", 9017), "南粤金融租赁有限公司",
                "Nanyue Financial Leasing Co., Ltd.", InstitutionType.FINANCIAL_LEASING);
        // an insurer underwriting first-of-a-kind equipment (issue 22 §2)
        Institution insurer = institutions.register(demo, DemoCodes.enterprise("350100", 9018), "中闽财产保险股份有限公司",
                "Zhongmin Property Insurance Co., Ltd.", InstitutionType.INSURER);
        for (Institution g : java.util.List.of(agency, reguarantor, fund)) {
            openGuarantorBooks(g.id(), new java.math.BigDecimal(g == fund ? "66100000000.00" : "2000000000.00"));
        }
        // a city commercial bank is a local bank: small-business re-lending and rediscount, not the national
        // banks' re-lending (FACTS §1, institution_policy_tool_eligibility)
        institutions.addPolicyTool(demo, bank.id(), "SMALL_BUSINESS_RELENDING", java.time.LocalDate.of(2024, 1, 1),
                java.time.LocalDate.of(2025, 12, 31));
        institutions.addPolicyTool(demo, bank.id(), "REDISCOUNT", java.time.LocalDate.of(2025, 1, 1), null);
        institutions.addPolicyTool(demo, bank2.id(), "SMALL_BUSINESS_RELENDING", java.time.LocalDate.of(2024, 6, 1), null);
        institutions.addPolicyTool(demo, bank3.id(), "CARBON_REDUCTION", java.time.LocalDate.of(2021, 11, 8), null);
        institutions.addPolicyTool(demo, bank3.id(), "TECH_RELENDING", java.time.LocalDate.of(2024, 4, 7), null);
        institutions.addPolicyTool(demo, bank3.id(), "EQUIPMENT_RENEWAL_SUBSIDY", java.time.LocalDate.of(2024, 3, 7),
                java.time.LocalDate.of(2027, 1, 1));
        for (Institution l : java.util.List.of(lessor, lessor2)) {
            // a leasing company's capital, held at banks: it takes no deposits
            ledger.post(l.id(), java.time.LocalDate.of(2025, 1, 1), "开业资本金 / opening capital", "demo:opening-capital",
                    java.util.List.of(cn.chanrong.ledger.domain.EntryLine.debit("1011", new java.math.BigDecimal("3000000000.00"), null),
                            cn.chanrong.ledger.domain.EntryLine.credit("4001", new java.math.BigDecimal("3000000000.00"), null)),
                    "demo-loader");
        }
        openBooks(bank.id(), new java.math.BigDecimal("5000000000.00"));
        openBooks(bank2.id(), new java.math.BigDecimal("1800000000.00"));
        openBooks(bank3.id(), new java.math.BigDecimal("30000000000.00"));
        Enterprise sme = register(demo, DemoEconomy.SME, 1);
        Enterprise core = register(demo, DemoEconomy.CORE, 2);
        long seed = 100;
        java.util.Map<String, Enterprise> byKey = new java.util.HashMap<>();
        for (DemoEconomy.Firm f : DemoEconomy.OTHERS) {
            byKey.put(f.key(), register(demo, f, seed++));
        }
        DemoDetails.load(demo, details, sme, core, byKey);
        DemoRestrictedList.load(restrictedLists);
        user(demo, "admin", "平台管理员", Role.ADMIN, null, null, Set.of(), null, null);
        user(demo, "regulator", "人民银行（全国）", Role.REGULATOR, null, null, Set.of(), "PBOC", null);
        user(demo, "regulator-gd", "广东省工业和信息化厅", Role.REGULATOR, null, null, Set.of(), "MIIT", "440000");
        // regulators of every kind the read scope tells apart: a financial regulator of a province and of a
        // prefecture, an industry department of the nation
        user(demo, "regulator-fj", "国家金融监督管理总局福建监管局", Role.REGULATOR, null, null, Set.of(), "NFRA", "350000");
        user(demo, "regulator-fz", "中国人民银行福州市分行", Role.REGULATOR, null, null, Set.of(), "PBOC", "350100");
        user(demo, "regulator-miit", "工业和信息化部（全国）", Role.REGULATOR, null, null, Set.of(), "MIIT", null);
        // the finance ministry keeps the interest subsidies and guarantee schemes (issue 19)
        user(demo, "regulator-mof", "财政部（全国）", Role.REGULATOR, null, null, Set.of(), "MOF", null);
        user(demo, "bank", "闽江城商行客户经理", Role.INSTITUTION, null, bank.id(), Set.of("operator"), null, null);
        user(demo, "bank-admin", "闽江城商行系统管理员", Role.INSTITUTION, null, bank.id(), Set.of("institution-admin"), null, null);
        user(demo, "bank-reviewer", "闽江城商行审查人", Role.INSTITUTION, null, bank.id(), Set.of("reviewer"), null, null);
        user(demo, "bank-approver", "闽江城商行审批人", Role.INSTITUTION, null, bank.id(), Set.of("approver"), null, null);
        user(demo, "bank2-approver", "海峡农商行审批人", Role.INSTITUTION, null, bank2.id(), Set.of("approver"), null, null);
        user(demo, "bank2", "海峡农商行客户经理", Role.INSTITUTION, null, bank2.id(), Set.of("operator"), null, null);
        user(demo, "bank3", "启元银行客户经理", Role.INSTITUTION, null, bank3.id(), Set.of("operator"), null, null);
        user(demo, "bank3-approver", "启元银行审批人", Role.INSTITUTION, null, bank3.id(), Set.of("approver"), null, null);
        user(demo, "guarantor", "榕城融资担保审批人", Role.INSTITUTION, null, agency.id(), Set.of("operator", "approver"), null, null);
        user(demo, "reguarantor", "闽融再担保审批人", Role.INSTITUTION, null, reguarantor.id(), Set.of("approver"), null, null);
        user(demo, "nfgf", "国家融资担保基金审批人", Role.INSTITUTION, null, fund.id(), Set.of("approver"), null, null);
        user(demo, "investor", "闽江创投投资总监", Role.INSTITUTION, null, vc.id(), Set.of("operator", "approver"), null, null);
        user(demo, "investor2", "福建产业引导基金投资经理", Role.INSTITUTION, null, guidance.id(), Set.of("operator", "approver"),
                null, null);
        user(demo, "lessor", "闽江金融租赁业务审批人", Role.INSTITUTION, null, lessor.id(), Set.of("operator", "approver"), null,
                null);
        user(demo, "lessor2", "南粤金融租赁业务审批人", Role.INSTITUTION, null, lessor2.id(), Set.of("operator", "approver"), null,
                null);
        user(demo, "insurer", "中闽财险首台套业务审批人", Role.INSTITUTION, null, insurer.id(), Set.of("operator", "approver"),
                null, null);
        user(demo, "enterprise", "精工数控财务经理", Role.ENTERPRISE, sme.id(), null, Set.of(), null, null);
        user(demo, "core", "闽江重装司库", Role.ENTERPRISE, core.id(), null, Set.of(), null, null);
        DemoDetails.verify(statusLists, users.caller("regulator-miit").orElseThrow(), sme, core, byKey);
        DemoProducts.load(products, users.caller("bank").orElseThrow(), users.caller("bank2").orElseThrow(),
                users.caller("bank3").orElseThrow());
    }

    /** A guarantor's opening entry: paid-in capital held as deposits with banks. */
    private void openGuarantorBooks(long book, java.math.BigDecimal capital) {
        ledger.post(book, java.time.LocalDate.of(2025, 1, 1), "开业资本金 / opening capital", "demo:opening-capital",
                java.util.List.of(cn.chanrong.ledger.domain.EntryLine.debit("1011", capital, null),
                        cn.chanrong.ledger.domain.EntryLine.credit("4001", capital, null)), "demo-loader");
    }

    /** Opening entries: paid-in capital held at the central bank, and customer deposits. */
    private void openBooks(long book, java.math.BigDecimal capital) {
        var opening = java.time.LocalDate.of(2025, 1, 1);
        ledger.post(book, opening, "开业资本金 / opening capital", "demo:opening-capital", java.util.List.of(
                cn.chanrong.ledger.domain.EntryLine.debit("1003", capital, null),
                cn.chanrong.ledger.domain.EntryLine.credit("4001", capital, null)), "demo-loader");
        var deposits = capital.multiply(java.math.BigDecimal.valueOf(6));
        ledger.post(book, opening, "吸收存款 / customer deposits", "demo:opening-deposits", java.util.List.of(
                cn.chanrong.ledger.domain.EntryLine.debit("1003", deposits, null),
                cn.chanrong.ledger.domain.EntryLine.credit("2002", deposits, null)), "demo-loader");
    }

    private Enterprise register(Caller demo, DemoEconomy.Firm f, long seed) {
        String code = DemoCodes.enterprise(f.region(), seed);
        return enterprises.register(demo, new ProfileRules.Input(code, f.name(), f.nameEn(), f.region(), f.industry(),
                f.ownership(), f.founded(), f.employees(), new java.math.BigDecimal(f.revenue()), null,
                DemoEconomy.PRODUCTS.getOrDefault(f.key(), java.util.List.of())));
    }

    private void user(Caller demo, String username, String display, Role role, Long enterpriseId, Long institutionId,
                      Set<String> authorities, String department, String region) {
        users.create(new UserDraft(username, PASSWORD, display, role, enterpriseId, institutionId, authorities,
                department, region), demo);
        demoUsers++;
    }
}
