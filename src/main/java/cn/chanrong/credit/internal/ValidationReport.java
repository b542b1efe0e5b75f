package cn.chanrong.credit.internal;

import cn.chanrong.credit.scorecard.Validation;
import cn.chanrong.credit.simulation.ModelDevelopment;
import cn.chanrong.credit.simulation.Population;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The validation report stored with a model: data, in-time and out-of-time figures, stability and ownership. */
final class ValidationReport {

    private ValidationReport() {
    }

    static Map<String, Object> of(Population p, ModelDevelopment.Result r, ModelDevelopment.SegmentModel m, int firms) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("data", Map.of("source", "demo simulation (docs/CREDIT.md)", "firms", firms, "firmYears", p.year().length,
                "badRate", (double) p.data().bads() / p.data().size(), "trainYears", "2021-2023", "testYear", r.testYear(),
                "defaultDefinition", "90+ days past due or classified 次级 or worse within 12 months of the observation date"));
        v.put("segment", m.segment());
        v.put("training", Map.of("rows", m.trainRows(), "bads", m.trainBads()));
        v.put("inTime", figures(r.inTime()));
        v.put("outOfTime", m.outOfTime() == null ? null : figures(m.outOfTime()));
        v.put("outOfTimeAllSegments", figures(r.outOfTime()));
        v.put("psi", r.psi());
        v.put("ownership", r.ownership());
        v.put("fallbacks", r.fallbacks());
        return v;
    }

    static Map<String, Object> figures(Validation v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", v.rows());
        m.put("bads", v.bads());
        m.put("auc", v.auc());
        m.put("ks", v.ks());
        m.put("gini", v.gini());
        m.put("brier", v.brier());
        List<Map<String, Object>> cal = v.calibration().stream().map(c -> Map.<String, Object>of("rows", c.rows(), "bads", c.bads(),
                "predicted", c.meanPredicted(), "observed", c.observed())).toList();
        m.put("calibration", cal);
        return m;
    }
}
