package cn.chanrong.monitoring.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Detector.History} held in memory, for a stream and for evaluations: per account the loans paid out
 * to it and a ring of its most recent payments out. The ring forgets the oldest payment once full: a detection
 * that needs more than {@code ringSize} earlier payments out of one account (a round trip of a payment made many
 * payments ago, within the window) misses it here and not in the database — the price of a fixed footprint per
 * account, chosen by the caller. Not thread-safe: one per partition.
 */
public final class InMemoryHistory implements Detector.History {

    private static final class Account {
        List<Detector.Loan> loans = List.of();
        Detector.Debit[] ring;
        int next;
        int size;
    }

    private final int ringSize;
    private final Map<String, Account> accounts;
    // the last account looked up: a detection asks for the loans and then the debits of the same one
    private String lastKey;
    private Account last;

    public InMemoryHistory(int ringSize, int expectedAccounts) {
        if (ringSize < 1) {
            throw new IllegalArgumentException("ring size " + ringSize);
        }
        this.ringSize = ringSize;
        this.accounts = new HashMap<>(Math.max(16, (int) (expectedAccounts / 0.75f) + 1));
    }

    /** Adds a loan paid out to the account. */
    public void loan(String account, Detector.Loan loan) {
        Account a = account(account, true);
        if (a.loans.isEmpty()) {
            a.loans = new ArrayList<>(2);
        }
        a.loans.add(loan);
    }

    /** Keeps a payment out of the account, after it was checked, for the events that follow. */
    public void debit(String account, Detector.Debit debit) {
        Account a = account(account, true);
        if (a.ring == null) {
            a.ring = new Detector.Debit[ringSize];
        }
        a.ring[a.next] = debit;
        a.next = (a.next + 1) % ringSize;
        a.size = Math.min(a.size + 1, ringSize);
    }

    /** Detects on the event, then keeps it when it is a payment out: what a stream does with each event. */
    public List<Detector.Finding> accept(Detector detector, Detector.Event e, long id) {
        List<Detector.Finding> found = detector.detect(e, this);
        if (e.debit()) {
            debit(e.account(), e.asDebit(id));
        }
        return found;
    }

    public int accounts() {
        return accounts.size();
    }

    @Override
    public List<Detector.Loan> loans(String account, int day) {
        Account a = account(account, false);
        return a == null ? List.of() : a.loans;
    }

    @Override
    public void debits(String account, int from, int to, List<Detector.Debit> into) {
        Account a = account(account, false);
        if (a == null || a.ring == null) {
            return;
        }
        for (int i = 0; i < a.size; i++) {
            Detector.Debit d = a.ring[i];
            if (d.valueDate() >= from && d.valueDate() <= to) {
                into.add(d);
            }
        }
    }

    private Account account(String key, boolean create) {
        if (key.equals(lastKey)) {
            return last;
        }
        Account a = accounts.get(key);
        if (a == null && create) {
            a = new Account();
            accounts.put(key, a);
        }
        if (a != null) {
            lastKey = key;
            last = a;
        }
        return a;
    }
}
