package cn.chanrong.lending.domain;

import java.math.BigDecimal;

/**
 * Classifies a loan from facts (FACTS §2): the days-past-due floors, the borrower-level contagion
 * rules, a manual floor set by a credit officer, and the restructuring observation period. Each rule
 * can only push a loan down; the result names the rule that decided it.
 *
 * @param technicalOverdueDays overdue of at most this many days is excepted from the "any overdue"
 *                             rule (0 = no exception)
 */
public record ClassificationRules(int technicalOverdueDays) {

    private static final BigDecimal TEN_PERCENT = new BigDecimal("0.10");
    private static final BigDecimal TWENTY_PERCENT = new BigDecimal("0.20");

    /** What the rules know about one loan on one date. */
    public record Facts(int daysPastDue, Tier manualFloor, BigDecimal borrowerNplShareAtBank,
                        BigDecimal borrowerOverdue90ShareAcrossBanks, Restructuring restructuring) {
    }

    /** The observation state of a restructured loan, when there is one. */
    public record Restructuring(boolean inObservation, boolean nonPerformingBefore, boolean restructuredAgain) {
    }

    public record Result(Tier tier, String rule) {
    }

    public Result classify(Facts f) {
        Result r = new Result(Tier.NORMAL, "performing");
        r = atLeast(r, dpdFloor(f.daysPastDue()), "dpd-" + f.daysPastDue());
        if (f.manualFloor() != null) {
            r = atLeast(r, f.manualFloor(), "manual");
        }
        if (f.restructuring() != null && f.restructuring().inObservation()) {
            Tier floor = f.restructuring().restructuredAgain() ? Tier.DOUBTFUL
                    : f.restructuring().nonPerformingBefore() ? Tier.SUBSTANDARD : Tier.SPECIAL_MENTION;
            r = atLeast(r, floor, "restructured-observation");
        }
        // the market rule first: when it holds, the bank-level share follows from it
        if (f.borrowerOverdue90ShareAcrossBanks() != null
                && f.borrowerOverdue90ShareAcrossBanks().compareTo(TWENTY_PERCENT) > 0) {
            r = atLeast(r, Tier.SUBSTANDARD, "contagion-market-20pct");
        }
        if (f.borrowerNplShareAtBank() != null && f.borrowerNplShareAtBank().compareTo(TEN_PERCENT) > 0) {
            r = atLeast(r, Tier.SUBSTANDARD, "contagion-bank-10pct");
        }
        return r;
    }

    /** Any overdue → 关注; over 90 days → 次级; over 270 → 可疑; over 360 → 损失. */
    public Tier dpdFloor(int dpd) {
        if (dpd > 360) {
            return Tier.LOSS;
        }
        if (dpd > 270) {
            return Tier.DOUBTFUL;
        }
        if (dpd > 90) {
            return Tier.SUBSTANDARD;
        }
        if (dpd > technicalOverdueDays) {
            return Tier.SPECIAL_MENTION;
        }
        return Tier.NORMAL;
    }

    private static Result atLeast(Result current, Tier floor, String rule) {
        return floor.compareTo(current.tier()) > 0 ? new Result(floor, rule) : current;
    }
}
