package cn.chanrong.credit;

import cn.chanrong.credit.decision.Reason;
import cn.chanrong.credit.decision.Terms;
import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code decide(enterprise, terms)}: a reproducible, explained credit decision for an enterprise whose
 * cash-flow data the caller may read. Lending's applications and matching's needs call the same
 * method; the decision is stored with the model version and every input.
 */
public interface CreditDecisions {

    record Decision(long id, long enterpriseId, String enterpriseName, Long institutionId, long modelId, String modelName,
                    int modelVersion, String segment, Terms terms, int score, double probabilityOfDefault, String grade,
                    int spreadBps, BigDecimal recommendedLimit, String limitMethod, String outcome, List<Reason> reasons,
                    Map<String, Object> inputs, String decidedBy, Instant decidedAt, OfficerOverride override) {
    }

    /** An officer's override of the outcome, with the reason. */
    record OfficerOverride(String outcome, String reason, String by, Instant at) {
    }

    /** The decision recomputed from its stored inputs and model, and whether it came out the same. */
    record Reproduction(long decisionId, int storedScore, int score, String storedOutcome, String outcome, boolean same) {
    }

    Decision decide(Caller caller, long enterpriseId, Terms terms);

    Decision get(Caller caller, long id);

    Page<Decision> list(Caller caller, Long enterpriseId, PageRequest page);

    Decision override(Caller caller, long id, String outcome, String reason);

    Reproduction reproduce(Caller caller, long id);
}
