/**
 * Financing matchmaking (产融对接): enterprises' financing needs ranked against the products they are
 * eligible for (eligibility precomputed per enterprise and refreshed on registry and product events),
 * institutions' interest in needs (商机), regulators' project lists pushed to institutions and tracked
 * through the docking steps with a contact service level, and roadshows (一月一链). Outcomes link to
 * real loans in the loan core.
 */
package cn.chanrong.matching;
