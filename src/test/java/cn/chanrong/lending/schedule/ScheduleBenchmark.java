package cn.chanrong.lending.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Schedules per second for typical corporate and long mortgage-like terms (run with ./bench/jmh). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScheduleBenchmark {

    @Param({"12", "36", "360"})
    int months;

    @Param({"EQUAL_INSTALLMENT", "EQUAL_PRINCIPAL"})
    RepaymentMethod method;

    LoanTerms terms;

    @org.openjdk.jmh.annotations.Setup
    public void setUp() {
        terms = new LoanTerms(new BigDecimal("1000000.00"), months, new BigDecimal("3.50"), method,
                LocalDate.of(2026, 1, 20), DayCount.MONTHLY);
    }

    @Benchmark
    public Schedule schedule() {
        return ScheduleCalculator.calculate(terms);
    }
}
