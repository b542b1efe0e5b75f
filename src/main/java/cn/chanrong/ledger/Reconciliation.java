package cn.chanrong.ledger;

import java.util.List;

/**
 * A subledger that keeps its own balances (loans, facilities…) and can say where they differ from
 * the ledger's postings under its keys. {@link Ledger#check()} runs every one it finds; the module
 * that owns the subledger implements it, so {@code ledger} never depends on that module.
 */
public interface Reconciliation {

    /** A short name for reports, e.g. {@code loans}. */
    String name();

    /** Every difference found, one line each; empty when the subledger agrees with the ledger. */
    List<String> problems();
}
