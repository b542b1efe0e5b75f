package cn.chanrong.credit.internal;

import cn.chanrong.cashflow.CashFlows;
import cn.chanrong.cashflow.domain.CounterpartyCategory;
import cn.chanrong.credit.decision.Segments;
import cn.chanrong.credit.features.TxnBlock;
import cn.chanrong.credit.simulation.CashFlowSimulator;
import cn.chanrong.credit.simulation.Firm;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.springframework.stereotype.Component;

/**
 * Writes the demo economy's cash flows: for an enterprise, a bank account, 24 monthly statements whose
 * balances continue, their entries (customers and suppliers named from its supply relationships),
 * monthly tax and 数电发票 sales, a tax grade and a credit-bureau summary — all from the simulation of
 * its fundamentals, so that the demo model scores them on real signal.
 */
@Component
class DemoCashFlows {

    static final long SEED = 20251123L;
    private static final int MONTHS = 24;

    private static final String BANK = "示范城市商业银行";

    private final EnterpriseViewStore enterprises;
    private final CashFlows cashFlows;
    private final OutsideFactsStore outside;

    DemoCashFlows(EnterpriseViewStore enterprises, CashFlows cashFlows, OutsideFactsStore outside) {
        this.enterprises = enterprises;
        this.cashFlows = cashFlows;
        this.outside = outside;
    }

    void write(long enterpriseId, LocalDate asOf) {
        EnterpriseViewStore.Fundamentals e = enterprises.fundamentals(enterpriseId);
        List<String> customers = enterprises.customerNames(enterpriseId);
        List<String> suppliers = enterprises.supplierNames(enterpriseId);
        Firm firm = firm(enterpriseId, e, customers.size(), suppliers.size(), asOf);
        SplittableRandom r = new SplittableRandom(SEED ^ enterpriseId);
        List<long[]> rows = new ArrayList<>();
        CashFlowSimulator.Extras x = CashFlowSimulator.flows(firm, asOf, MONTHS, r,
                (day, fen, cat, cp, flags) -> rows.add(new long[] {day.toEpochDay(), fen, cat.ordinal(), cp, flags}));
        String account = String.format("6216%012d", enterpriseId);
        long total = rows.stream().mapToLong(t -> t[1]).sum();
        long closing = Math.max(x.balanceFen(), total + Math.round(firm.annualRevenue() / 24 * 100));
        long balance = closing - total;
        LocalDate first = asOf.withDayOfMonth(1).minusMonths(MONTHS - 1);
        Map<YearMonth, long[]> tax = new LinkedHashMap<>();
        List<CashFlows.GeneratedStatement> statements = new ArrayList<>();
        int at = 0;
        for (int m = 0; m < MONTHS; m++) {
            YearMonth month = YearMonth.from(first.plusMonths(m));
            List<long[]> mine = new ArrayList<>();
            while (at < rows.size() && YearMonth.from(LocalDate.ofEpochDay(rows.get(at)[0])).equals(month)) {
                mine.add(rows.get(at++));
            }
            long opening = balance;
            for (long[] t : mine) {
                balance += t[1];
                long[] agg = tax.computeIfAbsent(month, k -> new long[2]);
                if (t[2] == CounterpartyCategory.TAX.ordinal()) {
                    agg[0] -= t[1];
                } else if (t[2] == CounterpartyCategory.CUSTOMER.ordinal()) {
                    agg[1] += Math.round(t[1] * (firm.doctors() ? 0.8 : 0.97));
                }
            }
            statements.add(statement(account, month, opening, balance, mine, customers, suppliers, e.name()));
        }
        cashFlows.bulkLoad(List.of(new CashFlows.GeneratedAccount(enterpriseId, account, BANK, "CNY", statements)));
        outside.insertGenerated(enterpriseId, tax, asOf.getYear() - 1, asOf, x);
    }

    private static Firm firm(long id, EnterpriseViewStore.Fundamentals e, int customers, int suppliers, LocalDate asOf) {
        double revenue = (e.revenue() != null ? e.revenue() : e.annualRevenue()).doubleValue();
        double margin = e.revenue() == null || e.revenue().signum() == 0 ? 0.05 : e.netProfit().doubleValue() / revenue;
        double debt = e.totalAssets() == null || e.totalAssets().signum() == 0 ? 0.55
                : e.totalLiabilities().doubleValue() / e.totalAssets().doubleValue();
        double growth = e.previousRevenue() == null || e.previousRevenue().signum() == 0 ? 0.05
                : revenue / e.previousRevenue().doubleValue() - 1;
        int age = Math.max(1, asOf.getYear() - e.foundingDate().getYear());
        String stage = age < 3 ? "STARTUP" : age < 10 ? "GROWTH" : "MATURE";
        return Firm.of(id, Segments.of(e.industryCode()), stage, e.ownership(), revenue, Math.max(-0.3, Math.min(0.4, margin)),
                Math.max(0.05, Math.min(0.98, debt)), Math.max(-0.4, Math.min(0.8, growth)), age, Math.max(2, Math.min(30, 2 + customers * 2)),
                Math.max(2, Math.min(20, 2 + suppliers)), SEED);
    }

    /** A month's statement of the demo account: imported from the PBOC platform, its balances continuing. */
    private static CashFlows.GeneratedStatement statement(String account, YearMonth month, long opening, long closing, List<long[]> rows,
                                                          List<String> customers, List<String> suppliers, String name) {
        List<CashFlows.GeneratedEntry> entries = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            long[] t = rows.get(k);
            CounterpartyCategory cat = CounterpartyCategory.values()[(int) t[2]];
            LocalDate day = LocalDate.ofEpochDay(t[0]);
            entries.add(new CashFlows.GeneratedEntry(month + "-" + (k + 1), day, day, BigDecimal.valueOf(t[1], 2), "CNY",
                    party(cat, (int) t[3], customers, suppliers, name), null, remittance(cat, (t[4] & TxnBlock.RETURNED) != 0),
                    cat.name(), "demo: simulated", (t[4] & TxnBlock.ROUND_TRIP) != 0));
        }
        return new CashFlows.GeneratedStatement("DEMO-" + account + "-" + month, "camt.053.001.08", CashFlows.Source.PBOC_PLATFORM,
                new BigDecimal("1.00"), month.atDay(1), month.atEndOfMonth(), BigDecimal.valueOf(opening, 2),
                BigDecimal.valueOf(closing, 2), "CONTINUOUS", "demo-loader", entries);
    }

    private static String party(CounterpartyCategory c, int id, List<String> customers, List<String> suppliers, String name) {
        return switch (c) {
            case CUSTOMER -> id >= 4000 ? "往来客户" + (id - 3999) + "号贸易有限公司"
                    : id - 1000 < customers.size() ? customers.get(id - 1000) : "客户" + (id - 999) + "号有限公司";
            case SUPPLIER -> id - 2000 < suppliers.size() ? suppliers.get(id - 2000) : "供应商" + (id - 1999) + "号有限公司";
            case PAYROLL -> "代发工资";
            case TAX -> "国家金库";
            case UTILITIES -> "国网供电公司";
            case LOAN_REPAYMENT -> "示范城市商业银行贷款还款";
            case RELATED_PARTY -> name.length() > 4 ? name.substring(0, 4) + "关联贸易有限公司" : "关联贸易有限公司";
            case WEALTH_MANAGEMENT -> "银行理财产品";
            case SECURITIES -> "证券公司客户资金";
            case PRIVATE_LENDING -> "个人借款";
            default -> "其他";
        };
    }

    private static String remittance(CounterpartyCategory c, boolean returned) {
        String text = switch (c) {
            case CUSTOMER -> "货款";
            case SUPPLIER -> "采购款";
            case PAYROLL -> "工资";
            case TAX -> "税款";
            case UTILITIES -> "电费";
            case LOAN_REPAYMENT -> "贷款还款";
            case RELATED_PARTY -> "往来款";
            case WEALTH_MANAGEMENT -> "理财申购";
            case SECURITIES -> "证券转账";
            case PRIVATE_LENDING -> "借款";
            default -> "其他";
        };
        return returned ? text + "（退票）" : text;
    }
}
