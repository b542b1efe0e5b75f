package cn.chanrong.credit.scorecard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Population stability per characteristic: how the shares of a scorecard's bins in one population
 * (actual: a held-out fold, a later year) differ from those in the population it was developed on
 * (expected), as Σ (a − e)·ln(a / e) over the bins, the missing bin included, each share floored at
 * 0.01 % so an empty bin stays finite. Below 0.1 stable, 0.1–0.25 watch, above 0.25 shifted — the same
 * bands as the score's PSI ({@link Validation#psi}).
 */
public final class Stability {

    /** A characteristic's PSI and its band. */
    public record Row(String characteristic, double psi) {
        public String band() {
            return psi < 0.1 ? "stable" : psi <= 0.25 ? "watch" : "shifted";
        }
    }

    private Stability() {
    }

    /** The PSI of every characteristic in the card, in the card's order. */
    public static List<Row> of(Scorecard card, Dataset expected, Dataset actual) {
        List<Row> out = new ArrayList<>();
        for (Scorecard.Scored s : card.characteristics()) {
            Characteristic c = s.characteristic();
            double[] e = shares(c, expected);
            double[] a = shares(c, actual);
            double psi = 0;
            for (int b = 0; b < e.length; b++) {
                psi += (a[b] - e[b]) * Math.log(a[b] / e[b]);
            }
            out.add(new Row(c.name(), psi));
        }
        return out;
    }

    /** The largest PSI each characteristic reached over several comparisons (e.g. the folds), in first-seen order. */
    public static List<Row> worst(List<List<Row>> runs) {
        Map<String, Double> max = new LinkedHashMap<>();
        for (List<Row> run : runs) {
            for (Row r : run) {
                max.merge(r.characteristic(), r.psi(), Math::max);
            }
        }
        return max.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue())).toList();
    }

    private static double[] shares(Characteristic c, Dataset data) {
        double[] s = new double[c.bins().size()];
        Dataset.Column col = data.column(c.name());
        for (int r = 0; r < data.size(); r++) {
            s[c.binOf(col, r)]++;
        }
        for (int b = 0; b < s.length; b++) {
            s[b] = Math.max(s[b] / Math.max(data.size(), 1), 1e-4);
        }
        return s;
    }
}
