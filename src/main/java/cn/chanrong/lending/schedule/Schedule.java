package cn.chanrong.lending.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The installments as posted (each rounded to the fen) and their totals. */
public record Schedule(ScheduleTerms terms, List<Installment> installments) {

    /** The date of the last payment. */
    public LocalDate maturity() {
        return installments.get(installments.size() - 1).date();
    }

    public record Installment(int period, LocalDate date, BigDecimal payment, BigDecimal principal, BigDecimal interest,
                              BigDecimal balance) {
    }

    public BigDecimal totalPayment() {
        return installments.stream().map(Installment::payment).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal totalPrincipal() {
        return installments.stream().map(Installment::principal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal totalInterest() {
        return installments.stream().map(Installment::interest).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
