package cn.chanrong.enterprise.domain;

/** Form of ownership. */
public enum Ownership { STATE_OWNED, PRIVATE, FOREIGN_INVESTED, MIXED, COLLECTIVE }
