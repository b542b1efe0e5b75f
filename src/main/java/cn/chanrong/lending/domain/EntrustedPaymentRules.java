package cn.chanrong.lending.domain;

import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Entrusted payment (受托支付) decided per payment, not per loan (FACTS §10). At disbursement the bank pays
 * each listed counterparty; a payment a rule names must be entrusted (the bank pays the counterparty
 * directly), the rest may be self-paid (自主支付) — so one loan may mix both. The named rules, in the order
 * they are tried:
 * <ol>
 *   <li>{@link Rule#CONTRACT}: the contract says entrusted payment, so every payment is entrusted;</li>
 *   <li>{@link Rule#NEWLY_RELATED_AVERAGE_STANDING}: the borrower's first credit relationship with this
 *       lender and a grade at or below the level the lender configures (流动资金贷款管理办法 2024);</li>
 *   <li>{@link Rule#FIXED_ASSET_SHARE}: on a fixed-asset loan, a single payment over the configured share
 *       (5 %) of total project investment (固定资产贷款管理办法 2024);</li>
 *   <li>{@link Rule#FIXED_ASSET_SINGLE_PAYMENT}: on a fixed-asset loan, a single payment over the configured
 *       amount (10 million yuan; 固定资产贷款管理办法 2024);</li>
 *   <li>{@link Rule#SINGLE_PAYMENT}: a single payment to one counterparty over the configured amount
 *       (10 million yuan; 流动资金贷款管理办法 2024).</li>
 * </ol>
 * A "single payment" is what one counterparty receives in this disbursement: lines to the same
 * counterparty are added up, so splitting a payment does not escape the test. The part of a self-paid
 * loan not listed against a counterparty counts as one payment of its whole amount.
 */
public final class EntrustedPaymentRules {

    /** How one payment is made. */
    public enum Mode { ENTRUSTED, SELF }

    /** A rule that requires entrusted payment, with the rejection code and the regulation it comes from. */
    public enum Rule {
        CONTRACT("lending.entrusted.contract", "借款合同 / the loan contract"),
        NEWLY_RELATED_AVERAGE_STANDING("lending.entrusted.newly-related", "流动资金贷款管理办法（2024）"),
        FIXED_ASSET_SHARE("lending.entrusted.fixed-asset-share", "固定资产贷款管理办法（2024）"),
        FIXED_ASSET_SINGLE_PAYMENT("lending.entrusted.fixed-asset-payment", "固定资产贷款管理办法（2024）"),
        SINGLE_PAYMENT("lending.entrusted.single-payment", "流动资金贷款管理办法（2024）");

        private final String code;
        private final String source;

        Rule(String code, String source) {
            this.code = code;
            this.source = source;
        }

        public String code() {
            return code;
        }

        public String source() {
            return source;
        }
    }

    /**
     * The thresholds in force on the payment date: the single-payment amount, the fixed-asset share of
     * project investment and amount, and the grade at or below which a standing is "average".
     * Effective-dated configuration per institution; {@link #DEFAULT} are FACTS §10's figures.
     */
    public record Thresholds(BigDecimal singlePayment, BigDecimal fixedAssetShare, BigDecimal fixedAssetPayment,
                             String averageGrade) {
        public static final Thresholds DEFAULT = new Thresholds(new BigDecimal("10000000.00"), new BigDecimal("0.05"),
                new BigDecimal("10000000.00"), "BBB");

        public Thresholds {
            Objects.requireNonNull(singlePayment, "singlePayment");
            Objects.requireNonNull(fixedAssetShare, "fixedAssetShare");
            Objects.requireNonNull(fixedAssetPayment, "fixedAssetPayment");
            Objects.requireNonNull(averageGrade, "averageGrade");
        }
    }

    /**
     * What is known when paying out: whether the contract says entrusted, whether this is the borrower's
     * first credit relationship with the lender, its grade (null when the lender has none) and whether
     * that grade is average; whether the loan is a fixed-asset loan and its project's total investment.
     */
    public record Facts(boolean contractEntrusted, boolean newlyRelated, String grade, boolean averageStanding,
                        boolean fixedAsset, BigDecimal projectInvestment) {
    }

    /** One payment: the counterparty (null for the unlisted rest of a self-paid loan), the amount, the mode. */
    public record Payment(String payee, BigDecimal amount, Mode mode) {
    }

    /** Why a payment must be entrusted: the rule and the figures it was decided on. */
    public record Requirement(Rule rule, List<Object> figures) {
    }

    private EntrustedPaymentRules() {
    }

    /** The rule that requires {@code amount} to one counterparty to be entrusted, if any. */
    public static Optional<Requirement> requirement(BigDecimal amount, Facts f, Thresholds t) {
        if (f.contractEntrusted()) {
            return Optional.of(new Requirement(Rule.CONTRACT, List.of()));
        }
        if (f.newlyRelated() && f.averageStanding()) {
            return Optional.of(new Requirement(Rule.NEWLY_RELATED_AVERAGE_STANDING,
                    List.of(f.grade(), t.averageGrade())));
        }
        if (f.fixedAsset() && f.projectInvestment() != null) {
            BigDecimal share = f.projectInvestment().multiply(t.fixedAssetShare()).setScale(2, RoundingMode.HALF_UP);
            if (amount.compareTo(share) > 0) {
                return Optional.of(new Requirement(Rule.FIXED_ASSET_SHARE, List.of(percent(t.fixedAssetShare()),
                        f.projectInvestment().toPlainString(), share.toPlainString())));
            }
        }
        if (f.fixedAsset() && amount.compareTo(t.fixedAssetPayment()) > 0) {
            return Optional.of(new Requirement(Rule.FIXED_ASSET_SINGLE_PAYMENT, List.of(t.fixedAssetPayment().toPlainString())));
        }
        if (amount.compareTo(t.singlePayment()) > 0) {
            return Optional.of(new Requirement(Rule.SINGLE_PAYMENT, List.of(t.singlePayment().toPlainString())));
        }
        return Optional.empty();
    }

    /**
     * Each counterparty's payments checked: a self-payment a rule requires entrusted is refused, naming the
     * counterparty, the amount and the rule. Every problem is returned at once.
     */
    public static List<Rejection> check(List<Payment> payments, Facts f, Thresholds t) {
        Map<String, BigDecimal> perPayee = new LinkedHashMap<>();
        Map<String, Boolean> selfPaid = new LinkedHashMap<>();
        for (Payment p : payments) {
            String key = p.payee() == null ? "" : p.payee().strip().replaceAll("\\s+", " ");
            perPayee.merge(key, p.amount(), BigDecimal::add);
            selfPaid.merge(key, p.mode() == Mode.SELF, Boolean::logicalOr);
        }
        List<Rejection> problems = new ArrayList<>();
        perPayee.forEach((payee, amount) -> {
            if (!selfPaid.get(payee)) {
                return;
            }
            requirement(amount, f, t).ifPresent(r -> {
                List<Object> args = new ArrayList<>();
                args.add(payee.isEmpty() ? "—" : payee);
                args.add(amount.toPlainString());
                args.addAll(r.figures());
                args.add(r.rule().source());
                problems.add(new Rejection(r.rule().code(), "payees", args));
            });
        });
        return problems;
    }

    /**
     * Whether {@code grade} is at or below {@code averageGrade} on a scale listed best first; a grade that
     * is unknown or off the scale is not average (there is no standing to judge).
     */
    public static boolean averageStanding(String grade, String averageGrade, List<String> scaleBestFirst) {
        int at = grade == null ? -1 : scaleBestFirst.indexOf(grade);
        int level = scaleBestFirst.indexOf(averageGrade);
        return at >= 0 && level >= 0 && at >= level;
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
