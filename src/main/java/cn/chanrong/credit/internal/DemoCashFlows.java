package cn.chanrong.credit.internal;

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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    DemoCashFlows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Whether the enterprise has cash-flow data already. */
    boolean has(long enterpriseId) {
        return jdbc.sql("SELECT count(*) FROM cash_account_view WHERE enterprise_id = :e").param("e", enterpriseId).query(Long.class).single() > 0;
    }

    void write(long enterpriseId, LocalDate asOf) {
        var e = jdbc.sql("""
                        SELECT e.name, e.industry_code, e.ownership, e.founding_date, e.annual_revenue, e.employees,
                               s.revenue, s.net_profit, s.total_assets, s.total_liabilities, p.revenue
                          FROM enterprise_party_view e
                          LEFT JOIN LATERAL (SELECT * FROM enterprise_statement_view WHERE enterprise_id = e.id ORDER BY year DESC LIMIT 1) s ON true
                          LEFT JOIN LATERAL (SELECT revenue FROM enterprise_statement_view WHERE enterprise_id = e.id ORDER BY year DESC OFFSET 1 LIMIT 1) p ON true
                         WHERE e.id = :id""")
                .param("id", enterpriseId).query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getBigDecimal(5), rs.getInt(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11)}).single();
        List<String> customers = jdbc.sql("""
                        SELECT c.name FROM enterprise_relationship_view r JOIN enterprise_party_view c ON c.id = r.customer_id
                         WHERE r.supplier_id = :e ORDER BY r.annual_volume DESC""").param("e", enterpriseId).query(String.class).list();
        List<String> suppliers = jdbc.sql("""
                        SELECT s.name FROM enterprise_relationship_view r JOIN enterprise_party_view s ON s.id = r.supplier_id
                         WHERE r.customer_id = :e ORDER BY r.annual_volume DESC""").param("e", enterpriseId).query(String.class).list();
        Firm firm = firm(enterpriseId, e, customers.size(), suppliers.size(), asOf);
        SplittableRandom r = new SplittableRandom(SEED ^ enterpriseId);
        List<long[]> rows = new ArrayList<>();
        CashFlowSimulator.Extras x = CashFlowSimulator.flows(firm, asOf, MONTHS, r,
                (day, fen, cat, cp, flags) -> rows.add(new long[] {day.toEpochDay(), fen, cat.ordinal(), cp, flags}));
        String account = String.format("6216%012d", enterpriseId);
        long accountId = jdbc.sql("""
                        INSERT INTO cash_account (enterprise_id, account_no, bank_name, currency) VALUES (:e, :a, '示范城市商业银行', 'CNY')
                        RETURNING id""").param("e", enterpriseId).param("a", account).query(Long.class).single();
        long total = rows.stream().mapToLong(t -> t[1]).sum();
        long closing = Math.max(x.balanceFen(), total + Math.round(firm.annualRevenue() / 24 * 100));
        long balance = closing - total;
        LocalDate first = asOf.withDayOfMonth(1).minusMonths(MONTHS - 1);
        Map<YearMonth, long[]> tax = new LinkedHashMap<>();
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
            statement(accountId, account, month, opening, balance, mine, customers, suppliers, e[0].toString());
        }
        for (var t : tax.entrySet()) {
            template.update("INSERT INTO tax_record (enterprise_id, month, tax_paid, invoice_sales) VALUES (?, ?, ?, ?)", enterpriseId,
                    t.getKey().atDay(1), BigDecimal.valueOf(t.getValue()[0], 2), BigDecimal.valueOf(Math.max(0, t.getValue()[1]), 2));
        }
        template.update("INSERT INTO tax_grade (enterprise_id, year, grade) VALUES (?, ?, ?)", enterpriseId, asOf.getYear() - 1,
                x.taxGrade());
        template.update("""
                        INSERT INTO credit_bureau_summary (enterprise_id, as_of, loans_outstanding, lenders, guarantees_given,
                                                           overdue_90_share, max_days_overdue_24m, ever_borrowed)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", enterpriseId, asOf, BigDecimal.valueOf(x.bankDebt()).setScale(2,
                java.math.RoundingMode.HALF_UP), x.lenders(), BigDecimal.ZERO, BigDecimal.valueOf(x.overdue90Share()).setScale(4,
                java.math.RoundingMode.HALF_UP), x.maxDaysOverdue24m(), x.everBorrowed());
    }

    private static Firm firm(long id, Object[] e, int customers, int suppliers, LocalDate asOf) {
        double revenue = ((BigDecimal) (e[6] != null ? e[6] : e[4])).doubleValue();
        double margin = e[6] == null || ((BigDecimal) e[6]).signum() == 0 ? 0.05 : ((BigDecimal) e[7]).doubleValue() / revenue;
        double debt = e[8] == null || ((BigDecimal) e[8]).signum() == 0 ? 0.55
                : ((BigDecimal) e[9]).doubleValue() / ((BigDecimal) e[8]).doubleValue();
        double growth = e[10] == null || ((BigDecimal) e[10]).signum() == 0 ? 0.05 : revenue / ((BigDecimal) e[10]).doubleValue() - 1;
        int age = Math.max(1, asOf.getYear() - ((LocalDate) e[3]).getYear());
        String stage = age < 3 ? "STARTUP" : age < 10 ? "GROWTH" : "MATURE";
        return Firm.of(id, Segments.of((String) e[1]), stage, (String) e[2], revenue, Math.max(-0.3, Math.min(0.4, margin)),
                Math.max(0.05, Math.min(0.98, debt)), Math.max(-0.4, Math.min(0.8, growth)), age, Math.max(2, Math.min(30, 2 + customers * 2)),
                Math.max(2, Math.min(20, 2 + suppliers)), SEED);
    }

    private void statement(long accountId, String account, YearMonth month, long opening, long closing, List<long[]> rows,
                           List<String> customers, List<String> suppliers, String name) {
        long id = jdbc.sql("""
                        INSERT INTO cash_statement (account_id, statement_ref, format, source, weight, period_from, period_to, opening,
                                                    closing, entries, new_entries, continuity, imported_by)
                        VALUES (:a, :r, 'camt.053.001.08', 'PBOC_PLATFORM', 1.00, :f, :t, :o, :c, :n, :n, 'CONTINUOUS', 'demo-loader')
                        RETURNING id""")
                .param("a", accountId).param("r", "DEMO-" + account + "-" + month).param("f", month.atDay(1))
                .param("t", month.atEndOfMonth()).param("o", BigDecimal.valueOf(opening, 2)).param("c", BigDecimal.valueOf(closing, 2))
                .param("n", rows.size()).query(Long.class).single();
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("""
                INSERT INTO cash_txn (account_id, statement_id, entry_ref, booking_date, value_date, amount, currency, counterparty_name,
                                      counterparty_account, remittance, category, category_reason, round_trip) VALUES """);
        List<Object> args = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            long[] t = rows.get(k);
            CounterpartyCategory cat = CounterpartyCategory.values()[(int) t[2]];
            LocalDate day = LocalDate.ofEpochDay(t[0]);
            sql.append(k == 0 ? "" : ",").append("(?, ?, ?, ?, ?, ?, 'CNY', ?, ?, ?, ?, 'demo: simulated', ?)");
            args.addAll(List.of(accountId, id, month + "-" + (k + 1), day, day, BigDecimal.valueOf(t[1], 2)));
            args.add(party(cat, (int) t[3], customers, suppliers, name));
            args.add(null);
            args.add(remittance(cat, (t[4] & TxnBlock.RETURNED) != 0));
            args.add(cat.name());
            args.add((t[4] & TxnBlock.ROUND_TRIP) != 0);
        }
        template.update(sql.toString(), args.toArray());
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
