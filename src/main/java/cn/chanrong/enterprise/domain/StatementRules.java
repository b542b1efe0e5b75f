package cn.chanrong.enterprise.domain;

import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Checks an annual statement as filed: amounts, years, and the balance-sheet identity. */
public final class StatementRules {

    public static final int FIRST_YEAR = 1949;
    private static final BigDecimal MAX = new BigDecimal("1000000000000000");

    /** The input; amounts already read as numbers at the edge, their scale and bounds checked here. Equity is optional. */
    public record Input(Integer year, BigDecimal revenue, BigDecimal mainBusinessRevenue, BigDecimal rdExpense,
                        Integer rdStaff, BigDecimal netProfit, BigDecimal totalAssets, BigDecimal totalLiabilities,
                        BigDecimal equity,
                        Integer ipClass1, Integer ipClass2, Boolean published) {
    }

    public record Outcome(AnnualStatement statement, List<Rejection> rejections) {
        public boolean ok() {
            return rejections.isEmpty();
        }
    }

    private StatementRules() {
    }

    /**
     * @param currentYear the business date's year: statements are for closed years only
     * @param employees   the enterprise's headcount, which bounds the R&D staff
     */
    public static Outcome check(Input in, int currentYear, int employees) {
        List<Rejection> r = new ArrayList<>();
        if (in.year() == null) {
            r.add(Rejection.of("required", "year"));
        } else if (in.year() < FIRST_YEAR || in.year() >= currentYear) {
            r.add(Rejection.of("range", "year", FIRST_YEAR, currentYear - 1, in.year()));
        }
        BigDecimal revenue = amount(in.revenue(), "revenue", false, r);
        BigDecimal main = amount(in.mainBusinessRevenue(), "mainBusinessRevenue", false, r);
        BigDecimal rd = amount(in.rdExpense(), "rdExpense", false, r);
        BigDecimal profit = amount(in.netProfit(), "netProfit", true, r);
        BigDecimal assets = amount(in.totalAssets(), "totalAssets", false, r);
        BigDecimal liabilities = amount(in.totalLiabilities(), "totalLiabilities", false, r);
        BigDecimal equity = in.equity() == null ? null : amount(in.equity(), "equity", true, r);
        int rdStaff = count(in.rdStaff(), "rdStaff", r);
        int ip1 = count(in.ipClass1(), "ipClass1", r);
        int ip2 = count(in.ipClass2(), "ipClass2", r);
        if (revenue != null && main != null && main.compareTo(revenue) > 0) {
            r.add(Rejection.of("statement.main-above-revenue", "mainBusinessRevenue", main.toPlainString(),
                    revenue.toPlainString()));
        }
        if (rdStaff > employees) {
            r.add(Rejection.of("statement.rd-staff-above-employees", "rdStaff", rdStaff, employees));
        }
        if (equity != null && assets != null && liabilities != null
                && equity.compareTo(assets.subtract(liabilities)) != 0) {
            r.add(Rejection.of("statement.balance", "equity", assets.toPlainString(), liabilities.toPlainString(),
                    equity.toPlainString()));
        }
        if (!r.isEmpty()) {
            return new Outcome(null, List.copyOf(r));
        }
        return new Outcome(new AnnualStatement(in.year(), revenue, main, rd, rdStaff, profit, assets, liabilities, ip1,
                ip2, Boolean.TRUE.equals(in.published())), List.of());
    }

    private static BigDecimal amount(BigDecimal value, String field, boolean signed, List<Rejection> r) {
        return Amounts.check(value, field, signed, MAX, r);
    }

    private static int count(Integer v, String field, List<Rejection> r) {
        if (v == null) {
            return 0;
        }
        if (v < 0 || v > 10_000_000) {
            r.add(Rejection.of("range", field, 0, 10_000_000, v));
            return 0;
        }
        return v;
    }
}
