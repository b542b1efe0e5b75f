package cn.chanrong.warning.internal;

import cn.chanrong.enterprise.Enterprise;
import cn.chanrong.enterprise.Enterprises;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Users;
import cn.chanrong.lending.Loans;
import cn.chanrong.platform.DemoContributor;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Upload;
import cn.chanrong.warning.WarningLists;
import cn.chanrong.warning.domain.ExposureAction;
import cn.chanrong.warning.domain.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's shared high-risk list: NFRA's Fujian office published twelve days before the business date, five working
 * days to answer, a list of two Fujian borrowers — one of the city commercial bank, one of the rural commercial bank —
 * under investigation for inflated sales; the rural bank answered within the days, the city bank only on the business
 * date, late.
 */
@Component
class WarningDemoContributor implements DemoContributor {

    private static final Logger log = LoggerFactory.getLogger(WarningDemoContributor.class);

    private final WarningListService lists;
    private final Users users;
    private final Loans loans;
    private final Enterprises enterprises;
    private final BusinessDate businessDate;
    private final WarningSignalService signals;
    private final CoachingService coaching;
    private final ScenarioService scenarios;

    WarningDemoContributor(WarningListService lists, Users users, Loans loans, Enterprises enterprises,
                           BusinessDate businessDate, WarningSignalService signals, CoachingService coaching,
                           ScenarioService scenarios) {
        this.coaching = coaching;
        this.scenarios = scenarios;
        this.signals = signals;
        this.lists = lists;
        this.users = users;
        this.loans = loans;
        this.enterprises = enterprises;
        this.businessDate = businessDate;
    }

    @Override
    public int order() {
        // after the loan books and the policy demo
        return 80;
    }

    @Override
    public void contribute(Path economy) {
        coachingCase();
        coreDefault();
        var nfra = users.caller("regulator-fj").orElse(null);
        var city = users.caller("bank").orElse(null);
        var rural = users.caller("bank2").orElse(null);
        if (nfra == null || city == null || rural == null || lists.lists(nfra, PageRequest.of(0, 1)).total() > 0) {
            return;
        }
        Enterprise a = fujianBorrower(city, -1);
        Enterprise b = fujianBorrower(rural, a == null ? -1 : a.id());
        if (a == null || b == null) {
            log.info("Demo warning list not published: no Fujian borrower at each bank");
            return;
        }
        LocalDate today = businessDate.today();
        String csv = WarningLists.COLUMNS + "\n" + a.creditCode() + ",,涉嫌虚增销售收入，经营现金流与开票金额严重背离\n"
                + b.creditCode() + ",年产2万吨再生铝项目,项目环评未通过即开工建设\n";
        var published = lists.publish(nfra, new WarningLists.Publish("福建辖内高风险企业提示（第一批）",
                        "联合排查发现的财务造假和违规建设线索，请各机构核查敞口并报告处置措施", Severity.HIGH, false, 5),
                Upload.of(csv.getBytes(StandardCharsets.UTF_8)), null, today.minusDays(12));
        if (published.list() == null) {
            log.warn("Demo warning list refused: {}", published.report().errors());
            return;
        }
        long id = published.list().id();
        var dueOn = published.list().dueOn();
        for (var x : lists.exposures(rural, id, "OPEN", PageRequest.of(0, 50)).items()) {
            lists.answer(rural, x.id(), new WarningLists.Answer(ExposureAction.MONITOR,
                    "已核查：借款人按期付息，暂停新增授信，每周跟踪其账户流水"), dueOn.minusDays(1));
        }
        for (var x : lists.exposures(city, id, "OPEN", PageRequest.of(0, 50)).items()) {
            lists.answer(city, x.id(), new WarningLists.Answer(ExposureAction.REDUCE,
                    "已冻结未用授信额度，要求借款人补充抵押并提前归还部分本金"), today);
        }
        // the court records behind the first entry, as the central bank imports them from the public registers
        var pboc = users.caller("regulator").orElse(null);
        if (pboc != null) {
            String records = cn.chanrong.warning.WarningSignals.COLUMNS + "\n"
                    + "LITIGATION," + a.creditCode() + ",买卖合同纠纷，原告主张货款 86 万元（演示）,中国裁判文书网," + today.minusDays(70) + ",\n"
                    + "ENFORCEMENT," + a.creditCode() + ",（演示）执行标的 112 万元,中国执行信息公开网," + today.minusDays(30) + ",\n";
            var imported = signals.importPublicRecords(pboc, Upload.of(records.getBytes(StandardCharsets.UTF_8)), null);
            if (!imported.accepted()) {
                log.warn("Demo public records refused: {}", imported.errors());
            }
        }
        log.info("Demo warning list {}: {} exposures, due {}", published.list().number(), published.list().exposures(), dueOn);
    }

    /**
     * The Guangdong bureau's coaching case for the firm whose pushed project the national bank financed: opened sixty days
     * before the business date with two requirements — the project's environmental approval, missing until the bureau
     * obtained it, and the bank's credit investigation, supplied by the bank whose specialist is stationed at the firm —,
     * an expert's support, and the loan paid out linked as its outcome.
     */
    private void coachingCase() {
        var bureau = users.caller("regulator-gd").orElse(null);
        var bank = users.caller("bank3").orElse(null);
        var approver = users.caller("bank3-approver").orElse(null);
        if (bureau == null || bank == null || approver == null
                || coaching.list(bureau, null, PageRequest.of(0, 1)).total() > 0) {
            return;
        }
        Caller system = Caller.system("warning-demo");
        var loan = loans.search(bank, new Loans.Filter("ACTIVE", null, null, null), PageRequest.of(0, 200)).items().stream()
                .filter(l -> {
                    var e = enterprises.get(system, l.borrowerId());
                    return e.regionCode() != null && e.regionCode().startsWith("44");
                }).findFirst().orElse(null);
        if (loan == null) {
            log.info("Demo coaching case not opened: no Guangdong borrower of the national bank");
            return;
        }
        LocalDate today = businessDate.today();
        Enterprise firm = enterprises.get(system, loan.borrowerId());
        try {
            var opened = coaching.open(bureau, new cn.chanrong.warning.CoachingCases.Open(firm.creditCode(),
                    "智能产线技术改造项目", new java.math.BigDecimal("30000000.00"), today.plusDays(30), java.util.List.of(
                            new cn.chanrong.warning.CoachingCases.ItemDraft("项目环评批复",
                                    cn.chanrong.warning.CoachingCases.Supplier.OFFICE, today.minusDays(40)),
                            new cn.chanrong.warning.CoachingCases.ItemDraft("授信调查报告",
                                    cn.chanrong.warning.CoachingCases.Supplier.INSTITUTION, today.minusDays(30)))),
                    today.minusDays(60));
            var expert = coaching.registerExpert(bureau, new cn.chanrong.warning.CoachingCases.Expert(0, "陈立伟（演示）",
                    "华南理工大学机械与汽车工程学院", "智能制造；工业母机", null));
            var specialist = coaching.registerSpecialist(approver, "林晓（演示）", firm.creditCode(), null);
            coaching.assign(bureau, opened.id(), specialist.id());
            for (var item : opened.items()) {
                coaching.supply(item.supplier() == cn.chanrong.warning.CoachingCases.Supplier.OFFICE ? bureau : bank, item.id());
            }
            coaching.review(bureau, opened.id(), expert.id(), false, cn.chanrong.warning.CoachingCases.Recommendation.SUPPORT,
                    "产线改造方案可行，产能与订单匹配，建议支持");
            coaching.outcome(bureau, opened.id(), loan.number());
            log.info("Demo coaching case {} for {}: financed by {}", opened.number(), firm.name(), loan.number());
        } catch (cn.chanrong.shared.Rejected r) {
            log.warn("Demo coaching case not completed: {}", r.rejections());
        }
    }

    /**
     * The central bank's stress scenario: the core enterprise (Minjiang Heavy Equipment) defaults; its suppliers that
     * depend on it — the demo SME, the Changsha and Changzhou parts makers — and the SME's own small supplier in Fuzhou
     * are stressed, and every lender sees its loans to them with the path.
     */
    private void coreDefault() {
        var pboc = users.caller("regulator").orElse(null);
        var core = users.caller("core").orElse(null);
        if (pboc == null || core == null || core.enterpriseId() == null || scenarios.scenarios(pboc, PageRequest.of(0, 100))
                .items().stream().anyMatch(s -> s.runBy().equals(pboc.username()))) {
            return;
        }
        Enterprise e = enterprises.get(Caller.system("warning-demo"), core.enterpriseId());
        try {
            var s = scenarios.run(pboc, new cn.chanrong.warning.StressScenarios.Run(
                    cn.chanrong.warning.domain.ScenarioKind.ENTERPRISE_DEFAULT, e.name() + "违约情景（演示）", e.creditCode(), null,
                    null, null, null, null), businessDate.today());
            log.info("Demo stress scenario {}: {} firms stressed in {} rounds", s.number(), s.stressed(), s.rounds());
        } catch (cn.chanrong.shared.Rejected r) {
            log.warn("Demo stress scenario not run: {}", r.rejections());
        }
    }

    /** A Fujian borrower with a loan outstanding at the caller's bank, other than {@code not}; null when none. */
    private Enterprise fujianBorrower(Caller bank, long not) {
        Caller system = Caller.system("warning-demo");
        for (var l : loans.search(bank, new Loans.Filter("ACTIVE", null, null, null), PageRequest.of(0, 200)).items()) {
            if (l.borrowerId() == not) {
                continue;
            }
            Enterprise e = enterprises.get(system, l.borrowerId());
            if (e.regionCode() != null && e.regionCode().startsWith("35")) {
                return e;
            }
        }
        return null;
    }
}
