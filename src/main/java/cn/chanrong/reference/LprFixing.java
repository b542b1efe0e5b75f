package cn.chanrong.reference;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One published LPR, in force from {@code effectiveFrom} until the next fixing of the same tenor. */
public record LprFixing(LprTenor tenor, LocalDate effectiveFrom, BigDecimal ratePercent) {
}
