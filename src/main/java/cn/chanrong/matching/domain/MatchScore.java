package cn.chanrong.matching.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The ranking score of an eligible product for a need, 0–100, written down in docs/MATCHING.md:
 * {@code 100 × (0.35·fit + 0.25·approval + 0.25·cost + 0.15·presence)}, each part in [0, 1].
 * <ul>
 *   <li><b>fit</b> — the mean of amount fit, term fit and type fit. Amount (term) fit is 1 inside the
 *   product's range and falls with the relative distance outside it; type fit is 1 when the need names
 *   no preferred types or names this one, 0.4 otherwise.</li>
 *   <li><b>approval</b> — the predicted approval from the enterprise's credit decision, used only when the
 *   enterprise lets its credit data be used: APPROVE 1 − PD, REFER half that, DECLINE 0.05, scaled down
 *   when the recommended limit is below the amount. Without consent it is 0.5 and marked unused.</li>
 *   <li><b>cost</b> — the expected annual rate mapped linearly from 2.5 % (1) to 10 % (0); unknown 0.5.</li>
 *   <li><b>presence</b> — a branch (or head office) in the enterprise's prefecture 1, in its province
 *   0.6, neither 0.2.</li>
 * </ul>
 */
public final class MatchScore {

    public static final double W_FIT = 0.35;
    public static final double W_APPROVAL = 0.25;
    public static final double W_COST = 0.25;
    public static final double W_PRESENCE = 0.15;
    static final double BEST_RATE = 2.5;
    static final double WORST_RATE = 10.0;

    private MatchScore() {
    }

    public enum Presence {
        PREFECTURE(1.0), PROVINCE(0.6), NONE(0.2);

        final double value;

        Presence(double value) {
            this.value = value;
        }

        /** Where the institution is, seen from the enterprise's six-digit region code. */
        public static Presence of(String enterpriseRegion, List<String> institutionRegions) {
            Presence best = NONE;
            for (String r : institutionRegions) {
                if (r == null || r.length() < 4) {
                    continue;
                }
                if (r.regionMatches(0, enterpriseRegion, 0, 4)) {
                    return PREFECTURE;
                }
                if (r.regionMatches(0, enterpriseRegion, 0, 2)) {
                    best = PROVINCE;
                }
            }
            return best;
        }
    }

    /** What the need asks. */
    public record Need(BigDecimal amount, int termMonths, List<String> productTypes) {
    }

    /** What the product offers, with the expected rate in percent (null when not priced as a rate). */
    public record Offer(BigDecimal minAmount, BigDecimal maxAmount, int minTerm, int maxTerm, String type,
                        Double expectedRatePercent, Presence presence) {
    }

    /** The score and its parts, each in [0, 1]; {@code approvalUsed} says whether the decision counted. */
    public record Score(double total, double fit, double amountFit, double termFit, double typeFit, double approval,
                       boolean approvalUsed, double cost, double presence) {
    }

    /** Predicted approval from a credit decision's outcome, probability of default and limit. */
    public static double approval(String outcome, double pd, BigDecimal limit, BigDecimal amount) {
        double base = switch (outcome) {
            case "APPROVE" -> 1 - pd;
            case "REFER" -> (1 - pd) / 2;
            default -> 0.05;
        };
        if (limit != null && amount.signum() > 0 && limit.compareTo(amount) < 0) {
            base *= Math.max(0, limit.doubleValue() / amount.doubleValue());
        }
        return clamp(base);
    }

    /** {@code approval} null means the credit decision may not be used. */
    public static Score of(Need need, Offer offer, Double approval) {
        double amountFit = rangeFit(need.amount().doubleValue(), offer.minAmount().doubleValue(),
                offer.maxAmount().doubleValue());
        double termFit = rangeFit(need.termMonths(), offer.minTerm(), offer.maxTerm());
        double typeFit = need.productTypes().isEmpty() || need.productTypes().contains(offer.type()) ? 1.0 : 0.4;
        double fit = (amountFit + termFit + typeFit) / 3;
        double appr = approval == null ? 0.5 : clamp(approval);
        double cost = offer.expectedRatePercent() == null ? 0.5
                : clamp((WORST_RATE - offer.expectedRatePercent()) / (WORST_RATE - BEST_RATE));
        double presence = offer.presence().value;
        double total = 100 * (W_FIT * fit + W_APPROVAL * appr + W_COST * cost + W_PRESENCE * presence);
        return new Score(Math.round(total * 10) / 10.0, fit, amountFit, termFit, typeFit, appr, approval != null, cost,
                presence);
    }

    /** 1 inside [min, max]; outside, 1 minus the distance relative to the nearer bound, not below 0. */
    static double rangeFit(double x, double min, double max) {
        if (x >= min && x <= max) {
            return 1.0;
        }
        double bound = x < min ? min : max;
        return clamp(1 - Math.abs(x - bound) / Math.max(bound, 1));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
