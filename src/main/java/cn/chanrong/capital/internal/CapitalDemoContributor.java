package cn.chanrong.capital.internal;

import cn.chanrong.capital.EquityDeals;
import cn.chanrong.capital.Investors;
import cn.chanrong.capital.domain.DealStage;
import cn.chanrong.capital.domain.InvestmentStage;
import cn.chanrong.capital.domain.InvestorKind;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Users;
import cn.chanrong.platform.DemoContributor;
import cn.chanrong.reference.BusinessDate;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's patient capital: a venture-capital manager and the province's guidance fund, verified, each with a mandate;
 * the demo SME's Series B need, presented at this month's machine-tools roadshow, closed by the venture-capital manager
 * through NDA, due diligence and a term sheet; the guidance fund's look at another firm, declined with its reason.
 */
@Component
class CapitalDemoContributor implements DemoContributor {

    private static final Logger log = LoggerFactory.getLogger(CapitalDemoContributor.class);

    private final CapitalService capital;
    private final CapitalStore store;
    private final Users users;
    private final BusinessDate businessDate;

    CapitalDemoContributor(CapitalService capital, CapitalStore store, Users users, BusinessDate businessDate) {
        this.capital = capital;
        this.store = store;
        this.users = users;
        this.businessDate = businessDate;
    }

    @Override
    public int order() {
        // after the matching demo's roadshow
        return 85;
    }

    @Override
    public void contribute(Path economy) {
        var vc = users.caller("investor").orElse(null);
        var fund = users.caller("investor2").orElse(null);
        var sme = users.caller("enterprise").orElse(null);
        var admin = Caller.system("demo-loader");
        if (vc == null || fund == null || sme == null || store.investor(vc.institutionId()).isPresent()) {
            return;
        }
        LocalDate today = businessDate.today();
        capital.register(vc, new Investors.Register(InvestorKind.VC_PE_MANAGER, "P1099001"));
        capital.register(fund, new Investors.Register(InvestorKind.GUIDANCE_FUND, null));
        capital.verify(admin, vc.institutionId());
        capital.verify(admin, fund.institutionId());
        capital.addMandate(vc, new Investors.MandateDraft("硬科技成长基金（演示）",
                Set.of(InvestmentStage.SERIES_A, InvestmentStage.SERIES_B, InvestmentStage.SERIES_C),
                Set.of("MACHINE_TOOLS", "IC", "INDUSTRIAL_SOFTWARE"), Set.of("350000", "440000"),
                new BigDecimal("10000000.00"), new BigDecimal("80000000.00"), 7));
        capital.addMandate(fund, new Investors.MandateDraft("专精特新早期子基金（演示）",
                Set.of(InvestmentStage.ANGEL, InvestmentStage.SERIES_A), Set.of(), Set.of("350000"),
                new BigDecimal("3000000.00"), new BigDecimal("30000000.00"), 10));
        var need = capital.publish(sme, new EquityDeals.NeedDraft(new BigDecimal("40000000.00"),
                new BigDecimal("280000000.00"), InvestmentStage.SERIES_B, "五轴联动数控系统研发与产线扩建",
                EquityDeals.Disclosure.ALL_QUALIFIED, List.of()), today.minusDays(90));
        Long roadshow = store.roadshowOf(sme.enterpriseId()).orElse(null);
        String code = creditCode(sme.enterpriseId());
        var deal = capital.open(vc, new EquityDeals.Open(code, need.id(), roadshow, "B轮"), today.minusDays(75));
        capital.move(vc, deal.id(), new EquityDeals.Move(DealStage.NDA, null, null, null, null, null), today.minusDays(60));
        capital.move(vc, deal.id(), new EquityDeals.Move(DealStage.DUE_DILIGENCE, null, null, null, null, null),
                today.minusDays(45));
        capital.move(vc, deal.id(), new EquityDeals.Move(DealStage.TERM_SHEET, null, null, null, null, null),
                today.minusDays(20));
        capital.move(vc, deal.id(), new EquityDeals.Move(DealStage.INVESTED, new BigDecimal("40000000.00"),
                new BigDecimal("12.5"), new BigDecimal("320000000.00"), today.minusDays(5), null), today.minusDays(5));
        var core = users.caller("core").orElse(null);
        if (core != null) {
            var look = capital.open(fund, new EquityDeals.Open(creditCode(core.enterpriseId()), null, null, null),
                    today.minusDays(40));
            capital.move(fund, look.id(), new EquityDeals.Move(DealStage.DECLINED, null, null, null, null,
                    "企业处于成熟期，不属于子基金投早、投小的投资范围"), today.minusDays(30));
        }
        log.info("Demo capital: two investors, need {}, deal {} invested", need.number(), deal.number());
    }

    private String creditCode(long enterpriseId) {
        return store.creditCode(enterpriseId);
    }
}
