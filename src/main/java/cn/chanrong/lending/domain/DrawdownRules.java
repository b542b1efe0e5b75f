package cn.chanrong.lending.domain;

import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What a drawdown under one contract may be. The first disbursement may draw part of the contracted
 * amount (a custom principal plan belongs to one drawdown and so allows none); each later drawdown
 * draws from what is left, on a date from the first disbursement to a month before the contract's
 * maturity, and runs to that maturity in whole months. Every problem is returned at once.
 */
public final class DrawdownRules {

    private DrawdownRules() {
    }

    /** A first disbursement of {@code amount} of a loan contracted for {@code contracted} under {@code method}. */
    public static List<Rejection> firstPart(BigDecimal amount, BigDecimal contracted, String method) {
        List<Rejection> problems = new ArrayList<>();
        if (amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(contracted) > 0) {
            problems.add(Rejection.of("lending.drawdown.amount", "amount", amount.toPlainString(), contracted.toPlainString()));
        }
        if ("CUSTOM".equals(method)) {
            problems.add(Rejection.of("lending.drawdown.custom", "amount"));
        }
        return problems;
    }

    /** The whole months a later drawdown on {@code date} runs to the contract's {@code maturity}. */
    public static int months(LocalDate date, LocalDate maturity) {
        return (int) ChronoUnit.MONTHS.between(date, maturity);
    }

    /**
     * A later drawdown of {@code amount} on {@code date}, with {@code available} left of the contract
     * first disbursed on {@code firstDisbursed} and maturing on {@code maturity}.
     */
    public static List<Rejection> later(BigDecimal amount, BigDecimal available, LocalDate date, LocalDate firstDisbursed,
                                        LocalDate maturity) {
        List<Rejection> problems = new ArrayList<>();
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(available) > 0) {
            problems.add(Rejection.of("lending.drawdown.available", "amount", amount == null ? "" : amount.toPlainString(),
                    available.toPlainString()));
        }
        if (date.isBefore(firstDisbursed) || months(date, maturity) < 1) {
            problems.add(Rejection.of("lending.drawdown.date", "valueDate", date.toString(), firstDisbursed.toString(),
                    maturity.minusMonths(1).toString()));
        }
        return problems;
    }
}
