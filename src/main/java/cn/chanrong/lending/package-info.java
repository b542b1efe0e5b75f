/**
 * Lending (issue 5): facilities (授信额度), applications through an approval chain, loans with their
 * schedules, servicing on a business date (disbursement, repayment with a named allocation order,
 * accrual and penalty interest), end of day, and the five-tier classification with provisions and
 * write-off. Every loan is stated as a contracted loan, written by one writer and paid out by one
 * disbursement, whatever made it (an application, a drawdown, a renewal, a supply-chain financing).
 * Each business event posts its own journal entry to {@code ledger} in the same transaction;
 * {@code lending.schedule} and {@code lending.domain} are the pure cores.
 */
package cn.chanrong.lending;
