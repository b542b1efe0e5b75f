/** The programmes' kinds, terms and eligibility, pure: no Spring, no SQL. */
package cn.chanrong.policy.domain;
