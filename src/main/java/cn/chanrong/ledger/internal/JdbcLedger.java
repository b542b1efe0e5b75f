package cn.chanrong.ledger.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.ledger.JournalEntry;
import cn.chanrong.ledger.Ledger;
import cn.chanrong.ledger.Reconciliation;
import cn.chanrong.ledger.TrialBalance;
import cn.chanrong.ledger.domain.EntryLine;
import cn.chanrong.ledger.domain.EntryRules;
import cn.chanrong.ledger.domain.Side;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcLedger implements Ledger {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ObjectProvider<Reconciliation> reconciliations;
    private volatile Map<String, String> chart;

    JdbcLedger(JdbcClient jdbc, AuditTrail audit, ObjectProvider<Reconciliation> reconciliations) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.reconciliations = reconciliations;
    }

    /** Account code → subledger kind ("" for none); the chart changes only by migration. */
    private Map<String, String> chart() {
        Map<String, String> c = chart;
        if (c == null) {
            Map<String, String> m = new HashMap<>();
            jdbc.sql("SELECT code, coalesce(subledger, '') FROM ledger_account")
                    .query((rs, i) -> m.put(rs.getString(1), rs.getString(2))).list();
            chart = c = Map.copyOf(m);
        }
        return c;
    }

    @Override
    @Transactional
    public JournalEntry post(long book, LocalDate businessDate, String description, String source,
                             List<EntryLine> lines, String actor) {
        List<Rejection> problems = EntryRules.check(description, source, lines, chart());
        if (businessDate == null) {
            problems.add(Rejection.of("required", "businessDate"));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        // the source key is claimed by the insert itself: a second post of the same source finds the first
        Long id = jdbc.sql("""
                        INSERT INTO journal_entry (book, business_date, description, source, posted_by)
                        VALUES (:b, :d, :desc, :s, :a) ON CONFLICT (book, source) DO NOTHING RETURNING id""")
                .param("b", book).param("d", businessDate).param("desc", description).param("s", source)
                .param("a", actor).query(Long.class).optional().orElse(null);
        if (id == null) {
            Long existing = jdbc.sql("SELECT id FROM journal_entry WHERE book = :b AND source = :s")
                    .param("b", book).param("s", source).query(Long.class).single();
            JournalEntry first = entry(book, existing);
            if (!sameLines(first.lines(), lines)) {
                throw Rejected.conflict(Rejection.of("ledger.source-reused", "source", source));
            }
            return first;
        }
        insertPostings(List.of(id), List.of(lines));
        audit.record(AuditEvent.success(actor, "ledger.post", "journal-entry", id, source));
        return new JournalEntry(id, book, businessDate, description, source, null, List.copyOf(lines));
    }

    private long insert(long book, LocalDate date, String description, String source, Long reverses,
                        List<EntryLine> lines, String actor) {
        long id = jdbc.sql("""
                        INSERT INTO journal_entry (book, business_date, description, source, reverses, posted_by)
                        VALUES (:b, :d, :desc, :s, :r, :a) RETURNING id""")
                .param("b", book).param("d", date).param("desc", description).param("s", source).param("r", reverses)
                .param("a", actor).query(Long.class).single();
        insertPostings(List.of(id), List.of(lines));
        return id;
    }

    /**
     * All the postings of a batch in one statement: columns travel as arrays and are unnested on the
     * server, so the statement-level balance check runs once and the server parses one short statement
     * instead of thousands of placeholders.
     */
    private void insertPostings(List<Long> ids, List<List<EntryLine>> lines) {
        int n = lines.stream().mapToInt(List::size).sum();
        if (n == 0) {
            return;
        }
        Long[] entry = new Long[n];
        String[] account = new String[n];
        String[] debit = new String[n];
        String[] credit = new String[n];
        String[] subledger = new String[n];
        int row = 0;
        for (int k = 0; k < ids.size(); k++) {
            for (EntryLine l : lines.get(k)) {
                entry[row] = ids.get(k);
                account[row] = l.account();
                debit[row] = (l.side() == Side.DEBIT ? l.amount() : BigDecimal.ZERO).toPlainString();
                credit[row] = (l.side() == Side.CREDIT ? l.amount() : BigDecimal.ZERO).toPlainString();
                subledger[row] = l.subledger();
                row++;
            }
        }
        jdbc.sql("""
                        INSERT INTO posting (entry_id, account, debit, credit, subledger)
                        SELECT * FROM unnest(CAST(:e AS bigint[]), CAST(:a AS text[]), CAST(:d AS numeric[]), CAST(:c AS numeric[]),
                                             CAST(:s AS text[]))""")
                .param("e", entry).param("a", account).param("d", debit).param("c", credit).param("s", subledger).update();
    }

    @Override
    @Transactional
    public int postAll(long book, LocalDate businessDate, List<Draft> drafts, String actor) {
        List<Rejection> problems = new ArrayList<>();
        for (Draft d : drafts) {
            problems.addAll(EntryRules.check(d.description(), d.source(), d.lines(), chart()));
        }
        if (businessDate == null) {
            problems.add(Rejection.of("required", "businessDate"));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        int posted = 0;
        for (int from = 0; from < drafts.size(); from += 5000) {
            List<Draft> part = drafts.subList(from, Math.min(drafts.size(), from + 5000));
            String[] descriptions = part.stream().map(Draft::description).toArray(String[]::new);
            String[] sources = part.stream().map(Draft::source).toArray(String[]::new);
            Map<String, Long> ids = new HashMap<>();
            jdbc.sql("""
                            INSERT INTO journal_entry (book, business_date, description, source, posted_by)
                            SELECT :book, :date, d, s, :by FROM unnest(CAST(:d AS text[]), CAST(:s AS text[])) AS u(d, s)
                            ON CONFLICT (book, source) DO NOTHING RETURNING id, source""")
                    .param("book", book).param("date", businessDate).param("d", descriptions).param("s", sources)
                    .param("by", actor).query((rs, i) -> ids.put(rs.getString(2), rs.getLong(1))).list();
            List<Long> newIds = new ArrayList<>();
            List<List<EntryLine>> newLines = new ArrayList<>();
            java.util.Set<String> taken = new java.util.HashSet<>();
            for (Draft d : part) {
                Long id = taken.add(d.source()) ? ids.get(d.source()) : null;
                if (id == null) {
                    post(book, businessDate, d.description(), d.source(), d.lines(), actor); // a replay: same lines or refused
                } else {
                    newIds.add(id);
                    newLines.add(d.lines());
                }
            }
            insertPostings(newIds, newLines);
            posted += newIds.size();
        }
        audit.record(AuditEvent.success(actor, "ledger.post-batch", "book", book, posted + " entries on " + businessDate));
        return posted;
    }

    private static boolean sameLines(List<EntryLine> a, List<EntryLine> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            EntryLine x = a.get(i);
            EntryLine y = b.get(i);
            if (!x.account().equals(y.account()) || x.side() != y.side() || x.amount().compareTo(y.amount()) != 0
                    || !java.util.Objects.equals(x.subledger(), y.subledger())) {
                return false;
            }
        }
        return true;
    }

    @Override
    @Transactional
    public JournalEntry reverse(long book, long entryId, LocalDate businessDate, String reason, String actor) {
        JournalEntry original = entry(book, entryId);
        if (original.reverses() != null) {
            throw Rejected.invalid(Rejection.of("ledger.reverse-reversal", "entryId", entryId));
        }
        boolean reversed = jdbc.sql("SELECT count(*) FROM journal_entry WHERE reverses = :id").param("id", entryId)
                .query(Long.class).single() > 0;
        if (reversed) {
            throw Rejected.conflict(Rejection.of("ledger.already-reversed", "entryId", entryId));
        }
        if (reason == null || reason.isBlank()) {
            throw Rejected.invalid(Rejection.of("required", "reason"));
        }
        List<EntryLine> mirror = original.lines().stream()
                .map(l -> new EntryLine(l.account(), l.side() == Side.DEBIT ? Side.CREDIT : Side.DEBIT, l.amount(),
                        l.subledger()))
                .toList();
        long id = insert(book, businessDate, "冲销 / reversal: " + reason.strip(), original.source() + ":reversal",
                entryId, mirror, actor);
        audit.record(AuditEvent.success(actor, "ledger.reverse", "journal-entry", entryId, reason));
        return entry(book, id);
    }

    @Override
    @Transactional(readOnly = true)
    public JournalEntry entry(long book, long entryId) {
        var head = jdbc.sql("SELECT id, book, business_date, description, source, reverses FROM journal_entry WHERE id = :id AND book = :b")
                .param("id", entryId).param("b", book)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5), (Long) rs.getObject(6)})
                .optional().orElseThrow(() -> Rejected.notFound("journal entry", entryId));
        List<EntryLine> lines = jdbc.sql("SELECT account, debit, credit, subledger FROM posting WHERE entry_id = :id ORDER BY id")
                .param("id", entryId)
                .query((rs, i) -> rs.getBigDecimal(2).signum() > 0
                        ? EntryLine.debit(rs.getString(1), rs.getBigDecimal(2), rs.getString(4))
                        : EntryLine.credit(rs.getString(1), rs.getBigDecimal(3), rs.getString(4)))
                .list();
        return new JournalEntry((Long) head[0], (Long) head[1], (LocalDate) head[2], (String) head[3], (String) head[4],
                (Long) head[5], lines);
    }

    @Override
    @Transactional(readOnly = true)
    public TrialBalance trialBalance(long book, LocalDate asOf) {
        List<TrialBalance.Line> lines = jdbc.sql("""
                        SELECT a.code, a.name_zh, a.name_en, a.type, coalesce(sum(p.debit), 0), coalesce(sum(p.credit), 0)
                        FROM ledger_account a
                        JOIN posting p ON p.account = a.code
                        JOIN journal_entry e ON e.id = p.entry_id AND e.book = :b AND e.business_date <= :d
                        GROUP BY a.code, a.name_zh, a.name_en, a.type ORDER BY a.code""")
                .param("b", book).param("d", asOf)
                .query((rs, i) -> {
                    BigDecimal d = rs.getBigDecimal(5);
                    BigDecimal c = rs.getBigDecimal(6);
                    boolean debitNormal = rs.getString(4).equals("ASSET") || rs.getString(4).equals("EXPENSE")
                            || rs.getString(4).equals("MEMO_DEBIT");
                    return new TrialBalance.Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), d, c,
                            debitNormal ? d.subtract(c) : c.subtract(d));
                })
                .list();
        BigDecimal debit = lines.stream().map(TrialBalance.Line::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal credit = lines.stream().map(TrialBalance.Line::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new TrialBalance(book, asOf, lines, debit, credit);
    }

    @Override
    @Transactional(readOnly = true)
    public Check check() {
        List<String> problems = new ArrayList<>();
        jdbc.sql("""
                        SELECT e.id, coalesce(sum(p.debit), 0), coalesce(sum(p.credit), 0), count(p.id)
                        FROM journal_entry e LEFT JOIN posting p ON p.entry_id = e.id GROUP BY e.id
                        HAVING coalesce(sum(p.debit), 0) <> coalesce(sum(p.credit), 0) OR count(p.id) < 2""")
                .query((rs, i) -> problems.add("entry " + rs.getLong(1) + ": debits " + rs.getBigDecimal(2)
                        + " credits " + rs.getBigDecimal(3) + " in " + rs.getInt(4) + " postings"))
                .list();
        List<Long> books = jdbc.sql("SELECT DISTINCT book FROM journal_entry ORDER BY book").query(Long.class).list();
        for (long book : books) {
            TrialBalance tb = trialBalance(book, LocalDate.of(9999, 12, 31));
            if (!tb.balanced()) {
                problems.add("book " + book + ": trial balance debits " + tb.totalDebit() + " <> credits " + tb.totalCredit());
            }
        }
        // Subledgered accounts: every posting names its subledger (loan, facility…), so the lending
        // module's own balances can be reconciled to the ledger per key once it exists.
        jdbc.sql("""
                        SELECT e.book, p.account, count(*) FROM posting p JOIN journal_entry e ON e.id = p.entry_id
                        JOIN ledger_account a ON a.code = p.account
                        WHERE a.subledger IS NOT NULL AND (p.subledger IS NULL OR p.subledger = '') GROUP BY 1, 2""")
                .query((rs, i) -> problems.add("book " + rs.getLong(1) + ", account " + rs.getString(2) + ": "
                        + rs.getLong(3) + " postings without a subledger key"))
                .list();
        for (Reconciliation r : reconciliations.orderedStream().toList()) {
            r.problems().forEach(p -> problems.add(r.name() + ": " + p));
        }
        long entries = jdbc.sql("SELECT count(*) FROM journal_entry").query(Long.class).single();
        return new Check(books.size(), entries, List.copyOf(problems));
    }
}
