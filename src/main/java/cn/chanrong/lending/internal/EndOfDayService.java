package cn.chanrong.lending.internal;

import cn.chanrong.lending.EndOfDay;
import cn.chanrong.ledger.Ledger;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.domain.Accrual;
import cn.chanrong.lending.domain.Installment;
import cn.chanrong.lending.domain.ProvisionRates;
import cn.chanrong.lending.internal.AccrualStore.Accrued;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * End of day in obligor chunks. Each chunk is one transaction: its risk obligors' active loans are
 * read, brought to the date (written back only at the version read; a loan changed meanwhile sends
 * the chunk round again), then classified obligor by obligor (contagion needs all of
 * an obligor's loans at a bank at once). The risk obligor is the party whose payment repays the loan —
 * the confirmed receivable's buyer, the voucher's issuer, the seller under recourse, else the borrower
 * (FACTS §10) — so a core enterprise's default pulls its own claims, not its suppliers' loans.
 *
 * <p>A run lists its obligors once ({@code eod_work}); chunks take them from the list in id order,
 * skipping those another worker holds, and strike them off in their own transaction, so a killed run
 * resumes where it stopped and a repeated run finds nothing to do. When the list is empty the loans are
 * scanned once more for any paid out meanwhile. {@code chanrong.lending.eod-workers} chunks run at once.
 * The general ledger takes each chunk's accruals as one summary entry per book; each loan's accrual is
 * its {@code loan_accrual} row under the summary's key (reconciled loan by loan).
 */
@Service
class EndOfDayService implements EndOfDay {

    private static final Logger log = LoggerFactory.getLogger(EndOfDayService.class);
    private static final String ACTOR = "end-of-day";

    private final EndOfDayStore store;
    private final LoanStore loans;
    private final AccrualStore accruals;
    private final ClassificationStore classifications;
    private final Servicer servicer;
    private final TransactionTemplate tx;
    private final BusinessDate businessDate;
    private final int chunk;
    private final Ledger ledger;
    private final int chunkLoans;
    private final int workers;
    private final Repricing repricingService;
    private final long pauseMillis;

    private final cn.chanrong.credit.OutsideFacts outside;
    private final ProvisionStore provisions;
    private final org.springframework.beans.factory.ObjectProvider<cn.chanrong.lending.DayClose> closers;

    EndOfDayService(EndOfDayStore store, LoanStore loans, AccrualStore accruals, ClassificationStore classifications,
                    Servicer servicer, TransactionTemplate tx, BusinessDate businessDate, ProvisionStore provisions,
                    Ledger ledger, Repricing repricingService, cn.chanrong.credit.OutsideFacts outside,
                    org.springframework.beans.factory.ObjectProvider<cn.chanrong.lending.DayClose> closers,
                    @Value("${chanrong.lending.eod-chunk-borrowers:200}") int chunk,
                    @Value("${chanrong.lending.eod-chunk-pause-ms:0}") long pauseMillis,
                    @Value("${chanrong.lending.eod-chunk-loans:2000}") int chunkLoans,
                    @Value("${chanrong.lending.eod-workers:2}") int workers) {
        this.chunkLoans = chunkLoans;
        this.closers = closers;
        this.workers = Math.max(1, workers);
        this.provisions = provisions;
        this.outside = outside;
        this.pauseMillis = pauseMillis;
        this.ledger = ledger;
        this.repricingService = repricingService;
        this.store = store;
        this.loans = loans;
        this.accruals = accruals;
        this.classifications = classifications;
        this.servicer = servicer;
        this.tx = tx;
        this.businessDate = businessDate;
        this.chunk = chunk;
    }

    private final java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public boolean running() {
        return runs.get() > 0;
    }

    @Override
    public Run run(LocalDate date, Consumer<Run> progress) {
        if (date.isAfter(businessDate.today())) {
            throw Rejected.invalid(Rejection.of("date.future", "businessDate", date, businessDate.today()));
        }
        runs.incrementAndGet();
        try {
            return runUnmarked(date, progress);
        } finally {
            runs.decrementAndGet();
        }
    }

    private Run runUnmarked(LocalDate date, Consumer<Run> progress) {
        tx.executeWithoutResult(s -> store.fillWorkList(date));
        // what is on the list: this run's obligors, or what a killed run left of them
        long[] listed = store.workLeft(date);
        store.start(date, listed[0], listed[1]);
        while (true) {
            drain(date, progress);
            // loans paid out while the run went on, or left by a worker that failed: list them and go on
            long[] more = tx.execute(s -> store.fillWorkList(date));
            if (more[0] == 0) {
                break;
            }
            store.more(date, more[0], more[1]);
        }
        store.finish(date);
        Run r = status(date).orElseThrow();
        log.info("End of day {}: {} loans of {} borrowers", date, r.loansDone(), r.borrowers());
        return r;
    }

    /** Runs chunks from {@code workers} threads until the work list is empty; a failed chunk fails the run. */
    private void drain(LocalDate date, Consumer<Run> progress) {
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable worker = () -> {
            while (!stop.get()) {
                Integer done;
                try {
                    done = tx.execute(s -> chunk(date));
                } catch (org.springframework.dao.OptimisticLockingFailureException changed) {
                    continue;
                }
                if (done == null || done == 0) {
                    return;
                }
                if (done == NOTHING_LEFT_OF_THEM) {
                    continue;
                }
                store.done(date, done);
                synchronized (this) {
                    progress.accept(status(date).orElseThrow());
                }
                if (pauseMillis > 0) {
                    // a throttle, to leave the database room for the day's work while a long run goes on
                    try {
                        Thread.sleep(pauseMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        };
        if (workers == 1) {
            worker.run();
            return;
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "end-of-day-" + date);
            t.setDaemon(true);
            return t;
        })) {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                running.add(pool.submit(worker));
            }
            for (var f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    stop.set(true);
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    stop.set(true);
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * One chunk of obligors in one transaction; returns how many loans it closed (0 when the work list
     * is empty). The common case is
     * done in bulk: the loans, their installments and classification facts are read in a few queries,
     * the accruals computed in memory, posted as one summary entry per book and written back with one
     * statement that also marks the loans classified; the loans are then classified from the state in
     * memory, and only those whose tier or provision changes go through the per-loan path.
     */
    /** What {@link #chunk} answers when the obligors it took had no loan left to close. */
    private static final int NOTHING_LEFT_OF_THEM = -1;

    private int chunk(LocalDate date) {
        // whole obligors (contagion needs all their loans), up to a number of obligors or of loans
        List<long[]> candidates = store.takeWork(date, chunk);
        List<Long> borrowers = new ArrayList<>();
        long count = 0;
        for (long[] c : candidates) {
            if (!borrowers.isEmpty() && count + c[1] > chunkLoans) {
                break;
            }
            borrowers.add(c[0]);
            count += c[1];
        }
        if (borrowers.isEmpty()) {
            return 0;
        }
        Long[] keys = borrowers.toArray(Long[]::new);
        List<long[]> rows = store.closing(keys, date);
        store.workDone(date, keys);
        if (rows.isEmpty()) {
            // the obligors' loans were closed or repaid since they were listed: nothing to do, but go on
            return NOTHING_LEFT_OF_THEM;
        }
        Long[] loanIds = rows.stream().map(r -> r[0]).toArray(Long[]::new);
        int pending = rows.stream().mapToInt(r -> (int) r[1]).sum();
        List<Loan> before = loans.inBorrowerOrder(loanIds);
        // floating loans whose repricing day falls in the window: accrue up to it, reprice, then carry on
        boolean repriced = false;
        for (Loan l : before) {
            LocalDate repricing = Repricing.nextRepricing(l, l.accruedThrough());
            while (repricing != null && !repricing.isAfter(date)) {
                Loan upTo = servicer.bringTo(l, repricing.minusDays(1), ACTOR);
                l = repricingService.reprice(upTo, repricing, ACTOR);
                repricing = Repricing.nextRepricing(l, repricing);
                repriced = true;
            }
        }
        if (repriced) {
            before = loans.inBorrowerOrder(loanIds);
        }
        Map<Long, Servicer.Exact> exacts = accruals.exacts(loanIds);
        Map<Long, List<Installment>> schedules = loans.installments(loanIds);
        List<Accrued> accrued = new ArrayList<>();
        Map<Long, Integer> dpd = new HashMap<>();
        for (Loan l : before) {
            if (l.accruedThrough().isBefore(date)) {
                Accrued a = accrue(l, exacts.get(l.id()), schedules.getOrDefault(l.id(), List.of()), date);
                accrued.add(a);
                dpd.put(l.id(), a.dpd());
            }
        }
        post(accrued, date);
        // the accrual's update locked the loans it wrote; the others (brought to the date during the day)
        // are locked here, at the version read
        Long[] rest = before.stream().filter(l -> !dpd.containsKey(l.id())).map(Loan::id).toArray(Long[]::new);
        if (rest.length > 0) {
            Map<Long, Integer> versions = store.lockVersions(rest);
            for (Loan l : before) {
                if (!dpd.containsKey(l.id()) && !Integer.valueOf(l.version()).equals(versions.get(l.id()))) {
                    throw new org.springframework.dao.OptimisticLockingFailureException("loan " + l.id() + " changed meanwhile");
                }
            }
        }
        // the state after accrual, in memory: only the days past due matter to classification
        Map<Long, Loan> after = new LinkedHashMap<>();
        for (Loan l : before) {
            Integer d = dpd.get(l.id());
            after.put(l.id(), d == null ? l : l.withDaysPastDue(d));
        }
        List<Long> unchanged = new ArrayList<>();
        Map<Long, ClassificationStore.Facts> facts = classifications.facts(loanIds);
        // risk follows the obligor (FACTS §10): contagion and the bureau's figures are the obligor's
        Map<Long, java.math.BigDecimal> market = outside.overdue90Shares(
                facts.values().stream().map(ClassificationStore.Facts::obligorId).collect(Collectors.toSet()), date);
        Map<Long, ProvisionRates> rates = new HashMap<>();
        List<Servicer.Change> changes = new ArrayList<>();
        after.values().stream().collect(Collectors.groupingBy(l -> facts.get(l.id()).obligorId() + ":" + l.institutionId(),
                        LinkedHashMap::new, Collectors.toList()))
                .values().forEach(g -> {
                    long obligor = facts.get(g.getFirst().id()).obligorId();
                    ProvisionRates r = rates.computeIfAbsent(g.getFirst().institutionId(), i -> provisions.rates(i, date));
                    unchanged.addAll(servicer.classifyObligor(g, exacts, facts, r, date, ACTOR, market.get(obligor),
                            changes));
                });
        servicer.applyAll(changes, date, ACTOR);
        // the accrual's update marked its loans classified; the others left unchanged are marked here
        unchanged.removeIf(dpd::containsKey);
        if (!unchanged.isEmpty()) {
            classifications.classifiedOn(unchanged.toArray(Long[]::new), date);
        }
        // other modules' work on the closed loans (interest subsidies) commits with the chunk
        List<cn.chanrong.lending.DayClose.ClosedLoan> closed = after.values().stream()
                .map(l -> new cn.chanrong.lending.DayClose.ClosedLoan(l.id(), l.number(), l.institutionId(), l.borrowerId(),
                        l.disbursedOn(), l.principalOutstanding(), l.daysPastDue(), l.tier(),
                        schedules.getOrDefault(l.id(), List.of())))
                .toList();
        closers.orderedStream().forEach(c -> c.closed(date, closed));
        return pending;
    }

    private static Accrued accrue(Loan l, Servicer.Exact x, List<Installment> s, LocalDate date) {
        BigDecimal penaltyExact = x.penaltyExact().add(
                Servicer.penaltyBetween(l, x, s, l.accruedThrough(), date), MathContext.DECIMAL128);
        BigDecimal interestExact = Accrual.interestThrough(s, date);
        return new Accrued(l, interestExact, penaltyExact, Accrual.fen(interestExact).subtract(l.interestAccrued()),
                Accrual.fen(penaltyExact).subtract(l.penaltyAccrued()), Accrual.daysPastDue(s, date));
    }

    /**
     * Posts the chunk's accruals as one summary entry per book (recognised and memo accruals on their
     * accounts, under the summary's subledger key), records each loan's accrual under that key, and
     * writes the new balances back.
     */
    private void post(List<Accrued> accrued, LocalDate date) {
        if (accrued.isEmpty()) {
            return;
        }
        accrued.stream().collect(Collectors.groupingBy(a -> a.loan().institutionId(), LinkedHashMap::new, Collectors.toList()))
                .forEach((book, list) -> {
                    // the chunk's first loan names the summary: a rerun of the same chunk finds its entry
                    String key = "accruals:" + date + ":" + book + ":" + list.getFirst().loan().id();
                    BigDecimal recognised = BigDecimal.ZERO;
                    BigDecimal memo = BigDecimal.ZERO;
                    for (Accrued a : list) {
                        if (a.loan().nonAccrual()) {
                            memo = memo.add(a.total());
                        } else {
                            recognised = recognised.add(a.total());
                        }
                    }
                    if (recognised.signum() != 0 || memo.signum() != 0) {
                        ledger.post(book, date, Postings.WORDS.both("posting.accrual-summary", list.size()), "eod:" + key,
                                Postings.accrualSummaryLines(key, recognised, memo), ACTOR);
                    }
                    int inserted = accruals.recordAll(list, date, key);
                    if (inserted != list.size()) {
                        throw new IllegalStateException("some loans were already brought to " + date);
                    }
                });
        if (accruals.accruedAll(accrued, date) != accrued.size()) {
            // a loan was repaid or changed since the chunk read it: roll back and take the chunk again
            throw new org.springframework.dao.OptimisticLockingFailureException("a loan of the chunk changed meanwhile");
        }
    }

    @Override
    public Optional<Run> status(LocalDate date) {
        return store.status(date);
    }
}
