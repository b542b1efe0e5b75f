package cn.chanrong.credit.features;

import cn.chanrong.cashflow.domain.CounterpartyCategory;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Computes the data-credit features of enterprises as of a date from a {@link TxnBlock}. Months are
 * calendar months counted back from the as-of month (month 0); "operating" flows leave out transfers
 * between the enterprise's own accounts, loan proceeds, related parties and round trips, so that
 * doctored turnover does not count as revenue. Amounts are weighted by their source's trust and
 * reported in yuan. See docs/CREDIT.md for each feature's definition.
 */
public final class FeatureEngine {

    /** Feature names, in the order {@link #compute} fills them. */
    public static final String[] NAMES = {
        "in_3", "in_6", "in_12", "out_3", "out_6", "out_12", "net_3", "net_6", "net_12",
        "cv_in_6", "cv_in_12", "growth_6", "trend_12", "hhi_customers_12", "top1_share_12", "top5_share_12",
        "customer_tenure", "supplier_tenure", "payroll_months_12", "tax_months_12", "late_tax_12", "cash_days",
        "min_balance_3", "debt_service_12", "returned_12", "related_share_12", "round_trip_share_12", "watched_share_12",
        "months_of_data"};

    static final int HORIZON = 24;
    private static final int OWN = CounterpartyCategory.OWN_ACCOUNT.ordinal();
    private static final int RELATED = CounterpartyCategory.RELATED_PARTY.ordinal();
    private static final int PROCEEDS = CounterpartyCategory.LOAN_PROCEEDS.ordinal();
    private static final int REPAY = CounterpartyCategory.LOAN_REPAYMENT.ordinal();
    private static final int PAYROLL = CounterpartyCategory.PAYROLL.ordinal();
    private static final int TAX = CounterpartyCategory.TAX.ordinal();
    private static final int CUSTOMER = CounterpartyCategory.CUSTOMER.ordinal();
    private static final int SUPPLIER = CounterpartyCategory.SUPPLIER.ordinal();
    private static final boolean[] WATCHED = new boolean[CounterpartyCategory.values().length];

    static {
        for (CounterpartyCategory c : new CounterpartyCategory[] {CounterpartyCategory.SECURITIES, CounterpartyCategory.REAL_ESTATE,
                CounterpartyCategory.WEALTH_MANAGEMENT, CounterpartyCategory.PRIVATE_LENDING}) {
            WATCHED[c.ordinal()] = true;
        }
    }

    private final int asOfDay;
    private final int firstDay;
    private final byte[] monthOf;
    private final byte[] dayOfMonth;
    private final Workspace ws = new Workspace();

    /** An engine for one as-of date; not thread-safe (one per thread in a batch). */
    public FeatureEngine(LocalDate asOf) {
        LocalDate first = asOf.withDayOfMonth(1).minusMonths(HORIZON - 1);
        this.asOfDay = (int) asOf.toEpochDay();
        this.firstDay = (int) first.toEpochDay();
        int span = asOfDay - firstDay + 1;
        monthOf = new byte[span];
        dayOfMonth = new byte[span];
        for (int d = 0; d < span; d++) {
            LocalDate date = first.plusDays(d);
            monthOf[d] = (byte) ((asOf.getYear() - date.getYear()) * 12 + asOf.getMonthValue() - date.getMonthValue());
            dayOfMonth[d] = (byte) date.getDayOfMonth();
        }
    }

    /** Per-call scratch arrays, reused so a batch allocates nothing per enterprise. */
    private static final class Workspace {
        final double[] in = new double[HORIZON];
        final double[] out = new double[HORIZON];
        final boolean[] payroll = new boolean[HORIZON];
        final boolean[] tax = new boolean[HORIZON];
        final boolean[] any = new boolean[HORIZON];
        int[] cp = new int[256];
        double[] cpIn = new double[256];
        int[] cpFirst = new int[256];
        int[] cpLast = new int[256];
        boolean[] cpSupplier = new boolean[256];

        void reset() {
            Arrays.fill(in, 0);
            Arrays.fill(out, 0);
            Arrays.fill(payroll, false);
            Arrays.fill(tax, false);
            Arrays.fill(any, false);
        }
    }

    /** The features of enterprise {@code e} of the block; {@code balanceFen} is its balance at the as-of date (all accounts). */
    public double[] compute(TxnBlock b, int e, long balanceFen) {
        double[] f = new double[NAMES.length];
        compute(b, e, balanceFen, f);
        return f;
    }

    /** Operating inflow and outflow of the last 12 months of the latest {@link #compute} call, oldest first, in yuan. */
    public double[][] lastMonthly() {
        double[] in = new double[12];
        double[] out = new double[12];
        for (int k = 0; k < 12; k++) {
            in[11 - k] = ws.in[k];
            out[11 - k] = ws.out[k];
        }
        return new double[][] {in, out};
    }

    public Map<String, Double> asMap(double[] f) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.length; i++) {
            m.put(NAMES[i], f[i]);
        }
        return m;
    }

    public void compute(TxnBlock b, int e, long balanceFen, double[] f) {
        Workspace w = ws;
        w.reset();
        int from = b.start[e];
        int to = b.start[e + 1];
        int parties = 0;
        double grossIn = 0;
        double related = 0;
        double grossAll = 0;
        double roundTrip = 0;
        double watched = 0;
        double repay = 0;
        int lateTax = 0;
        int returned = 0;
        double balance = balanceFen / 100.0;
        double minBalance = Double.NaN;
        int minFrom = asOfDay - 90;
        for (int r = to - 1; r >= from; r--) {
            int day = b.day[r];
            if (day > asOfDay) {
                continue;
            }
            if (day < firstDay) {
                break;
            }
            double amount = b.fen[r] / 100.0;
            if (day >= minFrom) {
                minBalance = Double.isNaN(minBalance) ? balance : Math.min(minBalance, balance);
                balance -= amount;
                minBalance = Math.min(minBalance, balance);
            }
            int k = monthOf[day - firstDay];
            int cat = b.category[r];
            double v = amount * b.weight[r];
            w.any[k] = true;
            if (k >= 12) {
                // older months only tell how long counterparties have been around
                if (b.counterparty[r] >= 0 && (cat == CUSTOMER && v > 0 || cat == SUPPLIER && v < 0)) {
                    parties = party(w, parties, b.counterparty[r], k, 0, cat == SUPPLIER);
                }
                continue;
            }
            if (cat == OWN) {
                continue;
            }
            grossAll += Math.abs(v);
            if (v > 0) {
                grossIn += v;
            }
            if ((b.flags[r] & TxnBlock.ROUND_TRIP) != 0) {
                roundTrip += Math.abs(v);
                continue;
            }
            if ((b.flags[r] & TxnBlock.RETURNED) != 0) {
                returned++;
            }
            if (cat == RELATED) {
                related += Math.abs(v);
                continue;
            }
            if (cat == PROCEEDS) {
                continue;
            }
            if (v > 0) {
                w.in[k] += v;
            } else {
                w.out[k] -= v;
                if (WATCHED[cat]) {
                    watched -= v;
                }
                if (cat == REPAY) {
                    repay -= v;
                }
            }
            if (cat == PAYROLL) {
                w.payroll[k] = true;
            } else if (cat == TAX && v < 0) {
                w.tax[k] = true;
                if (dayOfMonth[day - firstDay] > 15) {
                    lateTax++;
                }
            }
            if (b.counterparty[r] >= 0 && (cat == CUSTOMER && v > 0 || cat == SUPPLIER && v < 0)) {
                parties = party(w, parties, b.counterparty[r], k, v > 0 ? v : 0, cat == SUPPLIER);
            }
        }
        fill(f, w, parties, minBalance, balanceFen / 100.0, lateTax, returned, repay, related, grossAll, roundTrip,
                grossIn, watched);
    }

    /** Records a customer's inflow or a supplier's appearance in month {@code k}. */
    private static int party(Workspace w, int n, int id, int k, double inflow, boolean supplier) {
        int i = 0;
        while (i < n && w.cp[i] != id) {
            i++;
        }
        if (i == n) {
            if (n == w.cp.length) {
                int size = n * 2;
                w.cp = Arrays.copyOf(w.cp, size);
                w.cpIn = Arrays.copyOf(w.cpIn, size);
                w.cpFirst = Arrays.copyOf(w.cpFirst, size);
                w.cpLast = Arrays.copyOf(w.cpLast, size);
                w.cpSupplier = Arrays.copyOf(w.cpSupplier, size);
            }
            w.cp[n] = id;
            w.cpIn[n] = 0;
            w.cpFirst[n] = k;
            w.cpLast[n] = k;
            w.cpSupplier[n] = supplier;
            n++;
        }
        w.cpIn[i] += inflow;
        w.cpFirst[i] = Math.max(w.cpFirst[i], k);
        w.cpLast[i] = Math.min(w.cpLast[i], k);
        return n;
    }

    private static void fill(double[] f, Workspace w, int parties, double minBalance, double balance,
                             int lateTax, int returned, double repay, double related, double grossAll, double roundTrip,
                             double grossIn, double watched) {
        double in3 = sum(w.in, 0, 3);
        double in6 = sum(w.in, 0, 6);
        double in12 = sum(w.in, 0, 12);
        double out3 = sum(w.out, 0, 3);
        double out6 = sum(w.out, 0, 6);
        double out12 = sum(w.out, 0, 12);
        double prev6 = sum(w.in, 6, 12);
        int i = 0;
        f[i++] = in3;
        f[i++] = in6;
        f[i++] = in12;
        f[i++] = out3;
        f[i++] = out6;
        f[i++] = out12;
        f[i++] = in3 - out3;
        f[i++] = in6 - out6;
        f[i++] = in12 - out12;
        f[i++] = cv(w.in, 6);
        f[i++] = cv(w.in, 12);
        f[i++] = prev6 > 0 ? in6 / prev6 - 1 : Double.NaN;
        f[i++] = trend(w.in);
        double total = 0;
        double sq = 0;
        double[] shares = new double[parties];
        int customers = 0;
        double tenureC = 0;
        int activeC = 0;
        double tenureS = 0;
        int activeS = 0;
        for (int p = 0; p < parties; p++) {
            if (w.cpSupplier[p]) {
                if (w.cpLast[p] < 3) {
                    tenureS += w.cpFirst[p] + 1;
                    activeS++;
                }
                continue;
            }
            if (w.cpIn[p] > 0) {
                shares[customers++] = w.cpIn[p];
                total += w.cpIn[p];
            }
            if (w.cpLast[p] < 3) {
                tenureC += w.cpFirst[p] + 1;
                activeC++;
            }
        }
        Arrays.sort(shares, 0, customers);
        double top1 = customers > 0 ? shares[customers - 1] / total : Double.NaN;
        double top5 = 0;
        for (int c = 0; c < customers; c++) {
            double s = shares[c] / total;
            sq += s * s;
            if (c >= customers - 5) {
                top5 += s;
            }
        }
        f[i++] = customers > 0 ? sq : Double.NaN;
        f[i++] = top1;
        f[i++] = customers > 0 ? top5 : Double.NaN;
        f[i++] = activeC > 0 ? tenureC / activeC : Double.NaN;
        f[i++] = activeS > 0 ? tenureS / activeS : Double.NaN;
        f[i++] = count(w.payroll, 12) / 12.0;
        f[i++] = count(w.tax, 12) / 12.0;
        f[i++] = lateTax;
        f[i++] = out3 > 0 ? balance / (out3 / 91.0) : Double.NaN;
        f[i++] = Double.isNaN(minBalance) ? balance : minBalance;
        f[i++] = in12 > 0 ? repay / in12 : Double.NaN;
        f[i++] = returned;
        f[i++] = grossAll > 0 ? related / grossAll : 0;
        f[i++] = grossIn > 0 ? roundTrip / (grossIn + roundTrip / 2) : 0;
        f[i++] = out12 > 0 ? watched / out12 : 0;
        f[i] = count(w.any, HORIZON);
    }

    private static double sum(double[] a, int from, int to) {
        double s = 0;
        for (int k = from; k < to; k++) {
            s += a[k];
        }
        return s;
    }

    private static int count(boolean[] a, int n) {
        int c = 0;
        for (int k = 0; k < n; k++) {
            c += a[k] ? 1 : 0;
        }
        return c;
    }

    /** Coefficient of variation of monthly operating inflow over the last {@code n} months. */
    private static double cv(double[] in, int n) {
        double mean = sum(in, 0, n) / n;
        if (mean <= 0) {
            return Double.NaN;
        }
        double var = 0;
        for (int k = 0; k < n; k++) {
            var += (in[k] - mean) * (in[k] - mean);
        }
        return Math.sqrt(var / n) / mean;
    }

    /** Least-squares slope of monthly inflow over 12 months, per month, relative to its mean. */
    private static double trend(double[] in) {
        double mean = sum(in, 0, 12) / 12;
        if (mean <= 0) {
            return Double.NaN;
        }
        double num = 0;
        double den = 0;
        for (int k = 0; k < 12; k++) {
            double t = 11 - k - 5.5;
            num += t * (in[k] - mean);
            den += t * t;
        }
        return num / den / mean;
    }
}
