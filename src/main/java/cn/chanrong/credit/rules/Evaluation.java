package cn.chanrong.credit.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one scheme's rules for one enterprise. Keys in the lists are stable identifiers; {@link
 * Labels} turns them into Chinese or English text.
 *
 * <p>{@code suggestsQualification} is only a suggestion drawn from the declared data: the qualification itself
 * is granted by MIIT-type regulators (the ministry or its provincial departments), never by this platform.
 *
 * @param scheme                 the scheme key, e.g. {@code "innovative_sme"}
 * @param total                  points earned (0 for condition-only schemes)
 * @param max                    points available (0 for condition-only schemes)
 * @param indicators             each indicator's score, in scheme order
 * @param conditionsMet          keys of conditions found satisfied (including the qualifying route, if any)
 * @param conditionsFailed       keys of conditions found unsatisfied
 * @param missing                keys of indicators or conditions that could not be judged for lack of data
 * @param suggestsQualification  whether the data suggest the enterprise qualifies
 */
public record Evaluation(String scheme, int total, int max, List<IndicatorScore> indicators,
        List<String> conditionsMet, List<String> conditionsFailed, List<String> missing,
        boolean suggestsQualification) {

    public Evaluation {
        IndicatorScore.requireKey(scheme, "scheme");
        indicators = List.copyOf(indicators);
        // Duplicates would only come from two rules reading the same absent input; keep first-seen order.
        conditionsMet = List.copyOf(new LinkedHashSet<>(conditionsMet));
        conditionsFailed = List.copyOf(new LinkedHashSet<>(conditionsFailed));
        missing = List.copyOf(new LinkedHashSet<>(missing));
        if (max < 0 || total < 0 || total > max) {
            throw new IllegalArgumentException("total must be within 0.." + max + ": " + total);
        }
        int sum = indicators.stream().mapToInt(IndicatorScore::points).sum();
        int sumMax = indicators.stream().mapToInt(IndicatorScore::max).sum();
        if (sum != total || sumMax != max) {
            throw new IllegalArgumentException("total and max must add up the indicators");
        }
    }

    /** The score of one indicator, if the scheme has it. */
    public Optional<IndicatorScore> indicator(String key) {
        return indicators.stream().filter(s -> s.indicator().equals(key)).findFirst();
    }

    /** Points earned in one group. */
    public int groupPoints(String group) {
        return indicators.stream().filter(s -> s.group().equals(group)).mapToInt(IndicatorScore::points).sum();
    }

    /** Points available in one group. */
    public int groupMax(String group) {
        return indicators.stream().filter(s -> s.group().equals(group)).mapToInt(IndicatorScore::max).sum();
    }

    /** The group's points on a 0–100 scale (rounded half up); 0 for a group with no points available. */
    public int groupScore(String group) {
        int max = groupMax(group);
        return max == 0 ? 0 : (int) Math.round(groupPoints(group) * 100.0 / max);
    }

    /** Whether the condition was found satisfied. */
    public boolean met(String condition) {
        return conditionsMet.contains(condition);
    }
}
