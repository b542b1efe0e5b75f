package cn.chanrong.credit.internal;

import cn.chanrong.credit.CreditReports;
import cn.chanrong.credit.decision.RatingScale;
import cn.chanrong.credit.decision.Segments;
import cn.chanrong.credit.rules.EvaluationInputs;
import cn.chanrong.credit.rules.GrowthStage;
import cn.chanrong.credit.rules.RuleEvaluations;
import cn.chanrong.credit.scorecard.Scorecard;
import cn.chanrong.enterprise.EnterpriseDetails;
import cn.chanrong.enterprise.EnterpriseFacts;
import cn.chanrong.enterprise.domain.AnnualStatement;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Consents;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds credit reports from the same inputs and models decisions use. */
@Service
class ReportService implements CreditReports {

    private final Consents consents;
    private final InputsService inputs;
    private final ModelRegistry models;
    private final EnterpriseDetails details;
    private final BusinessDate businessDate;
    private final EnterpriseViewStore enterprises;

    ReportService(Consents consents, InputsService inputs, ModelRegistry models, EnterpriseDetails details, BusinessDate businessDate,
                  EnterpriseViewStore enterprises) {
        this.consents = consents;
        this.inputs = inputs;
        this.models = models;
        this.details = details;
        this.businessDate = businessDate;
        this.enterprises = enterprises;
    }

    @Override
    @Transactional
    public Report report(Caller caller, long enterpriseId) {
        consents.requireRead(caller, enterpriseId, "credit report");
        Caller system = Caller.system("credit");
        EnterpriseFacts facts = details.facts(system, enterpriseId);
        String segment = Segments.of(facts.industryCode());
        ModelRegistry.Live model = models.championFor(facts, businessDate.today())
                .orElseThrow(() -> Rejected.conflict(Rejection.of("credit.model.none", null, segment)));
        InputsService.Inputs in = inputs.compute(enterpriseId);
        Scorecard.Result r = model.card().score(in.values(), 5);
        List<String> improve = r.reasons().stream().map(Scorecard.Reason::characteristic).toList();
        String name = enterprises.name(enterpriseId);
        return new Report(enterpriseId, name, in.asOf(), segment, model.model().id(), model.model().version(), r.score(),
                r.probabilityOfDefault(), RatingScale.of(r.probabilityOfDefault()).code(),
                DecisionService.scoreReasons(r), improve, InputsService.finite(in.values()), r.points(),
                evaluations(system, enterpriseId, facts), in.monthlyIn(), in.monthlyOut());
    }

    /** Inconsistent statements (say, more R&D staff than employees) leave the rule evaluations out rather than fail the report. */
    List<cn.chanrong.credit.rules.Evaluation> evaluations(Caller system, long enterpriseId, EnterpriseFacts facts) {
        try {
            return RuleEvaluations.all(ruleInputs(system, enterpriseId, facts), Map.of());
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private EvaluationInputs ruleInputs(Caller system, long enterpriseId, EnterpriseFacts facts) {
        List<AnnualStatement> years = details.statements(system, enterpriseId).stream()
                .sorted(Comparator.comparingInt(AnnualStatement::year).reversed()).toList();
        EvaluationInputs.Builder b = EvaluationInputs.builder().employees(facts.employees())
                .growthStage(GrowthStage.valueOf(facts.growthStage()))
                // the direct route needs high-tech status as its list verifies it; the product's field is as declared,
                // for the regulator who confirms the suggestion to check
                .highTechEnterprise(facts.verifiedQualifications().contains("HIGH_TECH"))
                .inStrategicEmergingIndustry(!facts.declaredChainTags().isEmpty());
        if (!years.isEmpty()) {
            AnnualStatement y = years.getFirst();
            b.revenue(y.revenue()).mainBusinessRevenue(y.mainBusinessRevenue()).rdExpense(y.rdExpense()).rdStaff(y.rdStaff())
                    .netProfit(y.netProfit()).totalAssets(y.totalAssets()).totalLiabilities(y.totalLiabilities()).ipClass1(y.ipClass1())
                    .ipClass2(y.ipClass2());
        }
        if (years.size() > 1) {
            b.revenueLastYear(years.get(1).revenue()).rdExpenseLastYear(years.get(1).rdExpense());
        }
        if (years.size() > 2) {
            b.revenueTwoYearsAgo(years.get(2).revenue());
        }
        return b.build();
    }
}
