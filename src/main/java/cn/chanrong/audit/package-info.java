/**
 * The audit trail: every state change (and every rejected request) as an entry — actor, time,
 * action, target, request id, outcome — written in the business transaction that made the change.
 * A single sealer hash-chains entries in the order they commit, so no business transaction ever
 * waits on a chain head; {@link cn.chanrong.audit.AuditTrail#verify()} reports the first broken link.
 */
package cn.chanrong.audit;
