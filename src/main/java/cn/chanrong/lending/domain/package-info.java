/**
 * The lending rules as plain Java: the five tiers and how a loan is classified, the approval chain,
 * how a repayment is allocated, how interest and penalty accrue between two dates, what a loan is
 * contracted on, and the lifecycles of loans and applications (named transitions that return the new
 * state or the rejection). No clock, no database: the services feed them and store what they return.
 */
@org.springframework.modulith.NamedInterface("domain")
package cn.chanrong.lending.domain;
