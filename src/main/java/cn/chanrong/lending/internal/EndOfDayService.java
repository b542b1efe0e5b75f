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
 * locked in id order, brought to the date, then classified obligor by obligor (contagion needs all of
 * an obligor's loans at a bank at once). The risk obligor is the party whose payment repays the loan —
 * the confirmed receivable's buyer, the voucher's issuer, the seller under recourse, else the borrower
 * (FACTS §10) — so a core enterprise's default pulls its own claims, not its suppliers' loans. The next
 * chunk is simply "obligors with a loan not yet classified on this date", so a crashed run carries on
 * where it stopped and a repeated run finds nothing to do.
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
    private final Repricing repricingService;
    private final long pauseMillis;

    private final cn.chanrong.credit.OutsideFacts outside;
    private final ProvisionStore provisions;

    EndOfDayService(EndOfDayStore store, LoanStore loans, AccrualStore accruals, ClassificationStore classifications,
                    Servicer servicer, TransactionTemplate tx, BusinessDate businessDate, ProvisionStore provisions,
                    Ledger ledger, Repricing repricingService, cn.chanrong.credit.OutsideFacts outside,
                    @Value("${chanrong.lending.eod-chunk-borrowers:200}") int chunk,
                    @Value("${chanrong.lending.eod-chunk-pause-ms:0}") long pauseMillis,
                    @Value("${chanrong.lending.eod-chunk-loans:2000}") int chunkLoans) {
        this.chunkLoans = chunkLoans;
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

    @Override
    public Run run(LocalDate date, Consumer<Run> progress) {
        if (date.isAfter(businessDate.today())) {
            throw Rejected.invalid(Rejection.of("date.future", "businessDate", date, businessDate.today()));
        }
        long pending = store.pendingLoans(date);
        long borrowers = store.pendingBorrowers(date);
        store.start(date, borrowers, pending);
        while (true) {
            Integer done = tx.execute(s -> chunk(date));
            if (done == null || done == 0) {
                break;
            }
            store.done(date, done);
            Run r = status(date).orElseThrow();
            progress.accept(r);
            if (pauseMillis > 0) {
                // a throttle, to leave the database room for the day's work while a long run goes on
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        store.finish(date);
        Run r = status(date).orElseThrow();
        log.info("End of day {}: {} loans of {} borrowers", date, r.loansDone(), r.borrowers());
        return r;
    }

    /**
     * One chunk of borrowers in one transaction; returns how many loans it closed. The common case is
     * done in bulk: the loans and their installments are read in two queries, the accruals computed in
     * memory, posted with one batched ledger call per book and written back with one statement each;
     * only loans whose tier or provision changes go through the per-loan path.
     */
    private int chunk(LocalDate date) {
        // whole obligors (contagion needs all their loans), up to a number of obligors or of loans
        List<long[]> candidates = store.pendingByBorrower(date, chunk);
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
        List<long[]> rows = store.lock(keys, date);
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
        for (Loan l : before) {
            if (l.accruedThrough().isBefore(date)) {
                accrued.add(accrue(l, exacts.get(l.id()), schedules.getOrDefault(l.id(), List.of()), date));
            }
        }
        post(accrued, date);
        Map<Long, Loan> after = new LinkedHashMap<>();
        loans.inBorrowerOrder(loanIds).forEach(l -> after.put(l.id(), l));
        exacts.putAll(accruals.exacts(loanIds));
        List<Long> unchanged = new ArrayList<>();
        Map<Long, ClassificationStore.Facts> facts = classifications.facts(loanIds);
        // risk follows the obligor (FACTS §10): contagion and the bureau's figures are the obligor's
        Map<Long, java.math.BigDecimal> market = outside.overdue90Shares(
                facts.values().stream().map(ClassificationStore.Facts::obligorId).collect(Collectors.toSet()), date);
        Map<Long, ProvisionRates> rates = new HashMap<>();
        after.values().stream().collect(Collectors.groupingBy(l -> facts.get(l.id()).obligorId() + ":" + l.institutionId(),
                        LinkedHashMap::new, Collectors.toList()))
                .values().forEach(g -> {
                    long obligor = facts.get(g.getFirst().id()).obligorId();
                    ProvisionRates r = rates.computeIfAbsent(g.getFirst().institutionId(), i -> provisions.rates(i, date));
                    unchanged.addAll(servicer.classifyObligor(g, exacts, facts, r, date, ACTOR, market.get(obligor)));
                });
        if (!unchanged.isEmpty()) {
            classifications.classifiedOn(unchanged.toArray(Long[]::new), date);
        }
        return pending;
    }

    private static Accrued accrue(Loan l, Servicer.Exact x, List<Installment> s, LocalDate date) {
        BigDecimal penaltyExact = x.penaltyExact().add(
                Accrual.penalty(s, l.accruedThrough(), date, l.annualRate(), l.penaltyMarkup()), MathContext.DECIMAL128);
        BigDecimal interestExact = Accrual.interestThrough(s, date);
        return new Accrued(l, interestExact, penaltyExact, Accrual.fen(interestExact).subtract(l.interestAccrued()),
                Accrual.fen(penaltyExact).subtract(l.penaltyAccrued()), Accrual.daysPastDue(s, date));
    }

    /** Posts the accruals per book in one batch, records them, and writes the new balances back. */
    private void post(List<Accrued> accrued, LocalDate date) {
        if (accrued.isEmpty()) {
            return;
        }
        accrued.stream().filter(a -> a.total().signum() != 0)
                .collect(Collectors.groupingBy(a -> a.loan().institutionId()))
                .forEach((book, list) -> ledger.postAll(book, date, list.stream().map(a -> new Ledger.Draft(
                        Postings.WORDS.both("posting.accrual"), "loan:" + a.loan().id() + ":accrual:" + date,
                        Postings.accrualLines(a.loan().id(), a.total(), a.loan().nonAccrual()))).toList(), ACTOR));
        for (int from = 0; from < accrued.size(); from += 1000) {
            write(accrued.subList(from, Math.min(accrued.size(), from + 1000)), date);
        }
    }

    /** Records a slice of accruals and writes the loans' new balances, a statement each (within the parameter limit). */
    private void write(List<Accrued> accrued, LocalDate date) {
        int inserted = accruals.recordAll(accrued, date);
        if (inserted != accrued.size()) {
            throw new IllegalStateException("some loans were already brought to " + date);
        }
        accruals.accruedAll(accrued, date);
    }

    @Override
    public Optional<Run> status(LocalDate date) {
        return store.status(date);
    }
}
