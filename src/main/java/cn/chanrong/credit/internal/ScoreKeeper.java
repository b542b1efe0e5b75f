package cn.chanrong.credit.internal;

import cn.chanrong.cashflow.StatementImported;
import cn.chanrong.credit.decision.RatingScale;
import cn.chanrong.credit.scorecard.Scorecard;
import cn.chanrong.enterprise.EnterpriseDetails;
import cn.chanrong.enterprise.EnterpriseFacts;
import cn.chanrong.identity.Caller;
import cn.chanrong.reference.BusinessDate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps an enterprise's features and score current: a new statement recomputes both (an idempotent
 * upsert, so a redelivered event changes nothing) and logs how long it took.
 */
@Component
class ScoreKeeper {

    private static final Logger log = LoggerFactory.getLogger(ScoreKeeper.class);

    private final InputsService inputs;
    private final ModelRegistry models;
    private final EnterpriseDetails details;
    private final BusinessDate businessDate;
    private final FeatureStore features;

    ScoreKeeper(InputsService inputs, ModelRegistry models, EnterpriseDetails details, BusinessDate businessDate,
                FeatureStore features) {
        this.inputs = inputs;
        this.models = models;
        this.details = details;
        this.businessDate = businessDate;
        this.features = features;
    }

    @ApplicationModuleListener
    void on(StatementImported imported) {
        refresh(imported.enterpriseId());
    }

    void refresh(long enterpriseId) {
        long started = System.nanoTime();
        InputsService.Inputs in = inputs.compute(enterpriseId);
        EnterpriseFacts facts = details.facts(Caller.system("credit"), enterpriseId);
        var live = models.championFor(facts, businessDate.today());
        if (live.isEmpty()) {
            return;
        }
        Scorecard.Result r = live.get().card().score(in.values(), 3);
        features.updateScore(enterpriseId, live.get().model().id(), r.score(),
                BigDecimal.valueOf(r.probabilityOfDefault()).setScale(6, RoundingMode.HALF_UP), RatingScale.of(r.probabilityOfDefault()).code(),
                businessDate.today());
        log.info("Features and score of enterprise {} recomputed in {} ms: score {}", enterpriseId,
                (System.nanoTime() - started) / 1_000_000, r.score());
    }
}
