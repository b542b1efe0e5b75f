package cn.chanrong.policy.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Interest on a bank's borrowing from the central bank (pure): the amount × the annual rate × the days from
 * {@code from} (included) to {@code to} (excluded) ÷ 360 — the daily rate is the annual rate over 360 (人民币利率管理规定)
 * — to the fen, half up.
 */
public final class CentralBankInterest {

    private CentralBankInterest() {
    }

    public static BigDecimal of(BigDecimal amount, BigDecimal ratePercent, LocalDate from, LocalDate to) {
        long days = Math.max(0, ChronoUnit.DAYS.between(from, to));
        return amount.multiply(ratePercent).multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(36_000), 2, RoundingMode.HALF_UP);
    }
}
