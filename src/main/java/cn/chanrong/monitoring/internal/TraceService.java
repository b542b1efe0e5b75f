package cn.chanrong.monitoring.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.Loans;
import cn.chanrong.monitoring.ProceedsTraces;
import cn.chanrong.monitoring.domain.ProceedsTrace;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows a loan's money through the payments its bank reported: the accounts are read hop by hop (the
 * borrower's, then the accounts it paid that the bank also reports on, …), one hop past the limit so the
 * trace can tell a visible account it stops at from one it cannot see, then {@link ProceedsTrace} allocates.
 */
@Service
class TraceService implements ProceedsTraces {

    /** Bounds on what one trace reads: a loan's money through more accounts than this is a case for the officer. */
    static final int MAX_ACCOUNTS = 500;
    static final int MAX_MOVEMENTS = 50_000;
    private static final String CNY = "CNY";

    private final Loans loans;
    private final TraceStore store;
    private final BusinessDate businessDate;
    private final RuleStore rules;

    TraceService(Loans loans, TraceStore store, BusinessDate businessDate, RuleStore rules) {
        this.loans = loans;
        this.store = store;
        this.businessDate = businessDate;
        this.rules = rules;
    }

    /** How far the money of a loan of the institution's product paid out on {@code payout} is followed (the trace rule then in force). */
    cn.chanrong.monitoring.domain.Rules.Trace limits(long institutionId, Long productId, LocalDate payout) {
        return rules.book().at(institutionId, productId, (int) payout.toEpochDay()).trace();
    }

    @Override
    @Transactional(readOnly = true)
    public Trace trace(Caller caller, long loanId) {
        boolean mayAsk = caller.is(Role.INSTITUTION) || caller.isFinancialRegulator() || caller.isAdmin();
        if (!mayAsk) {
            throw Rejected.notFound("loan", loanId);
        }
        Loan loan = loans.get(caller, loanId);
        if (caller.is(Role.INSTITUTION) && caller.institutionId() != loan.institutionId()) {
            throw Rejected.notFound("loan", loanId);
        }
        if (loan.disbursedOn() == null) {
            throw Rejected.conflict(Rejection.of("monitoring.proceeds.not-disbursed", null, loan.number()));
        }
        LocalDate from = loan.disbursedOn();
        var limits = limits(loan.institutionId(), loan.productId(), from);
        int maxHops = limits.hops();
        int windowDays = limits.days();
        LocalDate through = through(from, businessDate.today(), windowDays);
        Followed f = follow(loan.institutionId(), loan.borrowerId(), loan.principal(), from, through, maxHops);
        if (f.account() == null) {
            return new Trace(loan.id(), loan.number(), loan.borrowerName(), loan.principal(), from, null, maxHops, windowDays,
                    through, List.of(), List.of(), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
                    loan.principal(), false);
        }
        var result = f.result();
        List<Destination> destinations = result.destinations().stream().map(d -> new Destination(hops(d.path(), loan),
                d.counterpartyAccount(), d.counterpartyName(), d.category(), yuan(d.amount()), d.first(), d.last(),
                d.end().name())).toList();
        List<Holding> holdings = result.holdings().stream()
                .map(h -> new Holding(hops(h.path(), loan), h.account(), yuan(h.amount()))).toList();
        long left = result.destinations().stream().mapToLong(ProceedsTrace.Destination::amount).sum();
        long held = result.holdings().stream().mapToLong(ProceedsTrace.Holding::amount).sum();
        return new Trace(loan.id(), loan.number(), loan.borrowerName(), loan.principal(), from, f.account(), maxHops,
                windowDays, through, destinations, holdings, yuan(left), yuan(held), yuan(result.principal() - left - held),
                f.truncated());
    }

    /** The last day a loan paid out on {@code from} is followed through, as of {@code today}, for {@code windowDays}. */
    static LocalDate through(LocalDate from, LocalDate today, int windowDays) {
        LocalDate end = from.plusDays(windowDays);
        return end.isAfter(today) ? (today.isBefore(from) ? from : today) : end;
    }

    /** A loan's money followed: the account it landed in (null: none reported), the movements read, the result. */
    record Followed(String account, List<ProceedsTrace.Movement> movements, ProceedsTrace.Result result, boolean truncated) {
    }

    /**
     * Follows the money of a loan of the institution to the borrower, paid out on {@code from}, through the day
     * {@code through}: the accounts are read hop by hop, one hop past {@code maxHops}.
     */
    Followed follow(long institutionId, long borrowerId, BigDecimal principal, LocalDate from, LocalDate through, int maxHops) {
        var landing = store.landing(institutionId, borrowerId, from, principal, CNY);
        String account = landing.isPresent() ? landing.get().account()
                : store.firstAccount(institutionId, borrowerId, from, through, CNY).orElse(null);
        if (account == null) {
            return new Followed(null, List.of(), null, false);
        }
        Set<String> read = new LinkedHashSet<>();
        List<ProceedsTrace.Movement> movements = new ArrayList<>();
        Set<String> level = Set.of(account);
        boolean truncated = false;
        for (int hop = 0; hop <= maxHops + 1 && !level.isEmpty(); hop++) {
            read.addAll(level);
            var found = store.movements(institutionId, level, from, through, CNY, MAX_MOVEMENTS - movements.size() + 1);
            if (movements.size() + found.size() > MAX_MOVEMENTS) {
                truncated = true;
                found = found.subList(0, MAX_MOVEMENTS - movements.size());
            }
            movements.addAll(found);
            Set<String> next = new LinkedHashSet<>();
            for (ProceedsTrace.Movement m : found) {
                if (m.debit() && m.counterpartyAccount() != null && !read.contains(m.counterpartyAccount())) {
                    next.add(m.counterpartyAccount());
                }
            }
            if (read.size() + next.size() > MAX_ACCOUNTS) {
                truncated = true;
                next = new LinkedHashSet<>(next.stream().limit(Math.max(0, MAX_ACCOUNTS - read.size())).toList());
            }
            level = next;
        }
        var result = ProceedsTrace.trace(new ProceedsTrace.Start(account, from, principal.movePointRight(2).longValueExact(),
                landing.map(TraceStore.Landing::paymentId).orElse(null)), movements, new ProceedsTrace.Limits(maxHops, through));
        return new Followed(account, List.copyOf(movements), result, truncated);
    }

    private static List<Hop> hops(List<ProceedsTrace.Hop> path, Loan loan) {
        List<Hop> hops = new ArrayList<>(path.size());
        for (int i = 0; i < path.size(); i++) {
            ProceedsTrace.Hop h = path.get(i);
            hops.add(new Hop(h.account(), i == 0 ? loan.borrowerName() : h.holder()));
        }
        return List.copyOf(hops);
    }

    private static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }
}
