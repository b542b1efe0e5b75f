package cn.chanrong.credit.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects condition outcomes in three states: met, failed, or unknown for lack of data (listed as missing).
 * "Failed" is kept for outcomes no missing input could change, so a reader can trust it.
 */
final class Conditions {

    private final List<String> met = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();

    /** Records TRUE as met, FALSE as failed, null as missing; returns the outcome. */
    Boolean record(String key, Boolean outcome) {
        if (outcome == null) {
            missing.add(key);
        } else {
            (outcome ? met : failed).add(key);
        }
        return outcome;
    }

    /** Records one of several alternatives: only met or missing is listed, since one unmet option is no failure. */
    Boolean alternative(String key, Boolean outcome) {
        if (outcome == null) {
            missing.add(key);
        } else if (outcome) {
            met.add(key);
        }
        return outcome;
    }

    /** Lists an indicator or input as missing. */
    void missing(String key) {
        missing.add(key);
    }

    /**
     * Whether points reach a threshold: met if they do, failed if they could not even with full points on
     * the missing indicators, otherwise unknown.
     */
    static Boolean reaches(int points, int missingMax, int threshold) {
        if (points >= threshold) {
            return true;
        }
        return points + missingMax < threshold ? false : null;
    }

    /** Whether the points of one group (or all, for a null group) reach the threshold; above. */
    static Boolean reaches(List<IndicatorScore> scores, String group, int threshold) {
        int points = 0;
        int missingMax = 0;
        for (IndicatorScore s : scores) {
            if (group == null || s.group().equals(group)) {
                points += s.points();
                missingMax += s.missing() ? s.max() : 0;
            }
        }
        return reaches(points, missingMax, threshold);
    }

    /** Three-state AND: false if any is false, else null if any is unknown, else true. */
    static Boolean all(List<Boolean> outcomes) {
        if (outcomes.contains(Boolean.FALSE)) {
            return false;
        }
        return outcomes.contains(null) ? null : true;
    }

    /** Three-state OR: true if any is true, else null if any is unknown, else false. */
    static Boolean any(List<Boolean> outcomes) {
        if (outcomes.contains(Boolean.TRUE)) {
            return true;
        }
        return outcomes.contains(null) ? null : false;
    }

    List<String> met() {
        return met;
    }

    List<String> failed() {
        return failed;
    }

    List<String> missingKeys() {
        return missing;
    }
}
