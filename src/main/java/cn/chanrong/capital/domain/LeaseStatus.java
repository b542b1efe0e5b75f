package cn.chanrong.capital.domain;

/** A lease running, ended by the lessee's buy-out, or terminated early. */
public enum LeaseStatus { ACTIVE, BOUGHT_OUT, TERMINATED }
