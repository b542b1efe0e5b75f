package cn.chanrong.credit.rules;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One configurable innovation-points indicator, as a row of {@value InnovationPoints#DEFAULT_RESOURCE}.
 *
 * @param key     stable indicator key
 * @param group   group key (technology, growth or auxiliary in the defaults)
 * @param nameZh  Chinese name
 * @param nameEn  English name
 * @param input   name of the value read from the evaluation's value map
 * @param unit    unit of that value, for display
 * @param weights points the indicator is worth at each growth stage
 * @param bands   bands whose points are a 0–100 score, scaled by the stage weight
 */
public record InnovationIndicator(String key, String group, String nameZh, String nameEn, String input,
        String unit, Map<GrowthStage, Integer> weights, List<Band> bands) {

    public InnovationIndicator {
        IndicatorScore.requireKey(key, "indicator");
        IndicatorScore.requireKey(group, "group");
        IndicatorScore.requireKey(nameZh, "name_zh");
        IndicatorScore.requireKey(nameEn, "name_en");
        IndicatorScore.requireKey(input, "input");
        unit = unit == null ? "" : unit;
        weights = Map.copyOf(new EnumMap<>(weights));
        bands = List.copyOf(bands);
        for (GrowthStage stage : GrowthStage.values()) {
            Integer w = weights.get(stage);
            if (w == null || w < 0) {
                throw new IllegalArgumentException(key + ": needs a non-negative weight for " + stage);
            }
        }
        for (Band b : bands) {
            if (b.points() > 100) {
                throw new IllegalArgumentException(key + ": band scores are on a 0-100 scale: " + b.points());
            }
        }
    }

    /** The weight at a stage. */
    public int weight(GrowthStage stage) {
        return weights.get(stage);
    }

    /**
     * Parses ascending "lower:score" steps ("1:20;3:60") into half-open bands, plus a 0 band below the first
     * step so every value lands somewhere.
     */
    static List<Band> parseSteps(String key, String steps) {
        String[] parts = steps.split(";");
        BigDecimal[] lowers = new BigDecimal[parts.length];
        int[] scores = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String[] pair = parts[i].strip().split(":");
            if (pair.length != 2) {
                throw new IllegalArgumentException(key + ": a band step is lower:score, got " + parts[i]);
            }
            lowers[i] = new BigDecimal(pair[0].strip());
            scores[i] = Integer.parseInt(pair[1].strip());
            if (i > 0 && lowers[i].compareTo(lowers[i - 1]) <= 0) {
                throw new IllegalArgumentException(key + ": band steps must ascend: " + steps);
            }
        }
        Band[] bands = new Band[parts.length + 1];
        bands[0] = Band.of(null, lowers[0], 0);
        for (int i = 0; i < parts.length; i++) {
            bands[i + 1] = Band.of(lowers[i], i + 1 < parts.length ? lowers[i + 1] : null, scores[i]);
        }
        return List.of(bands);
    }
}
