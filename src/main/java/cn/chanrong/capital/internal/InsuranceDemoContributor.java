package cn.chanrong.capital.internal;

import cn.chanrong.capital.Insurance;
import cn.chanrong.capital.domain.InsuranceScheme;
import cn.chanrong.identity.Users;
import cn.chanrong.platform.DemoContributor;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's first-of-a-kind insurance: the industry department's catalogue names the demo SME's five-axis machining
 * centre (a demonstration entry); 中闽财险 insures the first unit for a year at 2.8 %; the maker claims the central
 * premium subsidy, the industry department confirms it and the finance department pays it.
 */
@Component
class InsuranceDemoContributor implements DemoContributor {

    private static final Logger log = LoggerFactory.getLogger(InsuranceDemoContributor.class);

    private final InsuranceService insurance;
    private final LeaseStore parties;
    private final Users users;
    private final BusinessDate businessDate;

    InsuranceDemoContributor(InsuranceService insurance, LeaseStore parties, Users users, BusinessDate businessDate) {
        this.insurance = insurance;
        this.parties = parties;
        this.users = users;
        this.businessDate = businessDate;
    }

    @Override
    public int order() {
        return 88;
    }

    @Override
    public void contribute(Path economy) {
        var insurer = users.caller("insurer").orElse(null);
        var sme = users.caller("enterprise").orElse(null);
        var miit = users.caller("regulator-miit").orElse(null);
        var mof = users.caller("regulator-mof").orElse(null);
        if (insurer == null || sme == null || miit == null || mof == null
                || !insurance.policies(insurer, PageRequest.of(0, 1)).items().isEmpty()) {
            return;
        }
        LocalDate today = businessDate.today();
        String maker = parties.creditCode(sme.enterpriseId());
        var item = insurance.addCatalogueItem(miit, new Insurance.CatalogueDraft(InsuranceScheme.FIRST_SET,
                "2024年版（演示）", "1.3.12", "五轴联动立式加工中心", maker, LocalDate.of(2024, 9, 1), null));
        LocalDate start = today.minusDays(150);
        var policy = insurance.issue(insurer, new Insurance.PolicyDraft(maker, InsuranceScheme.FIRST_SET, item.code(),
                "五轴联动立式加工中心 JGSK-VMC5X 首台（出厂编号 2025-001）", new BigDecimal("12000000.00"), new BigDecimal("2.8"),
                start, start.plusYears(1)), start);
        var claim = insurance.claimSubsidy(sme, policy.id(), today.minusDays(140));
        insurance.review(miit, claim.id(), Insurance.Decision.CONFIRM, null, today.minusDays(120));
        insurance.review(mof, claim.id(), Insurance.Decision.PAY, null, today.minusDays(90));
        log.info("Demo insurance: policy {} premium {}, subsidy {} paid", policy.number(), policy.premium(), claim.amount());
    }
}
