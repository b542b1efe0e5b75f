package cn.chanrong.credit.scorecard;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Readable reports of a training or a cross-validation; the last line is always machine-readable. */
public final class Report {

    private Report() {
    }

    public static String training(String source, Dataset data, Scorecard card, Validation inSample) {
        StringBuilder sb = new StringBuilder();
        header(sb, source, data);
        sb.append("\nCharacteristics by information value (* = in the model)\n");
        List<Characteristic> byIv = card.candidates().stream().sorted(Comparator.comparingDouble(Characteristic::iv).reversed()).toList();
        for (Characteristic c : byIv) {
            boolean in = card.characteristics().stream().anyMatch(s -> s.characteristic().name().equals(c.name()));
            String note = in ? (c.iv() > 0.5 ? "  (very strong: check for leakage)" : "")
                    : "  out: " + card.excluded().getOrDefault(c.name(), "");
            line(sb, "  %s %-40s IV %.4f  %d bins%s%n", in ? "*" : " ", trim(c.name(), 40), c.iv(), c.bins().size() - 1, note);
        }
        sb.append("\nLogistic regression on WoE (probability of default)\n");
        line(sb, "  %-40s %10s %9s %8s %8s%n", "term", "coef", "std err", "z", "p");
        line(sb, "  %-40s %10.4f %9.4f %8.2f %8s%n", "(intercept)", card.intercept(), card.interceptStandardError(),
                card.intercept() / card.interceptStandardError(), "");
        for (Scorecard.Scored s : card.characteristics()) {
            line(sb, "  %-40s %10.4f %9.4f %8.2f %8.4f%n", trim(s.characteristic().name(), 40), s.coefficient(), s.standardError(),
                    s.coefficient() / s.standardError(), s.pValue());
        }
        Scorecard.Scaling sc = card.scaling();
        int[] range = card.range();
        line(sb, "%nScorecard: %.0f points at odds %.0f:1, %.0f points to double the odds; scores from %d to %d%n",
                sc.baseScore(), sc.baseOdds(), sc.pdo(), range[0], range[1]);
        for (Scorecard.Scored s : card.characteristics()) {
            line(sb, "  %s%n", s.characteristic().name());
            List<Bin> bins = s.characteristic().bins();
            for (int b = 0; b < bins.size(); b++) {
                Bin bin = bins.get(b);
                if (bin.missing() && bin.count() == 0) {
                    line(sb, "    %-44s %7s %8s %8s %6d%n", "missing / unseen", "-", "-", "0.000", s.points()[b]);
                    continue;
                }
                line(sb, "    %-44s %7d %7.1f%% %8.3f %6d%n", trim(bin.label(), 44), bin.count(), 100 * bin.badRate(), bin.woe(),
                        s.points()[b]);
            }
        }
        validation(sb, "In-sample validation (optimistic; see model evaluate for cross-validated figures)", inSample);
        summary(sb, inSample.auc(), inSample.ks(), inSample.gini());
        return sb.toString();
    }

    public static String crossValidation(String source, Dataset data, CrossValidation.Result r) {
        StringBuilder sb = new StringBuilder();
        header(sb, source, data);
        line(sb, "%nStratified %d-fold cross-validation%s, seed %d: the whole pipeline is retrained on each training part%n",
                r.folds(), r.repeats() > 1 ? " repeated " + r.repeats() + " times (seeds " + r.seed() + "…" + (r.seed() + r.repeats() - 1) + ")" : "",
                r.seed());
        line(sb, "  %4s %7s %6s %8s %8s %8s %8s%n", "fold", "rows", "bads", "AUC", "KS", "Gini", "Brier");
        for (int f = 0; f < r.perFold().size(); f++) {
            Validation v = r.perFold().get(f);
            String note = r.notes().get(f).isEmpty() ? "" : "  " + r.notes().get(f);
            line(sb, "  %4s %7d %6d %8.4f %8.4f %8.4f %8.4f%s%n", r.repeats() > 1 ? (f / r.folds() + 1) + "." + (f % r.folds() + 1) : f + 1,
                    v.rows(), v.bads(), v.auc(), v.ks(), v.gini(), v.brier(), note);
        }
        double[] ci = r.confidence95();
        line(sb, "  mean AUC %.4f (sd %.4f; standard error %.4f, 95%% CI %.4f–%.4f), KS %.4f, Gini %.4f%n", r.meanAuc(), r.sdAuc(),
                r.standardError(), ci[0], ci[1], r.meanKs(), r.meanGini());
        line(sb, "  (standard error corrected for overlapping training parts, Nadeau & Bengio 2003)%n");
        if (!r.stability().isEmpty()) {
            line(sb, "%nStability of each characteristic in the card: largest PSI between a training part and its held-out fold%n");
            for (Stability.Row row : r.stability()) {
                line(sb, "  %-40s PSI %.4f  %s%n", trim(row.characteristic(), 40), row.psi(), row.band());
            }
        }
        validation(sb, "Out-of-fold predictions pooled" + (r.repeats() > 1 ? " (first repeat)" : ""), r.pooled());
        summary(sb, r.meanAuc(), r.meanKs(), r.meanGini());
        return sb.toString();
    }

    /** A paired comparison of two models cross-validated on the same folds. */
    public static String comparison(CrossValidation.Result a, CrossValidation.Result b, CrossValidation.Comparison c) {
        StringBuilder sb = new StringBuilder();
        line(sb, "%nPaired comparison on the same %d folds%n", c.folds());
        for (int i = 0; i < 2; i++) {
            CrossValidation.Result r = i == 0 ? a : b;
            double[] ci = r.confidence95();
            line(sb, "  %-10s mean AUC %.4f  95%% CI %.4f–%.4f%n", i == 0 ? c.a() : c.b(), r.meanAuc(), ci[0], ci[1]);
        }
        line(sb, "  %s%n", c.verdict());
        return sb.toString();
    }

    /** A trained boosting challenger: its settings, the features by total split gain, and in-sample figures. */
    public static String boosting(String source, Dataset data, Boosting.Model model, Validation inSample, int top) {
        StringBuilder sb = new StringBuilder();
        header(sb, source, data);
        line(sb, "%nChallenger: %s%n", model.settings().describe());
        List<Boosting.Importance> importance = model.importance();
        line(sb, "%nFeatures by total split gain (top %d of %d used; %d characteristics never split on)%n",
                Math.min(top, importance.size()), importance.size(), data.columns().size() - importance.size());
        for (Boosting.Importance i : importance.subList(0, Math.min(top, importance.size()))) {
            line(sb, "  %-40s gain %10.2f %6.1f%%%n", trim(i.feature(), 40), i.gain(), 100 * i.share());
        }
        double[] pd = model.probabilities(data);
        int riskiest = 0;
        for (int r = 1; r < pd.length; r++) {
            riskiest = pd[r] > pd[riskiest] ? r : riskiest;
        }
        List<Boosting.Contribution> parts = model.explain(data, riskiest);
        line(sb, "%nReason codes of the riskiest row (row %d, PD %.2f%%): log-odds %.3f to start, then by feature%n", riskiest + 1,
                100 * pd[riskiest], parts.getFirst().logOdds());
        for (Boosting.Contribution c : model.reasons(data, riskiest, 5)) {
            line(sb, "  %-40s %+8.3f%n", trim(c.feature(), 40), c.logOdds());
        }
        validation(sb, "In-sample validation (optimistic, more so for trees than for a scorecard; see model evaluate)", inSample);
        summary(sb, inSample.auc(), inSample.ks(), inSample.gini());
        return sb.toString();
    }

    private static void header(StringBuilder sb, String source, Dataset data) {
        line(sb, "Data: %s%n  %d rows, %d bads (%.1f%%), %d characteristics (%d numeric, %d categorical)%n", source, data.size(),
                data.bads(), 100.0 * data.bads() / data.size(), data.columns().size(),
                data.columns().stream().filter(c -> c instanceof Dataset.Numeric).count(),
                data.columns().stream().filter(c -> c instanceof Dataset.Categorical).count());
    }

    private static void validation(StringBuilder sb, String title, Validation v) {
        line(sb, "%n%s%n  rows %d, bads %d: AUC %.4f, KS %.4f, Gini %.4f, Brier %.4f%n", title, v.rows(), v.bads(), v.auc(), v.ks(),
                v.gini(), v.brier());
        line(sb, "  calibration by decile of predicted PD, Jeffreys test per group (95 %%, two-sided):%n  %6s %7s %6s %10s %10s %19s %8s%n",
                "group", "rows", "bads", "predicted", "observed", "Jeffreys 95% interval", "test");
        for (int i = 0; i < v.calibration().size(); i++) {
            Validation.CalibrationRow c = v.calibration().get(i);
            double[] j = c.jeffreysInterval();
            line(sb, "  %6d %7d %6d %9.2f%% %9.2f%% %8.2f%%–%6.2f%% %8s%n", i + 1, c.rows(), c.bads(), 100 * c.meanPredicted(),
                    100 * c.observed(), 100 * j[0], 100 * j[1], c.verdict());
        }
    }

    private static void summary(StringBuilder sb, double auc, double ks, double gini) {
        line(sb, "%nAUC=%.4f KS=%.4f GINI=%.4f%n", auc, ks, gini);
    }

    private static void line(StringBuilder sb, String format, Object... args) {
        sb.append(String.format(Locale.ROOT, format, args));
    }

    private static String trim(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
