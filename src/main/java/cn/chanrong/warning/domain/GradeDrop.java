package cn.chanrong.warning.domain;

import cn.chanrong.credit.decision.RatingScale;

/**
 * The score-deterioration rule (docs/WARNING.md §2), pure: the data-credit grade of the latest scoring against the best
 * grade the enterprise had in the 365 days before it, counted in notches of the rating scale (AAA … CCC). The signal
 * fires at {@link #NOTCHES} notches or more.
 */
public final class GradeDrop {

    /** Notches worse than the year's best from which the signal fires (our setting: A to BB, BBB to B, …). */
    public static final int NOTCHES = 2;

    private GradeDrop() {
    }

    /** How many notches {@code now} is below {@code best}: negative when better, 0 for an unknown grade. */
    public static int notches(String best, String now) {
        int b = index(best);
        int n = index(now);
        return b < 0 || n < 0 ? 0 : n - b;
    }

    public static boolean fires(String best, String now) {
        return notches(best, now) >= NOTCHES;
    }

    private static int index(String grade) {
        for (int i = 0; i < RatingScale.GRADES.size(); i++) {
            if (RatingScale.GRADES.get(i).code().equals(grade)) {
                return i;
            }
        }
        return -1;
    }
}
