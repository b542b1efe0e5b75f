package cn.chanrong.cli;

import cn.chanrong.lending.schedule.DayCount;
import cn.chanrong.lending.schedule.LoanTerms;
import cn.chanrong.lending.schedule.RepaymentMethod;
import cn.chanrong.lending.schedule.Schedule;
import cn.chanrong.lending.schedule.ScheduleCalculator;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./chanrong schedule}: a repayment schedule from the pure core, with no database and no Spring. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Print a repayment schedule. --rate 4.90 means 4.90 % a year. Without --day-count the",
                "monthly rate is annual / 12 (the Chinese equal-installment convention)."})
final class ScheduleCommand implements Callable<Integer> {

    @Option(names = "--principal", required = true, description = "Principal in yuan, e.g. 630000") BigDecimal principal;
    @Option(names = "--months", required = true, description = "Number of monthly periods") int months;
    @Option(names = "--rate", required = true, description = "Annual rate in percent, e.g. 4.90") BigDecimal rate;
    @Option(names = "--method", required = true,
            description = "equal-installment | equal-principal | interest-only | bullet") String method;
    @Option(names = "--start", description = "First day of interest (default 2026-01-20)") LocalDate start;
    @Option(names = "--day-count", description = "ACT_360 | ACT_365F | ACT_ACT | THIRTY_360 (default: annual / 12)")
    String dayCount;
    @Option(names = "--format", defaultValue = "table", description = "table | csv | json") String format;
    @Option(names = "--first-payment", description = "First payment date (a broken first period counts days, annual / 360)")
    LocalDate firstPayment;
    @Option(names = "--frequency", defaultValue = "monthly", description = "monthly | quarterly") String frequency;
    @Option(names = "--grace", defaultValue = "0", description = "Months of interest only before principal is repaid")
    int grace;

    @Override
    public Integer call() {
        RepaymentMethod m;
        DayCount d;
        try {
            m = RepaymentMethod.valueOf(method.toUpperCase(Locale.ROOT).replace('-', '_'));
            d = dayCount == null ? DayCount.MONTHLY : DayCount.valueOf(dayCount.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("unknown --method or --day-count: " + method + " / " + dayCount);
            return 2;
        }
        Schedule s;
        try {
            int period = switch (frequency.toLowerCase()) {
                case "monthly" -> 1;
                case "quarterly" -> 3;
                default -> throw new IllegalArgumentException("frequency must be monthly or quarterly");
            };
            s = ScheduleCalculator.calculate(new LoanTerms(principal, months, rate, m,
                    start == null ? LocalDate.of(2026, 1, 20) : start, d, firstPayment, period, grace));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        switch (format) {
            case "csv" -> csv(s, System.out);
            case "json" -> json(s, System.out);
            case "table" -> table(s, System.out);
            default -> {
                System.err.println("unknown --format: " + format);
                return 2;
            }
        }
        return 0;
    }

    static void table(Schedule s, PrintStream out) {
        out.printf(Locale.ROOT, "%6s  %-10s  %16s  %16s  %14s  %16s%n", "period", "date", "payment", "principal",
                "interest", "balance");
        for (Schedule.Installment i : s.installments()) {
            out.printf(Locale.ROOT, "%6d  %-10s  %,16.2f  %,16.2f  %,14.2f  %,16.2f%n", i.period(), i.date(), i.payment(),
                    i.principal(), i.interest(), i.balance());
        }
        out.printf(Locale.ROOT, "%6s  %-10s  %,16.2f  %,16.2f  %,14.2f%n", "total", "", s.totalPayment(),
                s.totalPrincipal(), s.totalInterest());
    }

    static void csv(Schedule s, PrintStream out) {
        out.println("period,date,payment,principal,interest,balance");
        for (Schedule.Installment i : s.installments()) {
            out.println(i.period() + "," + i.date() + "," + i.payment().toPlainString() + "," + i.principal().toPlainString()
                    + "," + i.interest().toPlainString() + "," + i.balance().toPlainString());
        }
    }

    static void json(Schedule s, PrintStream out) {
        StringBuilder b = new StringBuilder("{\"installments\":[");
        for (Schedule.Installment i : s.installments()) {
            if (i.period() > 1) {
                b.append(',');
            }
            b.append("{\"period\":").append(i.period()).append(",\"date\":\"").append(i.date())
                    .append("\",\"payment\":\"").append(i.payment().toPlainString())
                    .append("\",\"principal\":\"").append(i.principal().toPlainString())
                    .append("\",\"interest\":\"").append(i.interest().toPlainString())
                    .append("\",\"balance\":\"").append(i.balance().toPlainString()).append("\"}");
        }
        b.append("],\"totals\":{\"payment\":\"").append(s.totalPayment().toPlainString())
                .append("\",\"principal\":\"").append(s.totalPrincipal().toPlainString())
                .append("\",\"interest\":\"").append(s.totalInterest().toPlainString()).append("\"}}");
        out.println(b);
    }
}
