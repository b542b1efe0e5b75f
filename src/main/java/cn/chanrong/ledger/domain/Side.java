package cn.chanrong.ledger.domain;

/** Debit or credit. */
public enum Side { DEBIT, CREDIT }
