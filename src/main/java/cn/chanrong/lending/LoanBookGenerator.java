package cn.chanrong.lending;

import java.time.LocalDate;

/**
 * Synthetic loans in bulk for benchmarks: performing equal-principal loans of the first institution,
 * spread over every enterprise (or the ones named), disbursed ten days before {@code businessDate} and accrued to the day
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
    default Generated generate(int loans, LocalDate businessDate, LocalDate disbursed, int perTransaction,
                               java.util.function.LongConsumer progress) {
        return generate(null, loans, businessDate, disbursed, perTransaction, progress);
    }

    /**
     * As {@link #generate(int, LocalDate, LocalDate, int, java.util.function.LongConsumer)}, spread over
     * {@code borrowers} only (every enterprise when null): one loan each when {@code loans} is their number.
     */
    Generated generate(java.util.List<Long> borrowers, int loans, LocalDate businessDate, LocalDate disbursed,
                       int perTransaction, java.util.function.LongConsumer progress);
}
