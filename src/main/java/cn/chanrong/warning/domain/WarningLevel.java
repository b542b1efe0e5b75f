package cn.chanrong.warning.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;

/**
 * A borrower's warning level from its signals, pure: each rule that fires counts once with its weight (the settings
 * in force), and the sum reaches a level at the score its setting names (LEVEL_WATCH, LEVEL_ALERT, LEVEL_SEVERE). A
 * warning informs; it never reclassifies a loan.
 */
public enum WarningLevel {
    NONE, WATCH, ALERT, SEVERE;

    public record Scored(int score, WarningLevel level) {
    }

    /** The score and level of these rules under {@code weights} (a rule or level without a setting weighs nothing). */
    public static Scored of(Collection<SignalRule> rules, Map<String, Integer> weights) {
        int score = 0;
        for (SignalRule r : rules.isEmpty() ? EnumSet.noneOf(SignalRule.class) : EnumSet.copyOf(rules)) {
            score += weights.getOrDefault(r.name(), 0);
        }
        WarningLevel level = NONE;
        for (WarningLevel l : new WarningLevel[]{WATCH, ALERT, SEVERE}) {
            Integer from = weights.get("LEVEL_" + l.name());
            if (from != null && score >= from) {
                level = l;
            }
        }
        return new Scored(score, level);
    }
}
