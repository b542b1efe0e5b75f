package cn.chanrong.matching.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.identity.Users;
import cn.chanrong.lending.Facilities;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.LoanApplication;
import cn.chanrong.lending.LoanApplications;
import cn.chanrong.lending.Loans;
import cn.chanrong.matching.Needs;
import cn.chanrong.matching.ProjectLists;
import cn.chanrong.matching.Roadshows;
import cn.chanrong.platform.DemoContributor;
import cn.chanrong.reference.BusinessDate;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's docking: needs from the demo SME (ranked with its consent to use its credit decision) and
 * from manufacturers across the registry, with the bank interested in some; a Guangdong MIIT list of
 * technological-transformation projects pushed three weeks ago to the national bank taking part in the
 * re-lending ({@code bank3}) — contacted, in due diligence, one signed and disbursed as a real loan, one
 * declined, two left overdue; and this month's machine-tools roadshow.
 */
@Component
class MatchingDemoContributor implements DemoContributor {

    private static final Logger log = LoggerFactory.getLogger(MatchingDemoContributor.class);

    private final JdbcClient jdbc;
    private final Users users;
    private final Needs needs;
    private final ProjectLists lists;
    private final Roadshows roadshows;
    private final LoanApplications applications;
    private final Loans loans;
    private final Facilities facilities;
    private final BusinessDate businessDate;

    MatchingDemoContributor(JdbcClient jdbc, Users users, Needs needs, ProjectLists lists, Roadshows roadshows,
                            LoanApplications applications, Loans loans, Facilities facilities, BusinessDate businessDate) {
        this.jdbc = jdbc;
        this.users = users;
        this.needs = needs;
        this.lists = lists;
        this.roadshows = roadshows;
        this.applications = applications;
        this.loans = loans;
        this.facilities = facilities;
        this.businessDate = businessDate;
    }

    @Override
    public int order() {
        return 50;
    }

    private Caller caller(String username) {
        return users.caller(username).orElseThrow(() -> new IllegalStateException("demo user " + username + " missing"));
    }

    private static Caller enterprise(long id) {
        return new Caller("demo-" + id, Role.ENTERPRISE, id, null, null, null, Set.of());
    }

    @Override
    public void contribute(Path economy) {
        if (jdbc.sql("SELECT count(*) FROM financing_need").query(Long.class).single() > 0) {
            return;
        }
        long started = System.nanoTime();
        Caller sme = caller("enterprise");
        Caller bank = caller("bank");
        Random random = new Random(20260115);
        needs.publish(sme, new Needs.Request(new BigDecimal("5000000"), 36, "EQUIPMENT_RENEWAL", List.of(), "NONE", "NORMAL", "ALL",
                List.of(), true));
        List<Long> makers = jdbc.sql("""
                        SELECT id FROM enterprise_party_view WHERE industry_code LIKE 'C%' AND id <> :sme ORDER BY id LIMIT 40""")
                .param("sme", sme.enterpriseId()).query(Long.class).list();
        String[] purposes = {"WORKING_CAPITAL", "EQUIPMENT_RENEWAL", "TECH_TRANSFORMATION", "RD"};
        for (int i = 0; i < makers.size(); i++) {
            Needs.Need n = needs.publish(enterprise(makers.get(i)), new Needs.Request(
                    BigDecimal.valueOf((1 + random.nextInt(60)) * 500_000L), List.of(12, 24, 36, 60).get(random.nextInt(4)),
                    purposes[random.nextInt(purposes.length)], List.of(), i % 3 == 0 ? "COLLATERAL" : "NONE",
                    i % 7 == 0 ? "URGENT" : "NORMAL", "ALL", List.of(), false));
            if (i % 4 == 0) {
                needs.expressInterest(bank, n.id(), null, "客户经理将上门了解 / an officer will visit");
            }
        }
        // a re-lending list goes to the banks taking part in the re-lending: the national bank, not the city bank
        pushedList(caller("bank3"));
        roadshow(bank);
        log.info("Demo docking loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private void pushedList(Caller bank) {
        Caller miit = caller("regulator-gd");
        List<Object[]> firms = jdbc.sql("""
                        SELECT id, credit_code, name FROM enterprise_party_view
                        WHERE region_code LIKE '44%' AND industry_code LIKE 'C%' AND founding_date < CAST(:d AS date) - 1100
                        ORDER BY id LIMIT 6""")
                .param("d", businessDate.today())
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).list();
        if (firms.size() < 6) {
            log.warn("Fewer than 6 Guangdong manufacturers in the demo registry: no project list");
            return;
        }
        StringBuilder csv = new StringBuilder("batch_no,list_type,credit_code,enterprise_name,project_name,investment,financing_needed\n");
        String[] projects = {"数控机床产线智能化改造", "车间数字化改造", "高端装备更新", "绿色工厂节能改造", "工业互联网平台建设",
                "关键工序设备更新"};
        for (int i = 0; i < firms.size(); i++) {
            csv.append(YearMonth.from(businessDate.today()).getYear()).append("-GD-01,TECH_TRANSFORMATION,")
                    .append(firms.get(i)[1]).append(',').append(firms.get(i)[2]).append(',').append(projects[i]).append(',')
                    .append((i + 2) * 10_000_000).append(',').append((i + 2) * 4_000_000).append('\n');
        }
        ProjectLists.Imported imported = lists.importList(miit, csv.toString().getBytes(StandardCharsets.UTF_8), "UTF-8", 10);
        if (!imported.report().accepted()) {
            log.warn("Demo project list refused: {}", imported.report().errors());
            return;
        }
        long listId = imported.list().id();
        // the list went out three weeks ago: its pushes and their contact days move back with it
        LocalDate today = businessDate.today();
        int back = 21;
        jdbc.sql("UPDATE project_list SET issued_on = issued_on - :b WHERE id = :l").param("b", back).param("l", listId).update();
        jdbc.sql("""
                        UPDATE project_push p SET pushed_on = pushed_on - :b, contact_due = contact_due - :b
                        FROM project_item i WHERE i.id = p.item_id AND i.list_id = :l""")
                .param("b", back).param("l", listId).update();
        jdbc.sql("""
                        UPDATE project_push_step s SET on_date = on_date - :b
                        FROM project_item i WHERE i.id = s.item_id AND i.list_id = :l""")
                .param("b", back).param("l", listId).update();
        List<ProjectLists.Item> items = lists.items(bank, listId, null, cn.chanrong.shared.PageRequest.of(0, 50)).items();
        if (items.size() < 6) {
            log.warn("The demo bank was pushed {} items, not 6", items.size());
            return;
        }
        lists.advance(bank, items.get(0).id(), new ProjectLists.StepRequest("CONTACTED", today.minusDays(18), null, null,
                null, "电话联系企业财务负责人 / called the finance manager"));
        lists.advance(bank, items.get(1).id(), new ProjectLists.StepRequest("DUE_DILIGENCE", today.minusDays(15), null,
                null, null, "已赴企业现场尽调 / on-site due diligence"));
        ProjectLists.Item signed = items.get(2);
        lists.advance(bank, signed.id(), new ProjectLists.StepRequest("CONTACTED", today.minusDays(19), null, null, null, null));
        lists.advance(bank, signed.id(), new ProjectLists.StepRequest("SIGNED", today.minusDays(8), new BigDecimal("3000000"), null, null,
                "技术改造专项贷合同已签 / loan contract signed"));
        long loanId = disburse(bank, signed.enterpriseId(), today.minusDays(5));
        lists.advance(bank, signed.id(), new ProjectLists.StepRequest("DISBURSED", today.minusDays(5), null, loanId, null,
                null));
        lists.advance(bank, items.get(3).id(), new ProjectLists.StepRequest("DECLINED", today.minusDays(12), null, null,
                "FINANCED_ELSEWHERE", "企业已获他行贷款 / already financed by another bank"));
    }

    /**
     * The signed project's loan at the national bank, made as any loan is: application, investigation and
     * approval (3 M is within the platform's two-step limit), contract, disbursement.
     */
    private long disburse(Caller officer, long borrower, LocalDate on) {
        long product = jdbc.sql("SELECT id FROM product_view WHERE code = 'QY-JGSB-01'").query(Long.class).single();
        long facility = facilities.open(caller("bank3-approver"), new Facilities.Request(borrower, new BigDecimal("6000000.00"), false,
                on.minusDays(10), on.plusYears(4))).id();
        LoanApplications.Request request = new LoanApplications.Request(product, borrower, facility,
                new BigDecimal("3000000.00"), 36, "LPR_1Y", null, 35, "EQUAL_PRINCIPAL", null, "TECH_TRANSFORMATION", "SELF");
        // a technological transformation is a fixed-asset loan: the project's total investment is stated
        LoanApplication a = applications.submit(officer, new LoanApplications.Request(request.productId(),
                request.borrowerId(), request.facilityId(), request.amount(), request.termMonths(), request.rateType(),
                request.fixedRate(), request.spreadBp(), request.method(), request.dayCount(), request.purpose(),
                request.paymentMode(), request.paymentDay(), request.frequency(), request.graceMonths(),
                request.principalPlan(), request.firstLoanDeclared(), request.greenCatalogueCode(),
                new BigDecimal("80000000.00"), null));
        applications.act(officer, a.id(), "PASS", "技改项目在清单内，设备合同已核验 / listed project, equipment contracts checked");
        applications.act(caller("bank3-approver"), a.id(), "PASS", "同意 / approved");
        Loan l = loans.contract(officer, a.id());
        return loans.disburse(officer, l.id(), on, (String) null).id();
    }

    private void roadshow(Caller bank) {
        Caller miit = caller("regulator-gd");
        Roadshows.Roadshow r = roadshows.create(miit, new Roadshows.Request("MACHINE_TOOLS",
                YearMonth.from(businessDate.today()).toString(), "工业母机产业链融资路演 / Machine-tools chain roadshow", null));
        List<Long> presenters = jdbc.sql("""
                        SELECT e.id FROM enterprise_party_view e JOIN enterprise_chain_tag_view t ON t.enterprise_id = e.id
                        WHERE t.tag = 'MACHINE_TOOLS' ORDER BY e.id LIMIT 4""").query(Long.class).list();
        for (int i = 0; i < presenters.size(); i++) {
            roadshows.apply(enterprise(presenters.get(i)), r.id(), "五轴联动数控系统国产化 / domestic five-axis CNC",
                    BigDecimal.valueOf((i + 1) * 5_000_000L));
            if (i < 3) {
                roadshows.registerInterest(bank, r.id(), presenters.get(i), BigDecimal.valueOf((i + 1) * 4_000_000L));
            }
        }
        if (!presenters.isEmpty()) {
            roadshows.recordSigned(bank, r.id(), presenters.get(0), new BigDecimal("3000000"));
        }
    }
}
