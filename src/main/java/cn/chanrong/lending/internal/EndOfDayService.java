package cn.chanrong.lending.internal;

import cn.chanrong.lending.EndOfDay;
import cn.chanrong.ledger.Ledger;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.domain.Accrual;
import cn.chanrong.lending.domain.Installment;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * End of day in borrower chunks. Each chunk is one transaction: its borrowers' active loans are
 * locked in id order, brought to the date, then classified borrower by borrower (contagion needs all
 * of a borrower's loans at once). The next chunk is simply "borrowers with a loan not yet classified
 * on this date", so a crashed run carries on where it stopped and a repeated run finds nothing to do.
 */
@Service
class EndOfDayService implements EndOfDay {

    private static final Logger log = LoggerFactory.getLogger(EndOfDayService.class);
    private static final String ACTOR = "end-of-day";

    private final JdbcClient jdbc;
    private final Servicer servicer;
    private final TransactionTemplate tx;
    private final BusinessDate businessDate;
    private final int chunk;
    private final Ledger ledger;
    private final int chunkLoans;
    private final Repricing repricingService;
    private final long pauseMillis;

    private final cn.chanrong.credit.OutsideFacts outside;

    EndOfDayService(JdbcClient jdbc, Servicer servicer, TransactionTemplate tx, BusinessDate businessDate,
                    Ledger ledger, Repricing repricingService, cn.chanrong.credit.OutsideFacts outside,
                    @Value("${chanrong.lending.eod-chunk-borrowers:200}") int chunk,
                    @Value("${chanrong.lending.eod-chunk-pause-ms:0}") long pauseMillis,
                    @Value("${chanrong.lending.eod-chunk-loans:2000}") int chunkLoans) {
        this.chunkLoans = chunkLoans;
        this.outside = outside;
        this.pauseMillis = pauseMillis;
        this.ledger = ledger;
        this.repricingService = repricingService;
        this.jdbc = jdbc;
        this.servicer = servicer;
        this.tx = tx;
        this.businessDate = businessDate;
        this.chunk = chunk;
    }

    private static final String PENDING = """
            FROM loan WHERE status = 'ACTIVE' AND disbursed_on <= :d
              AND (accrued_through < :d OR classified_on IS NULL OR classified_on < :d)""";

    @Override
    public Run run(LocalDate date, Consumer<Run> progress) {
        if (date.isAfter(businessDate.today())) {
            throw Rejected.invalid(Rejection.of("date.future", "businessDate", date, businessDate.today()));
        }
        long pending = jdbc.sql("SELECT count(*) " + PENDING).param("d", date).query(Long.class).single();
        long borrowers = jdbc.sql("SELECT count(DISTINCT borrower_id) " + PENDING).param("d", date).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO eod_run (business_date, status, borrowers, loans_total, loans_done)
                        VALUES (:d, 'RUNNING', :b, :t, 0)
                        ON CONFLICT (business_date) DO UPDATE SET status = 'RUNNING', borrowers = :b,
                            loans_total = eod_run.loans_done + :t, finished_at = NULL""")
                .param("d", date).param("b", borrowers).param("t", pending).update();
        while (true) {
            Integer done = tx.execute(s -> chunk(date));
            if (done == null || done == 0) {
                break;
            }
            jdbc.sql("UPDATE eod_run SET loans_done = loans_done + :n WHERE business_date = :d")
                    .param("n", done).param("d", date).update();
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
        jdbc.sql("UPDATE eod_run SET status = 'DONE', finished_at = now() WHERE business_date = :d").param("d", date).update();
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
        // whole borrowers (contagion needs all their loans), up to a number of borrowers or of loans
        List<long[]> candidates = jdbc.sql("SELECT borrower_id, count(*) " + PENDING
                        + " GROUP BY borrower_id ORDER BY borrower_id LIMIT :n")
                .param("d", date).param("n", chunk).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        List<Long> borrowers = new ArrayList<>();
        long loans = 0;
        for (long[] c : candidates) {
            if (!borrowers.isEmpty() && loans + c[1] > chunkLoans) {
                break;
            }
            borrowers.add(c[0]);
            loans += c[1];
        }
        if (borrowers.isEmpty()) {
            return 0;
        }
        Long[] keys = borrowers.toArray(Long[]::new);
        List<long[]> rows = jdbc.sql("""
                        SELECT id, CASE WHEN accrued_through < :d OR classified_on IS NULL OR classified_on < :d THEN 1 ELSE 0 END
                        FROM loan WHERE borrower_id = ANY(:b) AND status = 'ACTIVE' AND disbursed_on <= :d
                        ORDER BY borrower_id, id FOR UPDATE""")
                .param("b", keys).param("d", date).query((rs, i) -> new long[] {rs.getLong(1), rs.getInt(2)}).list();
        Long[] loanIds = rows.stream().map(r -> r[0]).toArray(Long[]::new);
        int pending = rows.stream().mapToInt(r -> (int) r[1]).sum();
        List<Loan> before = loans(loanIds);
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
            before = loans(loanIds);
        }
        Map<Long, Servicer.Exact> exacts = exacts(loanIds);
        Map<Long, List<Installment>> schedules = installments(loanIds);
        List<Accrued> accrued = new ArrayList<>();
        for (Loan l : before) {
            if (l.accruedThrough().isBefore(date)) {
                accrued.add(accrue(l, exacts.get(l.id()), schedules.getOrDefault(l.id(), List.of()), date));
            }
        }
        post(accrued, date);
        Map<Long, Loan> after = new LinkedHashMap<>();
        loans(loanIds).forEach(l -> after.put(l.id(), l));
        exacts.putAll(exacts(loanIds));
        List<Long> unchanged = new ArrayList<>();
        Map<Long, java.math.BigDecimal> market = outside.overdue90Shares(
                after.values().stream().map(Loan::borrowerId).collect(Collectors.toSet()), date);
        after.values().stream().collect(Collectors.groupingBy(l -> l.borrowerId() + ":" + l.institutionId(),
                        LinkedHashMap::new, Collectors.toList()))
                .values().forEach(g -> unchanged.addAll(servicer.classifyBorrower(g, exacts, date, ACTOR,
                        market.get(g.getFirst().borrowerId()))));
        if (!unchanged.isEmpty()) {
            jdbc.sql("UPDATE loan SET classified_on = :d WHERE id = ANY(:ids)")
                    .param("d", date).param("ids", unchanged.toArray(Long[]::new)).update();
        }
        return pending;
    }

    /** What one loan earns from the day after {@code accruedThrough} to the end of {@code date}. */
    private record Accrued(Loan loan, BigDecimal interestExact, BigDecimal penaltyExact, BigDecimal dInterest,
                           BigDecimal dPenalty, int dpd) {
        BigDecimal total() {
            return dInterest.add(dPenalty);
        }
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
        StringBuilder rows = new StringBuilder();
        List<Object> args = new ArrayList<>();
        StringBuilder updates = new StringBuilder();
        List<Object> updateArgs = new ArrayList<>();
        for (Accrued a : accrued) {
            rows.append(rows.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?)");
            args.addAll(List.of(a.loan().id(), date, a.dInterest(), a.dPenalty(), a.loan().nonAccrual()));
            updates.append(updates.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
            BigDecimal total = a.total();
            updateArgs.addAll(List.of(a.loan().id(), a.interestExact().setScale(10, RoundingMode.HALF_UP),
                    a.penaltyExact().setScale(10, RoundingMode.HALF_UP), a.dInterest(), a.dPenalty(),
                    a.loan().nonAccrual() ? BigDecimal.ZERO : total, a.dpd()));
        }
        int inserted = jdbc.sql("INSERT INTO loan_accrual (loan_id, business_date, interest, penalty, memo) VALUES " + rows
                + " ON CONFLICT DO NOTHING").params(args).update();
        if (inserted != accrued.size()) {
            throw new IllegalStateException("some loans were already brought to " + date);
        }
        jdbc.sql("""
                        UPDATE loan SET accrued_through = ?, interest_exact = v.ie, penalty_exact = v.pe,
                            interest_accrued = interest_accrued + v.di, penalty_accrued = penalty_accrued + v.dp,
                            receivable = receivable + v.rec, memo_receivable = memo_receivable + (v.di + v.dp - v.rec),
                            days_past_due = v.dpd,
                            last_overdue_on = CASE WHEN v.dpd > 0 THEN ? ELSE last_overdue_on END, version = version + 1
                        FROM (VALUES\s""" + updates + """
                        ) AS v(id, ie, pe, di, dp, rec, dpd) WHERE loan.id = v.id""")
                .params(concat(List.of(date, date), updateArgs)).update();
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private List<Loan> loans(Long[] ids) {
        return jdbc.sql("SELECT " + LoanStore.COLUMNS + " FROM loan l JOIN enterprise_party_view e ON e.id = l.borrower_id "
                        + "WHERE l.id = ANY(:ids) ORDER BY l.borrower_id, l.id")
                .param("ids", ids).query(LoanStore::map).list();
    }

    private Map<Long, Servicer.Exact> exacts(Long[] ids) {
        Map<Long, Servicer.Exact> out = new HashMap<>();
        jdbc.sql("""
                        SELECT id, interest_exact, penalty_exact, last_overdue_on, observation_from, observation_end,
                               npl_before_restructure, restructure_count FROM loan WHERE id = ANY(:ids)""")
                .param("ids", ids)
                .query((rs, i) -> out.put(rs.getLong(1), new Servicer.Exact(rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                        rs.getBoolean(7), rs.getInt(8))))
                .list();
        return out;
    }

    private Map<Long, List<Installment>> installments(Long[] ids) {
        Map<Long, List<Installment>> out = new HashMap<>();
        jdbc.sql("""
                        SELECT loan_id, period, start_date, due_date, principal_due, interest_due, principal_paid, interest_paid
                        FROM loan_installment WHERE loan_id = ANY(:ids) ORDER BY loan_id, period""")
                .param("ids", ids)
                .query((rs, i) -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Installment(
                        rs.getInt(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getBigDecimal(5),
                        rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8))))
                .list();
        return out;
    }

    @Override
    public Optional<Run> status(LocalDate date) {
        return jdbc.sql("SELECT business_date, status, borrowers, loans_total, loans_done FROM eod_run WHERE business_date = :d")
                .param("d", date)
                .query((rs, i) -> new Run(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)))
                .optional();
    }
}
