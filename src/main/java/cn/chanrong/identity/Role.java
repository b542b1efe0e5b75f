package cn.chanrong.identity;

/** The four kinds of user. */
public enum Role { ENTERPRISE, INSTITUTION, REGULATOR, ADMIN }
