package cn.chanrong.lending.internal;

import cn.chanrong.lending.EndOfDay;
import cn.chanrong.lending.Loan;
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
    private final LoanStore store;
    private final Servicer servicer;
    private final TransactionTemplate tx;
    private final BusinessDate businessDate;
    private final int chunk;
    private final long pauseMillis;

    EndOfDayService(JdbcClient jdbc, LoanStore store, Servicer servicer, TransactionTemplate tx, BusinessDate businessDate,
                    @Value("${chanrong.lending.eod-chunk-borrowers:200}") int chunk,
                    @Value("${chanrong.lending.eod-chunk-pause-ms:0}") long pauseMillis) {
        this.pauseMillis = pauseMillis;
        this.jdbc = jdbc;
        this.store = store;
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

    /** One chunk of borrowers; returns how many loans it processed. */
    private int chunk(LocalDate date) {
        List<Long> borrowers = jdbc.sql("SELECT DISTINCT borrower_id " + PENDING + " ORDER BY borrower_id LIMIT :n")
                .param("d", date).param("n", chunk).query(Long.class).list();
        if (borrowers.isEmpty()) {
            return 0;
        }
        List<long[]> ids = jdbc.sql("""
                        SELECT id, CASE WHEN accrued_through < :d OR classified_on IS NULL OR classified_on < :d THEN 1 ELSE 0 END FROM loan
                        WHERE borrower_id = ANY(:b) AND status = 'ACTIVE' AND disbursed_on <= :d
                        ORDER BY borrower_id, id FOR UPDATE""")
                .param("b", borrowers.toArray(Long[]::new)).param("d", date)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getInt(2)}).list();
        int n = 0;
        long current = -1;
        List<Loan> group = new ArrayList<>();
        for (long[] row : ids) {
            Loan l = servicer.bringTo(store.lock(row[0]), date, ACTOR);
            n += (int) row[1];
            if (l.borrowerId() != current && !group.isEmpty()) {
                classifyByInstitution(group, date);
                group.clear();
            }
            current = l.borrowerId();
            group.add(l);
        }
        if (!group.isEmpty()) {
            classifyByInstitution(group, date);
        }
        return n;
    }

    /** Contagion is per borrower and bank: classify each institution's loans of the borrower together. */
    private void classifyByInstitution(List<Loan> loans, LocalDate date) {
        loans.stream().collect(java.util.stream.Collectors.groupingBy(Loan::institutionId))
                .values().forEach(g -> servicer.classifyBorrower(g, date, ACTOR));
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
