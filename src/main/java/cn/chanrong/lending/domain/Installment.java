package cn.chanrong.lending.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One period of a loan's schedule as serviced: what falls due on {@code due} and what has been paid of it. */
public record Installment(int period, LocalDate start, LocalDate due, BigDecimal principalDue, BigDecimal interestDue,
                          BigDecimal principalPaid, BigDecimal interestPaid) {

    public BigDecimal unpaidPrincipal() {
        return principalDue.subtract(principalPaid);
    }

    public BigDecimal unpaidInterest() {
        return interestDue.subtract(interestPaid);
    }

    public boolean settled() {
        return unpaidPrincipal().signum() == 0 && unpaidInterest().signum() == 0;
    }

    public Installment paying(BigDecimal principal, BigDecimal interest) {
        return new Installment(period, start, due, principalDue, interestDue, principalPaid.add(principal),
                interestPaid.add(interest));
    }
}
