package cn.chanrong.credit.decision;

import cn.chanrong.institution.domain.ProductType;
import cn.chanrong.reference.domain.RestrictedEntry;
import cn.chanrong.reference.domain.RestrictedIndustryPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Score → probability of default → grade → recommended limit → policy overlay → outcome, each step
 * adding the reasons a credit officer reads. Settings are documented defaults (docs/CREDIT.md). The
 * overlay starts with the restricted-industry catalogue ({@link RestrictedIndustryPolicy}): an entry
 * that refuses this credit declines it with a limit of zero, naming the entry.
 */
public final class DecisionPolicy {

    /**
     * Configurable parameters of the policy. {@code workingCapitalMaxMonths} is the working-capital product
     * type's one term setting ({@link ProductType#WORKING_CAPITAL_LOAN}, 3 years under the 2024 measures):
     * a working-capital loan is not lengthened for a supported enterprise, and a longer term — allowed up to
     * five years with the operating-cycle reason on the application — is referred to a person.
     */
    public record Settings(double workingCapitalTurnover, double ownFundsShareOfEquity, double maxDebtServiceShare,
                           int standardMaxMonths, int supportedMaxMonths, int minMonthsOfData, int workingCapitalMaxMonths) {
        public static final Settings DEFAULT = new Settings(4.0, 0.3, 0.5, 36, 120, 6,
                ProductType.WORKING_CAPITAL_LOAN.defaultMaxTermMonths());
    }

    /**
     * What the policy needs besides the score: last year's sales, net margin and growth, equity, existing
     * loans, annual operating net cash flow, months of cash-flow data, the 1-year LPR, whether the
     * enterprise is on a key chain or a recognised tech SME, the sector-list stance of its industry, and
     * the restricted-industry catalogue entries that apply to it ({@link RestrictedIndustryPolicy#applying};
     * null in decisions stored before there were any).
     */
    public record Facts(BigDecimal lastYearSales, double netMargin, double expectedGrowth, BigDecimal equity,
                        BigDecimal existingLoans, BigDecimal annualNetCashFlow, int monthsOfData, double lprPercent,
                        boolean keyChainOrTech, String sectorStance, String sectorNote,
                        List<RestrictedIndustryPolicy.Match> restricted) {
    }

    /**
     * What a credit is for, as the restricted-industry rule sees it: a fixed-asset loan builds a new
     * project; equipment renewal and technological transformation upgrade existing capacity, which a
     * restricted (限制类) item may still finance (国发〔2005〕40号 art. 18), like every other purpose.
     */
    public static RestrictedIndustryPolicy.Use use(Terms.Purpose purpose) {
        return purpose == Terms.Purpose.FIXED_ASSET ? RestrictedIndustryPolicy.Use.NEW_PROJECT
                : RestrictedIndustryPolicy.Use.OTHER;
    }

    /** The reason naming the catalogue entry that applied: catalogue, item number, item, document, and the match. */
    static Reason restrictedReason(RestrictedIndustryPolicy.Verdict v) {
        RestrictedEntry e = v.entry();
        return Reason.of("POLICY", "policy.restricted." + v.rule().code(), e.catalogue(), e.itemNo(), e.item(),
                e.document(), v.product() == null ? e.industryCode() : v.product());
    }

    public enum Outcome { APPROVE, REFER, DECLINE }

    public record Decision(RatingScale.Grade grade, BigDecimal recommendedLimit, String limitMethod, Outcome outcome,
                           List<Reason> reasons) {
    }

    private DecisionPolicy() {
    }

    public static Decision decide(double pd, List<Reason> scoreReasons, Terms terms, Facts f, Settings s) {
        RatingScale.Grade grade = RatingScale.of(pd);
        List<Reason> reasons = new ArrayList<>();
        String pdText = String.format(java.util.Locale.ROOT, "%.2f%%", pd * 100);
        reasons.add(grade.acceptable() ? Reason.of("SCORE", "grade", grade.code(), pdText, grade.spreadBps())
                : Reason.of("SCORE", "grade.unpriced", grade.code(), pdText));
        reasons.addAll(scoreReasons);
        String method;
        BigDecimal limit;
        if (terms.purpose() == Terms.Purpose.WORKING_CAPITAL) {
            method = "WORKING_CAPITAL_ESTIMATE";
            BigDecimal need = f.lastYearSales().multiply(BigDecimal.valueOf((1 - f.netMargin()) * (1 + f.expectedGrowth())))
                    .divide(BigDecimal.valueOf(s.workingCapitalTurnover()), 2, RoundingMode.HALF_UP);
            BigDecimal own = f.equity().max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(s.ownFundsShareOfEquity()));
            limit = need.subtract(own).subtract(f.existingLoans()).setScale(2, RoundingMode.HALF_UP).max(BigDecimal.ZERO);
            reasons.add(Reason.of("LIMIT", "limit.working-capital", money(need), money(own), money(f.existingLoans()), money(limit)));
        } else {
            method = "CASH_FLOW_CAPACITY";
            int months = terms.months() == null ? 36 : terms.months();
            double rate = (f.lprPercent() + grade.spreadBps() / 100.0) / 100 / 12;
            double service = Math.max(0, f.annualNetCashFlow().doubleValue()) * s.maxDebtServiceShare() / 12;
            double pv = rate == 0 ? service * months : service * (1 - Math.pow(1 + rate, -months)) / rate;
            limit = BigDecimal.valueOf(pv).setScale(2, RoundingMode.HALF_UP);
            reasons.add(Reason.of("LIMIT", "limit.cash-flow", money(f.annualNetCashFlow()), s.maxDebtServiceShare(), months, money(limit)));
        }
        Outcome outcome = Outcome.APPROVE;
        Optional<RestrictedIndustryPolicy.Verdict> restricted = RestrictedIndustryPolicy.verdict(f.restricted(),
                use(terms.purpose()));
        if (restricted.isPresent()) {
            reasons.add(restrictedReason(restricted.get()));
            if (restricted.get().refuses()) {
                return new Decision(grade, BigDecimal.ZERO.setScale(2), method, Outcome.DECLINE, reasons);
            }
        }
        if ("PROHIBIT".equals(f.sectorStance())) {
            reasons.add(Reason.of("POLICY", "policy.prohibited", f.sectorNote() == null ? "" : f.sectorNote()));
            return new Decision(grade, BigDecimal.ZERO.setScale(2), method, Outcome.DECLINE, reasons);
        }
        if ("CONTROL".equals(f.sectorStance())) {
            limit = limit.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
            reasons.add(Reason.of("POLICY", "policy.controlled", f.sectorNote() == null ? "" : f.sectorNote(), money(limit)));
            outcome = Outcome.REFER;
        }
        int maxMonths = terms.purpose() == Terms.Purpose.WORKING_CAPITAL ? s.workingCapitalMaxMonths()
                : f.keyChainOrTech() ? s.supportedMaxMonths() : s.standardMaxMonths();
        if (f.keyChainOrTech()) {
            reasons.add(Reason.of("POLICY", "policy.supported", maxMonths));
        }
        if (!grade.acceptable()) {
            reasons.add(Reason.of("OUTCOME", "outcome.pd-too-high", grade.code()));
            return new Decision(grade, limit, method, Outcome.DECLINE, reasons);
        }
        if (f.monthsOfData() < s.minMonthsOfData()) {
            reasons.add(Reason.of("DATA", "data.too-little", f.monthsOfData(), s.minMonthsOfData()));
            outcome = Outcome.REFER;
        }
        if (!grade.approvable()) {
            reasons.add(Reason.of("OUTCOME", "outcome.grade-refer", grade.code()));
            outcome = Outcome.REFER;
        }
        if (terms.months() != null && terms.months() > maxMonths) {
            reasons.add(Reason.of("POLICY", "policy.term", terms.months(), maxMonths));
            outcome = Outcome.REFER;
        }
        if (Boolean.FALSE.equals(terms.secured()) && !f.keyChainOrTech() && grade.maxPd() > 0.02) {
            reasons.add(Reason.of("POLICY", "policy.unsecured", grade.code()));
            outcome = Outcome.REFER;
        }
        if (terms.amount() != null && terms.amount().compareTo(limit) > 0) {
            reasons.add(Reason.of("LIMIT", "limit.exceeded", money(terms.amount()), money(limit)));
            outcome = Outcome.REFER;
        }
        if (outcome == Outcome.APPROVE) {
            reasons.add(Reason.of("OUTCOME", "outcome.approve", grade.code()));
        }
        return new Decision(grade, limit, method, outcome, reasons);
    }

    private static String money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
