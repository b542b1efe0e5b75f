package cn.chanrong.capital.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hard-tech evaluation (issue 21 §4): an enterprise's figures against a board's published criteria, each line met or
 * missed with its source. A criterion is met when one of its rows that applies to the enterprise's industry is met (the
 * STAR Market's R&D criterion: a share of revenue or an amount); a criterion none of whose rows applies (the patents,
 * for a software enterprise) is not applicable. The outcome is MET when every applicable criterion is met; otherwise an
 * exception the criteria allow, claimed with its document, makes it EXCEPTION_CLAIMED (for the sponsor and the exchange
 * to judge, never met by the platform); otherwise MISSED. No weights: the criteria are all-of.
 *
 * <p>The figures: the three full years before the evaluation — R&D share = the three years' R&D over the three years'
 * revenue; R&D amount = the three years' R&D; revenue growth = the compound rate from the first to the last year,
 * (last / first)^(1/2) − 1; last year's revenue; R&D staff share = last year's R&D staff over the headcount; invention
 * patents as declared. Percentages are cut (never rounded up) to four decimals before they are compared.
 */
public final class HardTech {

    private HardTech() {
    }

    public enum Criterion { RD_INVESTMENT, RD_STAFF, INVENTION_PATENTS, REVENUE }

    public enum Metric { RD_SHARE_3Y, RD_AMOUNT_3Y, RD_STAFF_SHARE, INVENTION_PATENTS, REVENUE_CAGR_3Y, REVENUE_LAST_YEAR }

    public enum Outcome { MET, EXCEPTION_CLAIMED, MISSED }

    /** One way of meeting a criterion, for an industry (GB/T 4754 code prefix) only or for all but one. */
    public record Rule(Criterion criterion, Metric metric, BigDecimal threshold, String onlyIndustry, String exceptIndustry,
                       String source) {

        public boolean appliesTo(String industryCode) {
            if (onlyIndustry != null) {
                return industryCode.startsWith(onlyIndustry);
            }
            return exceptIndustry == null || !industryCode.startsWith(exceptIndustry);
        }
    }

    /** One year of the enterprise's statements. */
    public record Year(int year, BigDecimal revenue, BigDecimal rdExpense) {
    }

    /** Three consecutive years, oldest first; last year's R&D staff; headcount; invention patents; industry code. */
    public record Figures(List<Year> years, int rdStaff, int employees, int inventionPatents, String industryCode) {

        public Figures {
            years = List.copyOf(years);
            if (years.size() != 3) {
                throw new IllegalArgumentException("three years");
            }
        }

        public BigDecimal revenue3y() {
            return years.stream().map(Year::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public BigDecimal rd3y() {
            return years.stream().map(Year::rdExpense).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** A row evaluated: the value (null: cannot be computed — no revenue in the first year, no headcount), met or not. */
    public record Line(Criterion criterion, Metric metric, BigDecimal value, BigDecimal threshold, boolean met,
                       String source) {
    }

    public record Result(List<Line> lines, Map<Criterion, Boolean> criteria, Outcome outcome) {
    }

    private static final BigDecimal HUNDRED = new BigDecimal(100);

    /** The value of a metric for these figures, or null when it cannot be computed. */
    public static BigDecimal value(Metric metric, Figures f) {
        return switch (metric) {
            case RD_SHARE_3Y -> percent(f.rd3y(), f.revenue3y());
            case RD_AMOUNT_3Y -> f.rd3y();
            case RD_STAFF_SHARE -> percent(new BigDecimal(f.rdStaff()), new BigDecimal(f.employees()));
            case INVENTION_PATENTS -> new BigDecimal(f.inventionPatents());
            case REVENUE_CAGR_3Y -> growth(f.years().getFirst().revenue(), f.years().getLast().revenue());
            case REVENUE_LAST_YEAR -> f.years().getLast().revenue();
        };
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() <= 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole, 4, RoundingMode.DOWN);
    }

    private static BigDecimal growth(BigDecimal first, BigDecimal last) {
        if (first.signum() <= 0) {
            return null;
        }
        BigDecimal ratio = last.divide(first, MathContext.DECIMAL64);
        return ratio.sqrt(MathContext.DECIMAL64).subtract(BigDecimal.ONE).multiply(HUNDRED)
                .setScale(4, RoundingMode.DOWN);
    }

    /**
     * The figures against the rules of one board in force; {@code exceptionClaimed}: the enterprise claims one of the
     * exceptions the criteria allow, with its document.
     */
    public static Result evaluate(List<Rule> rules, Figures f, boolean exceptionClaimed) {
        List<Line> lines = new ArrayList<>();
        Map<Criterion, Boolean> criteria = new LinkedHashMap<>();
        for (Rule r : rules) {
            if (!r.appliesTo(f.industryCode())) {
                continue;
            }
            BigDecimal v = value(r.metric(), f);
            boolean met = v != null && v.compareTo(r.threshold()) >= 0;
            lines.add(new Line(r.criterion(), r.metric(), v, r.threshold(), met, r.source()));
            criteria.merge(r.criterion(), met, Boolean::logicalOr);
        }
        boolean all = !criteria.isEmpty() && criteria.values().stream().allMatch(Boolean::booleanValue);
        Outcome outcome = all ? Outcome.MET : exceptionClaimed ? Outcome.EXCEPTION_CLAIMED : Outcome.MISSED;
        return new Result(List.copyOf(lines), java.util.Collections.unmodifiableMap(criteria), outcome);
    }
}
