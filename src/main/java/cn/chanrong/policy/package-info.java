/**
 * Policy money (issue 19): the programmes through which the central bank, the finance ministry and local
 * governments steer money to manufacturing — re-lending and the carbon tool, rediscount, interest subsidies,
 * government guarantees along the re-guarantee chain, risk-compensation pools — each with its terms and its
 * eligibility as effective-dated data. Later slices build the banks' re-lending ledgers, the subsidies to the
 * fen, guarantee claims and pool claims on these programmes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policy")
package cn.chanrong.policy;
