package cn.chanrong.credit.simulation;

import cn.chanrong.cashflow.domain.CounterpartyCategory;
import cn.chanrong.credit.features.TxnBlock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The cash flows a firm's fundamentals produce, month by month up to an as-of date, and whether it
 * defaults in the twelve months after. Fragility shows in the flows only noisily: more volatile and
 * declining sales, concentrated customers, skipped payroll, late tax, bounced payments, money moved
 * to wealth products or private lenders, and — for firms that doctor their statements — round trips
 * through related parties, most (not all) of which detection catches. Year stress makes some years
 * worse than others, so an out-of-time test is a real test.
 */
public final class CashFlowSimulator {

    /** Receives generated rows; counterparty ids are local to the firm (customers 1000+, suppliers 2000+, related 3000+). */
    public interface Sink {
        void row(LocalDate day, long fen, CounterpartyCategory category, int counterparty, byte flags);
    }

    /** Tax and credit-bureau facts a bank would also see. */
    public record Extras(String taxGrade, double taxPaid12, double invoiceSales12, double bankDebt, int lenders,
                         double overdue90Share, int maxDaysOverdue24m, boolean everBorrowed, long balanceFen) {
    }

    static final double DETECTION_RATE = 0.8;

    private CashFlowSimulator() {
    }

    /** Year stress: 0 calm; higher years see more distress in flows and more defaults. */
    public static double stress(int year) {
        return switch (year) {
            case 2020 -> 0.6;
            case 2021 -> 0.1;
            case 2022 -> 0.5;
            case 2023 -> 0.2;
            case 2024 -> 0.35;
            default -> 0.25;
        };
    }

    /** Whether the firm defaults (90+ days past due or 次级 or worse) within 12 months after {@code asOf}. */
    public static boolean defaults(Firm f, LocalDate asOf, SplittableRandom r) {
        double s = stress(asOf.getYear() + 1);
        double pd = 1 / (1 + Math.exp(-(-5.9 + 5.0 * f.fragility() + 1.2 * s)));
        return r.nextDouble() < pd;
    }

    /** Writes {@code months} months of flows ending at the month of {@code asOf} in day order. */
    public static Extras flows(Firm f, LocalDate asOf, int months, SplittableRandom r, Sink sink) {
        double s = stress(asOf.getYear());
        double frag = f.fragility();
        double monthly = f.annualRevenue() / 12;
        double sigma = 0.08 + 0.35 * frag;
        double[] share = customerShares(f.customers(), 1.0 + 1.2 * frag);
        List<long[]> rows = new ArrayList<>();
        double taxPaid = 0;
        double invoiced = 0;
        LocalDate first = asOf.withDayOfMonth(1).minusMonths(months - 1);
        for (int m = 0; m < months; m++) {
            LocalDate month = first.plusMonths(m);
            int len = month.lengthOfMonth();
            double t = (m - months + 1) / 12.0;
            double decline = Math.exp(-0.7 * frag * s * (m + 1) / months);
            double sales = monthly * Math.pow(1 + f.growth(), t) * decline * (1 + 0.08 * Math.sin(month.getMonthValue() / 1.9))
                    * Math.exp(sigma * r.nextGaussian());
            rows.clear();
            for (int c = 0; c < share.length; c++) {
                if (r.nextDouble() < 0.92 - 0.3 * frag * (0.5 + s)) {
                    add(rows, month.plusDays(r.nextInt(len)), sales * share[c], CounterpartyCategory.CUSTOMER, 1000 + c, 0);
                }
            }
            double costs = sales * Math.max(0.3, 1 - f.margin() - 0.15);
            for (int k = 0; k < f.suppliers(); k++) {
                boolean bounced = r.nextDouble() < (0.01 + 0.12 * frag * s) / f.suppliers();
                add(rows, month.plusDays(r.nextInt(len)), -costs / f.suppliers(), CounterpartyCategory.SUPPLIER, 2000 + k,
                        bounced ? TxnBlock.RETURNED : 0);
            }
            if (r.nextDouble() > 0.3 * frag * s) {
                add(rows, month.withDayOfMonth(10), -sales * 0.12, CounterpartyCategory.PAYROLL, -1, 0);
            }
            boolean late = r.nextDouble() < 0.03 + 0.5 * frag * s;
            double tax = sales * 0.03 * (1 - 0.5 * frag * s);
            taxPaid += m >= months - 12 ? tax : 0;
            invoiced += m >= months - 12 ? sales * (f.doctors() ? 0.8 : 0.97) : 0;
            add(rows, month.withDayOfMonth(late ? 16 + r.nextInt(10) : 8 + r.nextInt(8)), -tax, CounterpartyCategory.TAX, -1, 0);
            add(rows, month.withDayOfMonth(Math.min(21, len)), -f.debtRatio() * f.annualRevenue() * 0.006,
                    CounterpartyCategory.LOAN_REPAYMENT, -1, 0);
            add(rows, month.plusDays(r.nextInt(len)), -sales * 0.02, CounterpartyCategory.UTILITIES, -1, 0);
            if (r.nextDouble() < 0.25 * frag) {
                CounterpartyCategory where = r.nextBoolean() ? CounterpartyCategory.WEALTH_MANAGEMENT
                        : r.nextBoolean() ? CounterpartyCategory.SECURITIES : CounterpartyCategory.PRIVATE_LENDING;
                add(rows, month.plusDays(r.nextInt(len)), -sales * (0.05 + 0.15 * r.nextDouble()), where, -1, 0);
            }
            if (f.doctors()) {
                roundTrips(rows, month, len, sales, r);
            }
            rows.sort(Comparator.comparingLong(x -> x[0]));
            for (long[] x : rows) {
                sink.row(LocalDate.ofEpochDay(x[0]), x[1], CounterpartyCategory.values()[(int) x[2]], (int) x[3], (byte) x[4]);
            }
        }
        return extras(f, s, taxPaid, invoiced, r);
    }

    private static void roundTrips(List<long[]> rows, LocalDate month, int len, double sales, SplittableRandom r) {
        int trips = 1 + r.nextInt(2);
        for (int k = 0; k < trips; k++) {
            double amount = sales * (0.15 + 0.25 * r.nextDouble());
            int day = r.nextInt(Math.max(1, len - 6));
            boolean caught = r.nextDouble() < DETECTION_RATE;
            add(rows, month.plusDays(day), -amount, CounterpartyCategory.RELATED_PARTY, 3000 + k, caught ? TxnBlock.ROUND_TRIP : 0);
            // An uncaught return looks like a sale from an unfamiliar customer: that is what doctoring is for.
            add(rows, month.plusDays(day + 1 + r.nextInt(5)), amount * (0.995 + 0.01 * r.nextDouble()),
                    caught ? CounterpartyCategory.RELATED_PARTY : CounterpartyCategory.CUSTOMER, caught ? 3000 + k : 4000 + r.nextInt(50),
                    caught ? TxnBlock.ROUND_TRIP : 0);
        }
    }

    private static Extras extras(Firm f, double s, double taxPaid, double invoiced, SplittableRandom r) {
        double frag = f.fragility();
        double g = -2.6 * frag + 0.7 * r.nextGaussian() + 1.0;
        String grade = g > 0.9 ? "A" : g > 0.1 ? "B" : g > -0.3 ? "M" : g > -0.8 ? "C" : "D";
        double bankDebt = f.debtRatio() * f.annualRevenue() * (0.3 + 0.4 * r.nextDouble());
        int lenders = 1 + (int) Math.min(9, -Math.log(1 - r.nextDouble()) * (0.8 + 2 * f.debtRatio()));
        double overdue = r.nextDouble() < 0.4 * frag * frag ? 0.05 + 0.3 * r.nextDouble() * frag : 0;
        int dpd = r.nextDouble() < 0.15 + 0.6 * frag * (0.5 + s) ? (int) (5 + 80 * frag * r.nextDouble()) : 0;
        boolean ever = f.ageYears() > 2 || r.nextDouble() < 0.3;
        long balance = Math.round(f.annualRevenue() / 12 * (0.3 + 1.4 * (1 - frag)) * Math.exp(0.3 * r.nextGaussian()) * 100);
        return new Extras(grade, taxPaid, invoiced, ever ? bankDebt : 0, ever ? lenders : 0, ever ? overdue : 0, ever ? dpd : 0, ever,
                balance);
    }

    private static double[] customerShares(int n, double alpha) {
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = 1 / Math.pow(i + 1, alpha);
            sum += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= sum;
        }
        return w;
    }

    private static void add(List<long[]> rows, LocalDate day, double yuan, CounterpartyCategory c, int party, int flags) {
        long fen = Math.round(yuan * 100);
        if (fen != 0) {
            rows.add(new long[] {day.toEpochDay(), fen, c.ordinal(), party, flags});
        }
    }
}
