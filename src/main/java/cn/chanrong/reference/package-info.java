/**
 * Reference data every module reads: GB/T 4754-2017 industries and GB/T 2260 regions (Chinese and
 * English names), the LPR history, the working-day calendar with public holidays and make-up days,
 * sector lists (有扶有控) — all effective-dated where they change — and the business date.
 */
package cn.chanrong.reference;
