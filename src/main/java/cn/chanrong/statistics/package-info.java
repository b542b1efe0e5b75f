/**
 * Supervision statistics, built only from events other modules publish through the outbox — never
 * by reading their tables. This first slice counts registered enterprises by province, size class
 * and industry section for regulators; listeners are idempotent (an upsert keyed by enterprise),
 * so a redelivered event changes nothing.
 */
package cn.chanrong.statistics;
