package cn.chanrong.credit.simulation;

import cn.chanrong.credit.decision.RatingScale;
import cn.chanrong.credit.scorecard.Dataset;
import cn.chanrong.credit.scorecard.Scorecard;
import cn.chanrong.credit.scorecard.Trainer;
import cn.chanrong.credit.scorecard.Validation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Develops the demo models on a simulated panel: trains on the earlier years and validates
 * out of time on the latest; one overall model plus one per industry segment (and per segment ×
 * growth stage) wherever the training part has at least {@link #MIN_SEGMENT_BADS} defaults,
 * otherwise the segment falls back to its parent. Reports stability (PSI of scores, training against
 * the latest year) and the ownership comparison: predicted and observed default rates, approval rates
 * and pricing (the mean spread of the grades not declined) by ownership, overall and within score bands.
 */
public final class ModelDevelopment {

    public static final int MIN_SEGMENT_BADS = 200;
    public static final String ALL = "ALL";

    /** One model with where it applies and how it did out of time. */
    public record SegmentModel(String segment, Scorecard card, int trainRows, int trainBads, Validation outOfTime) {
    }

    public record OwnershipRow(String ownership, String band, int rows, int bads, double observed, double predicted,
                               double approvalRate, double meanSpreadBps) {
    }

    public record Result(int testYear, List<SegmentModel> models, Validation inTime, Validation outOfTime, double psi,
                         List<OwnershipRow> ownership, Map<String, String> fallbacks) {
    }

    private ModelDevelopment() {
    }

    public static Result develop(Population p, int testYear, Trainer.Settings settings) {
        int[] train = p.where(i -> p.year()[i] < testYear);
        int[] test = p.where(i -> p.year()[i] == testYear);
        Dataset trainData = p.data().rows(train);
        Scorecard overall = Trainer.train(trainData, settings);
        List<SegmentModel> models = new ArrayList<>();
        models.add(new SegmentModel(ALL, overall, train.length, trainData.bads(), null));
        Map<String, String> fallbacks = new LinkedHashMap<>();
        Map<String, Scorecard> bySegment = new LinkedHashMap<>();
        bySegment.put(ALL, overall);
        for (String segment : new TreeSet<>(List.of(p.segment()))) {
            String parent = trainSegment(p, train, segment, null, settings, bySegment, models) ? segment : ALL;
            if (!parent.equals(segment)) {
                fallbacks.put(segment, ALL);
            }
            for (String stage : new TreeSet<>(List.of(p.stage()))) {
                String key = segment + " / " + stage;
                if (!trainSegment(p, train, segment, stage, settings, bySegment, models)) {
                    fallbacks.put(key, parent);
                }
            }
        }
        double[] pdTest = new double[test.length];
        double[] scoreTest = new double[test.length];
        for (int k = 0; k < test.length; k++) {
            int i = test[k];
            Scorecard card = modelFor(bySegment, p.segment()[i], p.stage()[i]);
            int score = card.scores(p.data().rows(new int[] {i}))[0];
            scoreTest[k] = score;
            pdTest[k] = card.probabilityOf(score);
        }
        int[] trainScores = overall.scores(trainData);
        double[] pdTrain = new double[train.length];
        double[] scoreTrain = new double[train.length];
        for (int k = 0; k < train.length; k++) {
            scoreTrain[k] = trainScores[k];
            pdTrain[k] = overall.probabilityOf(trainScores[k]);
        }
        Dataset testData = p.data().rows(test);
        List<SegmentModel> withOot = new ArrayList<>();
        for (SegmentModel m : models) {
            int[] mine = java.util.stream.IntStream.range(0, test.length).filter(k -> applies(m.segment(), p, test[k])).toArray();
            int[] rows = java.util.Arrays.stream(mine).map(k -> test[k]).toArray();
            Validation v = rows.length == 0 ? null : oot(m.card(), p.data().rows(rows));
            withOot.add(new SegmentModel(m.segment(), m.card(), m.trainRows(), m.trainBads(), v));
        }
        return new Result(testYear, withOot, Validation.of(pdTrain, trainData.bad(), 10), Validation.of(pdTest, testData.bad(), 10),
                Validation.psi(scoreTrain, scoreTest, 10), ownership(p, test, pdTest, scoreTest), fallbacks);
    }

    /** The most specific model for a segment and stage. */
    public static Scorecard modelFor(Map<String, Scorecard> bySegment, String segment, String stage) {
        Scorecard s = bySegment.get(segment + " / " + stage);
        if (s == null) {
            s = bySegment.get(segment);
        }
        return s == null ? bySegment.get(ALL) : s;
    }

    private static boolean applies(String key, Population p, int i) {
        return ALL.equals(key) || key.equals(p.segment()[i]) || key.equals(p.segment()[i] + " / " + p.stage()[i]);
    }

    private static Validation oot(Scorecard card, Dataset d) {
        int[] s = card.scores(d);
        double[] pd = new double[s.length];
        for (int k = 0; k < s.length; k++) {
            pd[k] = card.probabilityOf(s[k]);
        }
        return d.bads() == 0 || d.bads() == d.size() ? null : Validation.of(pd, d.bad(), 5);
    }

    private static boolean trainSegment(Population p, int[] train, String segment, String stage, Trainer.Settings settings,
                                        Map<String, Scorecard> bySegment, List<SegmentModel> models) {
        int[] rows = java.util.Arrays.stream(train)
                .filter(i -> p.segment()[i].equals(segment) && (stage == null || p.stage()[i].equals(stage))).toArray();
        Dataset d = p.data().rows(rows);
        if (d.bads() < MIN_SEGMENT_BADS) {
            return false;
        }
        String key = stage == null ? segment : segment + " / " + stage;
        Scorecard card = Trainer.train(d, settings);
        bySegment.put(key, card);
        models.add(new SegmentModel(key, card, rows.length, d.bads(), null));
        return true;
    }

    /** By ownership, overall ("all") and within score quintiles of the test year (Q1 = riskiest). */
    static List<OwnershipRow> ownership(Population p, int[] test, double[] pd, double[] score) {
        double[] sorted = score.clone();
        java.util.Arrays.sort(sorted);
        double[] cuts = new double[4];
        for (int q = 1; q < 5; q++) {
            cuts[q - 1] = sorted[Math.min(sorted.length - 1, q * sorted.length / 5)];
        }
        List<OwnershipRow> out = new ArrayList<>();
        for (String own : new TreeSet<>(List.of(p.ownership()))) {
            for (int band = -1; band < 5; band++) {
                int rows = 0;
                int bads = 0;
                double predicted = 0;
                int approved = 0;
                int priced = 0;
                double spread = 0;
                for (int k = 0; k < test.length; k++) {
                    int i = test[k];
                    if (!p.ownership()[i].equals(own) || band >= 0 && band(score[k], cuts) != band) {
                        continue;
                    }
                    rows++;
                    bads += p.data().bad()[i];
                    predicted += pd[k];
                    RatingScale.Grade g = RatingScale.of(pd[k]);
                    approved += g.approvable() ? 1 : 0;
                    if (g.acceptable()) {
                        priced++;
                        spread += g.spreadBps();
                    }
                }
                if (rows > 0) {
                    out.add(new OwnershipRow(own, band < 0 ? "all" : "Q" + (band + 1), rows, bads, (double) bads / rows,
                            predicted / rows, (double) approved / rows, priced == 0 ? 0 : spread / priced));
                }
            }
        }
        return out;
    }

    private static int band(double score, double[] cuts) {
        int b = 0;
        while (b < cuts.length && score >= cuts[b]) {
            b++;
        }
        return b;
    }
}
