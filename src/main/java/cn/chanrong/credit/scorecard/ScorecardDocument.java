package cn.chanrong.credit.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scorecard as a versioned document, shaped like a PMML scorecard: scaling, intercept, and per
 * characteristic its coefficient and attributes (a numeric interval {@code (lower, upper]} with open
 * ends left null, a set of categories, or the missing attribute) with their points and WoE. It maps to
 * JSON as it is and back to a {@link Scorecard} without loss of what scoring needs.
 */
public record ScorecardDocument(String format, Scaling scaling, double intercept, double interceptStandardError,
                                List<CharacteristicDoc> characteristics, Map<String, String> excluded, int trainingRows,
                                int trainingBads) {

    public static final String FORMAT = "chanrong-scorecard/1";

    public record Scaling(double baseScore, double baseOdds, double pdo) {
    }

    public record CharacteristicDoc(String name, String type, double iv, double coefficient, double standardError,
                                    List<AttributeDoc> attributes) {
    }

    public record AttributeDoc(String label, Double lower, Double upper, List<String> categories, boolean missing, int goods,
                               int bads, double woe, int points) {
    }

    public static ScorecardDocument of(Scorecard card) {
        List<CharacteristicDoc> cs = new ArrayList<>();
        for (Scorecard.Scored s : card.characteristics()) {
            Characteristic c = s.characteristic();
            List<AttributeDoc> attrs = new ArrayList<>();
            for (int b = 0; b < c.bins().size(); b++) {
                Bin bin = c.bins().get(b);
                attrs.add(new AttributeDoc(bin.label(), c.numeric() && !bin.missing() && Double.isFinite(bin.lower()) ? bin.lower() : null,
                        c.numeric() && !bin.missing() && Double.isFinite(bin.upper()) ? bin.upper() : null,
                        c.numeric() ? List.of() : List.copyOf(bin.categories()), bin.missing(), bin.goods(), bin.bads(), bin.woe(),
                        s.points()[b]));
            }
            cs.add(new CharacteristicDoc(c.name(), c.numeric() ? "numeric" : "categorical", c.iv(), s.coefficient(),
                    s.standardError(), attrs));
        }
        Scorecard.Scaling sc = card.scaling();
        return new ScorecardDocument(FORMAT, new Scaling(sc.baseScore(), sc.baseOdds(), sc.pdo()), card.intercept(),
                card.interceptStandardError(), cs, card.excluded(), card.trainingRows(), card.trainingBads());
    }

    /** The scorecard this document describes (candidates not in the model are not kept). */
    public Scorecard toScorecard() {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("unknown scorecard format " + format);
        }
        List<Scorecard.Scored> scored = new ArrayList<>();
        List<Characteristic> kept = new ArrayList<>();
        for (CharacteristicDoc c : characteristics) {
            boolean numeric = "numeric".equals(c.type());
            List<Bin> bins = new ArrayList<>();
            int[] points = new int[c.attributes().size()];
            for (int b = 0; b < points.length; b++) {
                AttributeDoc a = c.attributes().get(b);
                bins.add(new Bin(a.label(), a.lower() == null ? Double.NEGATIVE_INFINITY : a.lower(),
                        a.upper() == null ? Double.POSITIVE_INFINITY : a.upper(),
                        a.categories() == null ? java.util.Set.of() : java.util.Set.copyOf(a.categories()), a.missing(), a.goods(),
                        a.bads(), a.woe()));
                points[b] = a.points();
            }
            Characteristic ch = new Characteristic(c.name(), numeric, bins, c.iv());
            kept.add(ch);
            scored.add(new Scorecard.Scored(ch, c.coefficient(), c.standardError(), points));
        }
        return new Scorecard(new Scorecard.Scaling(scaling.baseScore(), scaling.baseOdds(), scaling.pdo()), intercept,
                interceptStandardError, scored, kept, excluded == null ? Map.of() : excluded, trainingRows, trainingBads);
    }
}
