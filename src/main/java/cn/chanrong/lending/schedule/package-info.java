/**
 * The repayment-schedule core, plain Java with no clock, database or randomness: a loan definition
 * is resolved into dated installments under explicit conventions (day count, rounding to the fen,
 * the last period taking what principal remains). Exposed as the {@code schedule} named interface.
 */
@org.springframework.modulith.NamedInterface("schedule")
package cn.chanrong.lending.schedule;
