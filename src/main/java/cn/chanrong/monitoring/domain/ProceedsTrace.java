package cn.chanrong.monitoring.domain;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where a loan's money went (issue 18 §3): the money is followed from the account it was paid into through
 * the accounts whose payments the platform may see, up to a number of hops and a number of days, and it ends
 * either with a counterparty the platform cannot see further (its category names what it is) or still on a
 * visible account when the window closes. What ends and what stays always add up to the principal.
 *
 * <p><b>Mixed money is allocated first in, first out.</b> Each visible account keeps a queue of lots — the
 * loan's money and other money, in the order they arrived; a payment out takes the oldest lots first. The
 * loan's lot is put on the paid-into account first on the day it was paid out (money the account held before
 * is not known and is not in the queue: a payment out larger than what the queue holds is paid from that
 * unknown money and carries none of the loan's). Within a day, money in comes before money out, then the
 * bank's order. A payment from one visible account to another moves its lots as they are (both sides are
 * reported: the credit that matches the debit — same accounts, amount and day — is the same money and is
 * not counted twice).
 *
 * <p>Amounts are in fen. Pure: no I/O, the same answer for the same movements.
 */
public final class ProceedsTrace {

    private ProceedsTrace() {
    }

    /** Why the trace stops at a counterparty. */
    public enum End {
        /** the counterparty's account is not one the platform may see (another bank, no consent) */
        NOT_VISIBLE,
        /** the counterparty is visible, but the money has already moved the maximum number of hops */
        HOP_LIMIT
    }

    /**
     * One payment on a visible account: {@code account} is the visible account it is booked on, {@code debit}
     * money out; the counterparty's account (may be null), name, and category (a {@code CounterpartyCategory}
     * name); amount in fen, positive.
     */
    public record Movement(long id, String account, boolean debit, String counterpartyAccount, String counterpartyName,
                           String category, long amount, LocalDate valueDate) {

        public Movement {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(valueDate, "valueDate");
            if (amount <= 0) {
                throw new IllegalArgumentException("a movement's amount is positive");
            }
        }
    }

    /**
     * The loan's money as paid out: the account it landed in, the day, the principal in fen, and the credit that
     * booked it on that account if the bank reported one ({@code null} if not), which is then not other money.
     */
    public record Start(String account, LocalDate on, long principal, Long creditId) {
    }

    /** Limits: at most {@code maxHops} moves between visible accounts, movements up to {@code through} (included). */
    public record Limits(int maxHops, LocalDate through) {

        public Limits {
            if (maxHops < 0) {
                throw new IllegalArgumentException("maxHops must not be negative");
            }
            Objects.requireNonNull(through, "through");
        }
    }

    /** A hop of a path: the visible account and, as the paying bank named it, its holder (null for the start). */
    public record Hop(String account, String holder) {
    }

    /** Loan money that left the visible accounts: by which path, to whom, how much, from and to which day. */
    public record Destination(List<Hop> path, String counterpartyAccount, String counterpartyName, String category,
                              long amount, LocalDate first, LocalDate last, End end) {
    }

    /** Loan money still on a visible account when the window closes, by the path it took there. */
    public record Holding(List<Hop> path, long amount) {

        public String account() {
            return path.getLast().account();
        }
    }

    /** The trace: destinations (largest first), holdings (largest first); their sum is the principal. */
    public record Result(long principal, List<Destination> destinations, List<Holding> holdings) {

        public long followed() {
            return destinations.stream().mapToLong(Destination::amount).sum()
                    + holdings.stream().mapToLong(Holding::amount).sum();
        }
    }

    private record Lot(long amount, List<Hop> path) {

        boolean loan() {
            return path != null;
        }
    }

    private record Pair(String from, String to, long amount, LocalDate on) {
    }

    /** Follows the loan's money through the movements (of visible accounts; any order). */
    public static Result trace(Start start, List<Movement> movements, Limits limits) {
        Objects.requireNonNull(start, "start");
        if (start.principal() <= 0) {
            throw new IllegalArgumentException("a loan's principal is positive");
        }
        Set<String> visible = new java.util.HashSet<>();
        visible.add(start.account());
        List<Movement> inWindow = new ArrayList<>();
        for (Movement m : movements) {
            if (!m.valueDate().isBefore(start.on()) && !m.valueDate().isAfter(limits.through())
                    && (start.creditId() == null || m.id() != start.creditId())) {
                inWindow.add(m);
                visible.add(m.account());
            }
        }
        inWindow.sort(Comparator.comparing(Movement::valueDate).thenComparing(m -> m.debit() ? 1 : 0)
                .thenComparingLong(Movement::id));
        // the credits that are the other side of a visible debit: the same money, moved with its lots
        Map<Pair, Integer> transfers = new HashMap<>();
        for (Movement m : inWindow) {
            if (m.debit() && m.counterpartyAccount() != null && visible.contains(m.counterpartyAccount())) {
                transfers.merge(new Pair(m.account(), m.counterpartyAccount(), m.amount(), m.valueDate()), 1, Integer::sum);
            }
        }
        Map<String, Deque<Lot>> queues = new HashMap<>();
        queues.computeIfAbsent(start.account(), a -> new ArrayDeque<>())
                .add(new Lot(start.principal(), List.of(new Hop(start.account(), null))));
        Map<List<Object>, Destination> ends = new LinkedHashMap<>();
        for (Movement m : inWindow) {
            Deque<Lot> queue = queues.computeIfAbsent(m.account(), a -> new ArrayDeque<>());
            if (!m.debit()) {
                Pair pair = m.counterpartyAccount() == null ? null
                        : new Pair(m.counterpartyAccount(), m.account(), m.amount(), m.valueDate());
                if (pair != null && transfers.getOrDefault(pair, 0) > 0) {
                    transfers.merge(pair, -1, Integer::sum);
                } else {
                    queue.addLast(new Lot(m.amount(), null));
                }
                continue;
            }
            boolean toVisible = m.counterpartyAccount() != null && visible.contains(m.counterpartyAccount());
            long left = m.amount();
            while (left > 0 && !queue.isEmpty()) {
                Lot lot = queue.pollFirst();
                long piece = Math.min(lot.amount(), left);
                if (piece < lot.amount()) {
                    queue.addFirst(new Lot(lot.amount() - piece, lot.path()));
                }
                left -= piece;
                if (toVisible) {
                    Deque<Lot> to = queues.computeIfAbsent(m.counterpartyAccount(), a -> new ArrayDeque<>());
                    if (!lot.loan()) {
                        to.addLast(new Lot(piece, null));
                        continue;
                    }
                    if (lot.path().size() - 1 < limits.maxHops()) {
                        List<Hop> path = new ArrayList<>(lot.path());
                        path.add(new Hop(m.counterpartyAccount(), m.counterpartyName()));
                        to.addLast(new Lot(piece, List.copyOf(path)));
                        continue;
                    }
                }
                if (lot.loan()) {
                    End end = toVisible ? End.HOP_LIMIT : End.NOT_VISIBLE;
                    String who = m.counterpartyAccount() != null ? m.counterpartyAccount() : m.counterpartyName();
                    ends.merge(List.of(lot.path(), String.valueOf(who), end),
                            new Destination(lot.path(), m.counterpartyAccount(), m.counterpartyName(), m.category(), piece,
                                    m.valueDate(), m.valueDate(), end),
                            (a, b) -> new Destination(a.path(), a.counterpartyAccount(), a.counterpartyName(), a.category(),
                                    a.amount() + b.amount(), a.first(), b.last(), a.end()));
                }
            }
        }
        Map<List<Hop>, Long> held = new LinkedHashMap<>();
        queues.forEach((account, queue) -> queue.stream().filter(Lot::loan)
                .forEach(l -> held.merge(l.path(), l.amount(), Long::sum)));
        List<Holding> holdings = new ArrayList<>();
        held.forEach((path, amount) -> holdings.add(new Holding(path, amount)));
        holdings.sort(Comparator.comparingLong(Holding::amount).reversed().thenComparing(h -> h.account()));
        List<Destination> destinations = new ArrayList<>(ends.values());
        destinations.sort(Comparator.comparingLong(Destination::amount).reversed().thenComparing(Destination::first));
        return new Result(start.principal(), List.copyOf(destinations), List.copyOf(holdings));
    }
}
