package cn.chanrong.ledger.domain;

import java.math.BigDecimal;

/** One posting of an entry: an account, a side, a positive amount in yuan, and an optional subledger key (a loan id…). */
public record EntryLine(String account, Side side, BigDecimal amount, String subledger) {

    public static EntryLine debit(String account, BigDecimal amount, String subledger) {
        return new EntryLine(account, Side.DEBIT, amount, subledger);
    }

    public static EntryLine credit(String account, BigDecimal amount, String subledger) {
        return new EntryLine(account, Side.CREDIT, amount, subledger);
    }
}
