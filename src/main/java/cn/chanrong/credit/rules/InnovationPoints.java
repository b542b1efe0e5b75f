package cn.chanrong.credit.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Innovation points (创新积分制, MOST national trial 2024-08): indicators in three groups — technology
 * innovation, growth, auxiliary — each worth a stage-dependent weight (start-up, growth, mature), the weights of
 * a stage adding up to 100. An indicator's input value falls in a band scoring 0–100, and it earns weight ×
 * score / 100 points (rounded half up); {@link Evaluation#groupScore(String)} gives each group on a 0–100
 * scale. Inputs come by name from a {@code Map<String, BigDecimal>}, so a new indicator is a new table row.
 *
 * <p>The 18 default indicators, their names, bands and weights in {@value #DEFAULT_RESOURCE} are documented
 * defaults, configurable, because the official list was not confirmed. Innovation points are a score banks may
 * use as a basis for credit, not a tier, so {@link Evaluation#suggestsQualification()} is always false.
 */
public final class InnovationPoints {

    /** The scheme key in {@link Evaluation#scheme()}. */
    public static final String SCHEME = "innovation_points";
    /** Classpath location of the default indicator table. */
    public static final String DEFAULT_RESOURCE = "/credit/innovation-points.csv";
    /** Listed as missing when no stage is known; the growth-stage weights are then used. */
    public static final String STAGE_KEY = "growth_stage";
    static final String HEADER = "indicator,group,name_zh,name_en,input,unit,weight_startup,weight_growth,"
            + "weight_mature,bands";

    private static final class Default {
        static final InnovationPoints TABLE = load(DEFAULT_RESOURCE);
    }

    private final List<InnovationIndicator> indicators;

    private InnovationPoints(List<InnovationIndicator> indicators) {
        this.indicators = List.copyOf(indicators);
        if (indicators.stream().map(InnovationIndicator::key).distinct().count() != indicators.size()) {
            throw new IllegalArgumentException("indicator keys must be unique");
        }
        for (GrowthStage stage : GrowthStage.values()) {
            int sum = indicators.stream().mapToInt(i -> i.weight(stage)).sum();
            // Weights are points out of 100, so a table that does not add up would silently shift the scale.
            if (sum != 100) {
                throw new IllegalArgumentException("weights for " + stage + " add up to " + sum + ", not 100");
            }
        }
    }

    /** The default table, loaded once. */
    public static InnovationPoints defaults() {
        return Default.TABLE;
    }

    /** Loads a table from a classpath resource. */
    public static InnovationPoints load(String resource) {
        return parse(CsvRows.resourceLines(resource));
    }

    /** Parses table lines (see the default resource's header comment for the format). */
    public static InnovationPoints parse(List<String> lines) {
        List<InnovationIndicator> list = new ArrayList<>();
        for (String[] r : CsvRows.parse(lines, HEADER)) {
            Map<GrowthStage, Integer> weights = new EnumMap<>(GrowthStage.class);
            try {
                weights.put(GrowthStage.STARTUP, Integer.parseInt(r[6]));
                weights.put(GrowthStage.GROWTH, Integer.parseInt(r[7]));
                weights.put(GrowthStage.MATURE, Integer.parseInt(r[8]));
                list.add(new InnovationIndicator(r[0], r[1], r[2], r[3], r[4], r[5], weights,
                        InnovationIndicator.parseSteps(r[0], r[9])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad number in innovation-points row " + r[0], e);
            }
        }
        return new InnovationPoints(list);
    }

    /** The indicators, in table order. */
    public List<InnovationIndicator> indicators() {
        return indicators;
    }

    /** One indicator by key. */
    public Optional<InnovationIndicator> indicator(String key) {
        return indicators.stream().filter(i -> i.key().equals(key)).findFirst();
    }

    /**
     * Scores the named values at a stage. A null stage uses the growth-stage weights and lists {@value
     * #STAGE_KEY} as missing; an absent value scores 0 and its indicator is listed as missing.
     */
    public Evaluation evaluate(GrowthStage stage, Map<String, BigDecimal> values) {
        Map<String, BigDecimal> given = values == null ? Map.of() : values;
        List<String> missing = new ArrayList<>();
        if (stage == null) {
            missing.add(STAGE_KEY);
        }
        GrowthStage used = stage == null ? GrowthStage.GROWTH : stage;
        List<IndicatorScore> scores = new ArrayList<>();
        for (InnovationIndicator ind : indicators) {
            int weight = ind.weight(used);
            BigDecimal value = given.get(ind.input());
            if (value == null) {
                // A zero-weight indicator cannot change the score, so its absence is not worth reporting.
                if (weight > 0) {
                    missing.add(ind.key());
                }
                scores.add(IndicatorScore.missing(ind.group(), ind.key(), weight));
                continue;
            }
            Band band = ind.bands().stream().filter(b -> b.contains(value)).findFirst().orElseThrow();
            int points = BigDecimal.valueOf((long) weight * band.points())
                    .divide(Measures.HUNDRED, 0, RoundingMode.HALF_UP).intValueExact();
            scores.add(new IndicatorScore(ind.group(), ind.key(), points, weight, band.label(unitSuffix(ind)), false));
        }
        int total = scores.stream().mapToInt(IndicatorScore::points).sum();
        return new Evaluation(SCHEME, total, 100, scores, List.of(), List.of(), missing, false);
    }

    private static String unitSuffix(InnovationIndicator ind) {
        return switch (ind.unit()) {
            case "%", "" -> ind.unit();
            default -> " " + ind.unit();
        };
    }
}
