package cn.chanrong.cli;

import cn.chanrong.credit.scorecard.Validation;
import cn.chanrong.credit.simulation.ModelDevelopment;
import cn.chanrong.credit.simulation.Population;
import java.util.Locale;
import java.util.TreeMap;

/** The demo model's development report: data, models, in-time and out-of-time figures, stability, ownership. */
final class DemoReport {

    private DemoReport() {
    }

    static String text(Population p, ModelDevelopment.Result r) {
        StringBuilder sb = new StringBuilder();
        TreeMap<Integer, int[]> byYear = new TreeMap<>();
        for (int i = 0; i < p.year().length; i++) {
            int[] c = byYear.computeIfAbsent(p.year()[i], k -> new int[2]);
            c[0]++;
            c[1] += p.data().bad()[i];
        }
        line(sb, "Simulated panel: %d firm-years, %d defaults (%.2f%%)%n", p.data().size(), p.data().bads(),
                100.0 * p.data().bads() / p.data().size());
        byYear.forEach((y, c) -> line(sb, "  year-end %d: %d firms, %d defaults within 12 months (%.2f%%)%n", y, c[0], c[1],
                100.0 * c[1] / c[0]));
        line(sb, "%nModels (segment: training rows / defaults; out-of-time AUC on %d)%n", r.testYear());
        for (var m : r.models()) {
            line(sb, "  %-24s %6d / %5d   %s   %s%n", m.segment(), m.trainRows(), m.trainBads(),
                    m.outOfTime() == null ? "-" : String.format(Locale.ROOT, "%.4f", m.outOfTime().auc()),
                    m.card().characteristics().stream().map(s -> s.characteristic().name()).toList());
        }
        r.fallbacks().forEach((k, v) -> line(sb, "  %s falls back to %s (fewer than %d defaults)%n", k, v,
                ModelDevelopment.MIN_SEGMENT_BADS));
        figures(sb, "In time (training years, overall model)", r.inTime());
        figures(sb, "Out of time (" + r.testYear() + ", each row scored by its segment's model)", r.outOfTime());
        line(sb, "  PSI of scores, training years against %d: %.4f%n", r.testYear(), r.psi());
        line(sb, "%nBy ownership (%d; ownership is not a model input; Q1 = riskiest score quintile)%n", r.testYear());
        line(sb, "  %-17s %-4s %6s %9s %10s %10s %8s%n", "ownership", "band", "rows", "observed", "predicted", "approvable", "spread");
        for (var o : r.ownership()) {
            line(sb, "  %-17s %-4s %6d %8.2f%% %9.2f%% %9.1f%% %8.0f%n", o.ownership(), o.band(), o.rows(), 100 * o.observed(),
                    100 * o.predicted(), 100 * o.approvalRate(), o.meanSpreadBps());
        }
        line(sb, "%nAUC=%.4f KS=%.4f GINI=%.4f%n", r.outOfTime().auc(), r.outOfTime().ks(), r.outOfTime().gini());
        return sb.toString();
    }

    private static void figures(StringBuilder sb, String title, Validation v) {
        line(sb, "%n%s: rows %d, defaults %d, AUC %.4f, KS %.4f, Gini %.4f, Brier %.4f%n", title, v.rows(), v.bads(), v.auc(), v.ks(),
                v.gini(), v.brier());
        for (int i = 0; i < v.calibration().size(); i++) {
            var c = v.calibration().get(i);
            line(sb, "  decile %2d: predicted %6.2f%%, observed %6.2f%% (%d rows)%n", i + 1, 100 * c.meanPredicted(), 100 * c.observed(),
                    c.rows());
        }
    }

    private static void line(StringBuilder sb, String format, Object... args) {
        sb.append(String.format(Locale.ROOT, format, args));
    }
}
