package cn.chanrong.credit.internal;

import cn.chanrong.cashflow.CashFlows;
import cn.chanrong.cashflow.domain.CounterpartyCategory;
import cn.chanrong.credit.features.CreditInputs;
import cn.chanrong.credit.features.FeatureEngine;
import cn.chanrong.credit.features.TxnBlock;
import cn.chanrong.reference.BusinessDate;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * An enterprise's model inputs as of the end of the last complete month: cash-flow features from its
 * stored transactions plus tax and bureau facts. Kept in {@code credit_features} and recomputed when
 * a statement is imported ({@link ScoreKeeper}).
 */
@Service
class InputsService {

    /** Inputs with their as-of date and the monthly series the report charts. */
    record Inputs(LocalDate asOf, Map<String, Object> values, CreditInputs.Outside outside, double[] monthlyIn,
                  double[] monthlyOut) {
    }

    private final CashFlows cashFlows;
    private final OutsideFactsStore outside;
    private final BusinessDate businessDate;
    private final FeatureStore features;
    private final JsonMapper json;

    InputsService(CashFlows cashFlows, OutsideFactsStore outside, BusinessDate businessDate, FeatureStore features,
                  JsonMapper json) {
        this.cashFlows = cashFlows;
        this.outside = outside;
        this.businessDate = businessDate;
        this.features = features;
        this.json = json;
    }

    /** The last day of the month before the business date. */
    LocalDate asOf() {
        return businessDate.today().withDayOfMonth(1).minusDays(1);
    }

    @Transactional
    Inputs compute(long enterpriseId) {
        LocalDate asOf = asOf();
        List<CashFlows.Transaction> flows = cashFlows.flowsForEvaluation(enterpriseId, asOf.withDayOfMonth(1).minusMonths(23), asOf);
        TxnBlock.Builder b = new TxnBlock.Builder();
        Map<String, Integer> parties = new HashMap<>();
        for (CashFlows.Transaction t : flows) {
            String key = t.counterpartyAccount() != null ? t.counterpartyAccount() : t.counterpartyName();
            int party = key == null ? -1 : parties.computeIfAbsent(key, k -> parties.size());
            CounterpartyCategory cat = CounterpartyCategory.valueOf(t.category());
            byte flags = (byte) ((t.roundTrip() ? TxnBlock.ROUND_TRIP : 0)
                    | (t.remittance() != null && t.remittance().matches(".*(退票|退汇|退回|[Rr]eturned).*") ? TxnBlock.RETURNED : 0));
            b.add(t.bookingDate(), t.amount().movePointRight(2).longValueExact(), cat, party, flags, t.weight().floatValue());
        }
        FeatureEngine engine = new FeatureEngine(asOf);
        double[] f = engine.compute(b.next().build(), 0, cashFlows.balanceFen(enterpriseId));
        CreditInputs.Outside facts = outside.asOf(enterpriseId, asOf);
        Map<String, Object> values = CreditInputs.of(f, facts);
        features.upsertFeatures(enterpriseId, asOf, json.writeValueAsString(finite(values)));
        double[][] monthly = engine.lastMonthly();
        return new Inputs(asOf, values, facts, monthly[0], monthly[1]);
    }

    static Map<String, Object> finite(Map<String, Object> values) {
        Map<String, Object> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
        return m;
    }
}
