package cn.chanrong.lending.domain;

import java.math.BigDecimal;

/**
 * Classifies a loan from facts (商业银行金融资产风险分类办法 2023; FACTS §2 and §10): the days-past-due
 * floors, the 关注 signals besides days past due, the obligor-level contagion rules, a manual floor set
 * by a credit officer, and the restructuring observation period. Each rule can only push a loan down;
 * the result names the rule that decided it. Contagion is measured on the <em>risk obligor</em> — the
 * party whose payment repays the loan (the buyer of a confirmed receivable, the issuer of a voucher, the
 * seller under recourse, else the borrower) — while days past due stay the loan's own.
 *
 * <p>The rules, by name:
 * <ul>
 * <li>{@code dpd-N}: any overdue → 关注 (a configured technical overdue excepted); over 90 days → 次级;
 *     over 270 → 可疑; over 360 → 损失.</li>
 * <li>{@code purpose-breach}: an unauthorised change of the loan's purpose → at least 关注.</li>
 * <li>{@code renewal-while-abnormal}: a renewal (借新还旧) to repay while the debtor's finances are
 *     abnormal → at least 关注.</li>
 * <li>{@code npl-at-other-banks}: the obligor has debt more than 90 days overdue at any bank (credit
 *     bureau) → at least 关注.</li>
 * <li>{@code manual}: the floor a credit officer set.</li>
 * <li>{@code restructured-observation}: performing before the restructuring → at least 关注 in the period.</li>
 * <li>{@code restructured-npl-observation}: non-performing before → no upgrade in the period, and never
 *     better than the tier before the restructuring.</li>
 * <li>{@code restructured-again}: restructured again within the period → at least 可疑.</li>
 * <li>{@code contagion-market-20pct}: over 20 % of the obligor's debt across banks over 90 days overdue → 次级.</li>
 * <li>{@code contagion-bank-10pct}: over 10 % of the obligor's claims at the bank non-performing → 次级.</li>
 * </ul>
 *
 * @param technicalOverdueDays overdue of at most this many days is excepted from the "any overdue"
 *                             rule (0 = no exception)
 */
public record ClassificationRules(int technicalOverdueDays) {

    private static final BigDecimal TEN_PERCENT = new BigDecimal("0.10");
    private static final BigDecimal TWENTY_PERCENT = new BigDecimal("0.20");

    /**
     * What the rules know about one loan on one date. {@code obligorNplShareAtBank} and
     * {@code obligorOverdue90ShareAcrossBanks} are the risk obligor's, null when unknown.
     */
    public record Facts(int daysPastDue, Tier manualFloor, BigDecimal obligorNplShareAtBank,
                        BigDecimal obligorOverdue90ShareAcrossBanks, Restructuring restructuring, Signals signals) {

        public Facts(int daysPastDue, Tier manualFloor, BigDecimal obligorNplShareAtBank,
                     BigDecimal obligorOverdue90ShareAcrossBanks, Restructuring restructuring) {
            this(daysPastDue, manualFloor, obligorNplShareAtBank, obligorOverdue90ShareAcrossBanks, restructuring,
                    Signals.NONE);
        }
    }

    /**
     * The 关注 signals besides days past due: an unauthorised change of purpose recorded on the loan, a
     * renewal made while the debtor's finances were abnormal.
     */
    public record Signals(boolean purposeBreach, boolean renewedWhileAbnormal) {
        public static final Signals NONE = new Signals(false, false);
    }

    /**
     * The observation state of a restructured loan, when there is one: {@code tierBefore} is the tier it
     * was in before the concession, {@code current} the tier it holds now (an NPL is not upgraded in the
     * period).
     */
    public record Restructuring(boolean inObservation, Tier tierBefore, boolean restructuredAgain, Tier current) {

        public boolean nonPerformingBefore() {
            return tierBefore != null && tierBefore.nonPerforming();
        }
    }

    public record Result(Tier tier, String rule) {
    }

    public Result classify(Facts f) {
        Result r = new Result(Tier.NORMAL, "performing");
        r = atLeast(r, dpdFloor(f.daysPastDue()), "dpd-" + f.daysPastDue());
        Signals s = f.signals() == null ? Signals.NONE : f.signals();
        if (s.purposeBreach()) {
            r = atLeast(r, Tier.SPECIAL_MENTION, "purpose-breach");
        }
        if (s.renewedWhileAbnormal()) {
            r = atLeast(r, Tier.SPECIAL_MENTION, "renewal-while-abnormal");
        }
        if (f.obligorOverdue90ShareAcrossBanks() != null && f.obligorOverdue90ShareAcrossBanks().signum() > 0) {
            r = atLeast(r, Tier.SPECIAL_MENTION, "npl-at-other-banks");
        }
        if (f.manualFloor() != null) {
            r = atLeast(r, f.manualFloor(), "manual");
        }
        if (f.restructuring() != null && f.restructuring().inObservation()) {
            r = observation(r, f.restructuring());
        }
        // the market rule first: when it holds, the bank-level share follows from it
        if (f.obligorOverdue90ShareAcrossBanks() != null
                && f.obligorOverdue90ShareAcrossBanks().compareTo(TWENTY_PERCENT) > 0) {
            r = atLeast(r, Tier.SUBSTANDARD, "contagion-market-20pct");
        }
        if (f.obligorNplShareAtBank() != null && f.obligorNplShareAtBank().compareTo(TEN_PERCENT) > 0) {
            r = atLeast(r, Tier.SUBSTANDARD, "contagion-bank-10pct");
        }
        return r;
    }

    /**
     * The restructuring observation period: a performing loan stays at least 关注; a non-performing one
     * is not upgraded and keeps at least the tier it had before the restructuring; a second
     * restructuring within the period makes it at least 可疑.
     */
    private static Result observation(Result r, Restructuring x) {
        if (x.nonPerformingBefore()) {
            Tier floor = x.current() == null ? x.tierBefore() : Tier.worse(x.tierBefore(), x.current());
            r = atLeast(r, floor, "restructured-npl-observation");
        } else {
            r = atLeast(r, Tier.SPECIAL_MENTION, "restructured-observation");
        }
        return x.restructuredAgain() ? atLeast(r, Tier.DOUBTFUL, "restructured-again") : r;
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
