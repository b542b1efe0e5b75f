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
import org.springframework.beans.factory.annotation.Value;
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
    private final int maxHops;
    private final int windowDays;

    TraceService(Loans loans, TraceStore store, BusinessDate businessDate,
                    @Value("${chanrong.monitoring.trace-hops:3}") int maxHops,
                    @Value("${chanrong.monitoring.trace-days:30}") int windowDays) {
        this.loans = loans;
        this.store = store;
        this.businessDate = businessDate;
        this.maxHops = maxHops;
        this.windowDays = windowDays;
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
        LocalDate end = from.plusDays(windowDays);
        LocalDate today = businessDate.today();
        LocalDate through = end.isAfter(today) ? (today.isBefore(from) ? from : today) : end;
        var landing = store.landing(loan.institutionId(), loan.borrowerId(), from, loan.principal(), CNY);
        String account = landing.map(TraceStore.Landing::account)
                .or(() -> store.firstAccount(loan.institutionId(), loan.borrowerId(), from, through, CNY)).orElse(null);
        if (account == null) {
            return new Trace(loan.id(), loan.number(), loan.borrowerName(), loan.principal(), from, null, maxHops, windowDays,
                    through, List.of(), List.of(), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
                    loan.principal(), false);
        }
        // read hop by hop: level n are the accounts n payments away from the borrower's
        Set<String> read = new LinkedHashSet<>();
        List<ProceedsTrace.Movement> movements = new ArrayList<>();
        Set<String> level = Set.of(account);
        boolean truncated = false;
        for (int hop = 0; hop <= maxHops + 1 && !level.isEmpty(); hop++) {
            read.addAll(level);
            var found = store.movements(loan.institutionId(), level, from, through, CNY, MAX_MOVEMENTS - movements.size() + 1);
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
        var result = ProceedsTrace.trace(new ProceedsTrace.Start(account, from, loan.principal().movePointRight(2).longValueExact(),
                landing.map(TraceStore.Landing::paymentId).orElse(null)), movements, new ProceedsTrace.Limits(maxHops, through));
        List<Destination> destinations = result.destinations().stream().map(d -> new Destination(hops(d.path(), loan),
                d.counterpartyAccount(), d.counterpartyName(), d.category(), yuan(d.amount()), d.first(), d.last(),
                d.end().name())).toList();
        List<Holding> holdings = result.holdings().stream()
                .map(h -> new Holding(hops(h.path(), loan), h.account(), yuan(h.amount()))).toList();
        long left = result.destinations().stream().mapToLong(ProceedsTrace.Destination::amount).sum();
        long held = result.holdings().stream().mapToLong(ProceedsTrace.Holding::amount).sum();
        return new Trace(loan.id(), loan.number(), loan.borrowerName(), loan.principal(), from, account, maxHops, windowDays,
                through, destinations, holdings, yuan(left), yuan(held), yuan(result.principal() - left - held), truncated);
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
