package cn.chanrong.lending;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A credit line of a borrower at an institution; {@code used} is contracted principal not yet repaid. */
public record Facility(long id, long institutionId, long borrowerId, String borrowerName, BigDecimal amount,
                       BigDecimal used, boolean revolving, LocalDate validFrom, LocalDate validTo, String status,
                       int version) {

    public BigDecimal available() {
        return amount.subtract(used);
    }
}
