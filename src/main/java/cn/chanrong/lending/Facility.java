package cn.chanrong.lending;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A credit line at an institution, of a borrower or (with {@code groupId}) of an enterprise group,
 * capping what all its members draw; {@code used} is contracted principal not yet repaid.
 */
public record Facility(long id, long institutionId, Long borrowerId, Long groupId, String borrowerName, BigDecimal amount,
                       BigDecimal used, boolean revolving, LocalDate validFrom, LocalDate validTo, String status,
                       int version) {

    public BigDecimal available() {
        return amount.subtract(used);
    }
}
