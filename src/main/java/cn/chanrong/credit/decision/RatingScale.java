package cn.chanrong.credit.decision;

import java.util.List;

/**
 * Probability of default to rating grade, with the spread over LPR a grade is priced at and whether
 * the grade can be approved without referral. Documented defaults (docs/CREDIT.md), one place.
 */
public final class RatingScale {

    /** A grade: PDs up to {@code maxPd} (inclusive) fall in it. */
    public record Grade(String code, double maxPd, int spreadBps, boolean approvable, boolean acceptable) {
    }

    public static final List<Grade> GRADES = List.of(
            new Grade("AAA", 0.005, 30, true, true),
            new Grade("AA", 0.01, 50, true, true),
            new Grade("A", 0.02, 80, true, true),
            new Grade("BBB", 0.04, 120, true, true),
            new Grade("BB", 0.08, 180, false, true),
            new Grade("B", 0.15, 260, false, true),
            new Grade("CCC", 1.0, 0, false, false));

    private RatingScale() {
    }

    public static Grade of(double pd) {
        for (Grade g : GRADES) {
            if (pd <= g.maxPd()) {
                return g;
            }
        }
        return GRADES.getLast();
    }
}
