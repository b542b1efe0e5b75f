package cn.chanrong.lending;

import java.time.LocalDate;

/**
 * Synthetic loans in bulk for benchmarks: performing equal-principal loans of the first institution,
 * spread over every enterprise, disbursed ten days before {@code businessDate} and accrued to the day
 * before it, with their opening entries in the ledger — the state an end-of-day run meets every day.
 */
public interface LoanBookGenerator {

    /** What a run made: loan numbers start with {@code prefix}. */
    record Generated(String prefix, int loans, long activeInBook) {
    }

    /** Creates {@code loans} loans disbursed ten days ago, in transactions of {@code perTransaction}. */
    default Generated generate(int loans, LocalDate businessDate, int perTransaction, java.util.function.LongConsumer progress) {
        return generate(loans, businessDate, businessDate.minusDays(10), perTransaction, progress);
    }

    /** Creates {@code loans} loans disbursed on {@code disbursed} and accrued to the day before {@code businessDate}. */
    Generated generate(int loans, LocalDate businessDate, LocalDate disbursed, int perTransaction,
                       java.util.function.LongConsumer progress);
}
