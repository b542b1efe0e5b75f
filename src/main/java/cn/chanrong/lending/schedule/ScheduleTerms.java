package cn.chanrong.lending.schedule;

/**
 * What a schedule is resolved from: amortising terms over whole periods ({@link LoanTerms}) or a single
 * payment on a maturity date that need not fall whole months after the start ({@link SinglePaymentTerms}), or a
 * financial lease's rentals with a residual value ({@link LeaseTerms}).
 */
public sealed interface ScheduleTerms permits LoanTerms, SinglePaymentTerms, LeaseTerms {
}
