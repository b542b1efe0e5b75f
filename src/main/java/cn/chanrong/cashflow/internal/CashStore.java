package cn.chanrong.cashflow.internal;

import cn.chanrong.cashflow.CashFlows;
import cn.chanrong.cashflow.domain.EntryDraft;
import cn.chanrong.cashflow.domain.StatementDraft;
import cn.chanrong.identity.Consents;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the cashflow module. */
@Repository
class CashStore {

    record Entry(EntryDraft draft, String category, String reason) {
    }

    record Stored(long statementId, int newEntries) {
    }

    private static final String TXN = """
            SELECT t.id, a.account_no, t.entry_ref, t.booking_date, t.value_date, t.amount, t.currency, t.counterparty_name,
                   t.counterparty_account, t.remittance, t.category, t.category_reason, t.round_trip, s.weight,
                   nullif(t.txn_ref, '')
              FROM cash_txn t JOIN cash_account a ON a.id = t.account_id JOIN cash_statement s ON s.id = t.statement_id""";

    private static final String STATEMENT = """
            SELECT s.id, a.account_no, s.statement_ref, s.format, s.source, s.weight, s.period_from, s.period_to, s.opening,
                   s.closing, s.entries, s.new_entries, s.continuity, s.imported_by, s.imported_at
              FROM cash_statement s JOIN cash_account a ON a.id = s.account_id""";

    /** Rows of one multi-row insert of generated entries, well under PostgreSQL's 65,535 bind parameters. */
    private static final int ROWS_PER_INSERT = 2000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    CashStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void requireEnterprise(long id) {
        if (jdbc.sql("SELECT count(*) FROM enterprise_party_view WHERE id = :id").param("id", id).query(Long.class).single() == 0) {
            throw Rejected.notFound("enterprise", id);
        }
    }

    Long ownerOf(String accountNo) {
        return jdbc.sql("SELECT enterprise_id FROM cash_account WHERE account_no = :a").param("a", accountNo)
                .query(Long.class).optional().orElse(null);
    }

    String currency(long accountId) {
        return jdbc.sql("SELECT currency FROM cash_account WHERE id = :id").param("id", accountId).query(String.class).single();
    }

    long accountId(String accountNo) {
        return jdbc.sql("SELECT id FROM cash_account WHERE account_no = :a").param("a", accountNo).query(Long.class).single();
    }

    /**
     * The account is kept at the institution on the platform whose full name, or a branch's name, is the bank's
     * name as bound (null: a bank not on the platform).
     */
    long insertAccount(long enterpriseId, String accountNo, String bank, String currency) {
        return jdbc.sql("""
                        INSERT INTO cash_account (enterprise_id, account_no, bank_name, currency, held_at)
                        VALUES (:e, :a, :b, :c, coalesce(
                            (SELECT i.id FROM institution_party_view i WHERE i.name = :b ORDER BY i.id LIMIT 1),
                            (SELECT r.institution_id FROM institution_branch_view r WHERE r.name = :b
                              ORDER BY r.institution_id LIMIT 1)))
                        RETURNING id""")
                .param("e", enterpriseId).param("a", accountNo).param("b", bank).param("c", currency).query(Long.class).single();
    }

    CashFlows.Account account(long id) {
        return jdbc.sql("SELECT id, enterprise_id, account_no, bank_name, currency, bound_at, held_at FROM cash_account WHERE id = :id")
                .param("id", id).query(CashStore::account).single();
    }

    List<CashFlows.Account> accounts(long enterpriseId) {
        return jdbc.sql("""
                        SELECT id, enterprise_id, account_no, bank_name, currency, bound_at, held_at FROM cash_account
                         WHERE enterprise_id = :e ORDER BY id""")
                .param("e", enterpriseId).query(CashStore::account).list();
    }

    java.util.Optional<CashFlows.Account> account(String accountNo) {
        return jdbc.sql("SELECT id, enterprise_id, account_no, bank_name, currency, bound_at, held_at FROM cash_account WHERE account_no = :n")
                .param("n", accountNo).query(CashStore::account).optional();
    }

    private static CashFlows.Account account(ResultSet rs, int i) throws SQLException {
        return new CashFlows.Account(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), (Long) rs.getObject(7));
    }

    boolean statementExists(long accountId, String ref) {
        return jdbc.sql("SELECT count(*) FROM cash_statement WHERE account_id = :a AND statement_ref = :r")
                .param("a", accountId).param("r", ref).query(Long.class).single() > 0;
    }

    /**
     * The account's latest stored statement ending before this one starts, as a draft without entries
     * or opening balance: it was checked by itself when it was imported; only its closing matters now.
     */
    StatementDraft previous(long accountId, StatementDraft next) {
        return jdbc.sql("""
                        SELECT s.statement_ref, a.account_no, a.currency, s.period_from, s.period_to, s.opening, s.closing
                          FROM cash_statement s JOIN cash_account a ON a.id = s.account_id
                         WHERE s.account_id = :a AND s.period_to < :f AND s.closing IS NOT NULL
                         ORDER BY s.period_to DESC LIMIT 1""")
                .param("a", accountId).param("f", next.from())
                .query((rs, i) -> new StatementDraft("stored", rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), null, rs.getBigDecimal(7),
                        List.of()))
                .optional().orElse(null);
    }

    Stored insertStatement(long accountId, StatementDraft d, CashFlows.Source source, BigDecimal weight, String by,
                           List<Entry> entries) {
        LocalDate from = d.from() != null ? d.from() : entries.stream().map(e -> e.draft().bookingDate()).min(LocalDate::compareTo)
                .orElse(LocalDate.EPOCH);
        LocalDate to = d.to() != null ? d.to() : entries.stream().map(e -> e.draft().bookingDate()).max(LocalDate::compareTo)
                .orElse(from);
        String continuity = d.openingBalance() != null && d.closingBalance() != null ? "CONTINUOUS" : "UNCHECKED";
        long id = jdbc.sql("""
                        INSERT INTO cash_statement (account_id, statement_ref, format, source, weight, period_from, period_to,
                                                    opening, closing, entries, new_entries, continuity, imported_by)
                        VALUES (:a, :r, :f, :s, :w, :pf, :pt, :o, :c, :n, 0, :k, :by) RETURNING id""")
                .param("a", accountId).param("r", d.statementId()).param("f", d.format()).param("s", source.name())
                .param("w", weight).param("pf", from).param("pt", to).param("o", d.openingBalance())
                .param("c", d.closingBalance()).param("n", entries.size()).param("k", continuity).param("by", by)
                .query(Long.class).single();
        replaceWholeByDetails(accountId, entries);
        int fresh = 0;
        for (Entry e : entries) {
            EntryDraft x = e.draft();
            // A whole entry and the transactions of the same entry are one booking seen two ways (a
            // notification with details, a statement without): the details once stored stay.
            fresh += jdbc.sql("""
                            INSERT INTO cash_txn (account_id, statement_id, entry_ref, txn_ref, booking_date, value_date, amount,
                                                  currency, counterparty_name, counterparty_account, remittance, category,
                                                  category_reason)
                            SELECT :a, :s, :r, :k, CAST(:bd AS date), CAST(:vd AS date), CAST(:amt AS numeric), :c, :cn, :ca, :rm, :cat, :why
                             WHERE NOT EXISTS (SELECT 1 FROM cash_txn o WHERE o.account_id = :a AND o.entry_ref = :r
                                                  AND (o.txn_ref = :k OR o.txn_ref = '' OR :k = ''))
                            ON CONFLICT (account_id, entry_ref, txn_ref) DO NOTHING""")
                    .param("a", accountId).param("s", id).param("r", x.reference())
                    .param("k", x.transactionRef() == null ? "" : x.transactionRef()).param("bd", x.bookingDate())
                    .param("vd", x.valueDate()).param("amt", x.amount()).param("c", x.currency())
                    .param("cn", x.counterpartyName()).param("ca", x.counterpartyAccount()).param("rm", x.remittance())
                    .param("cat", e.category()).param("why", e.reason()).update();
        }
        jdbc.sql("UPDATE cash_statement SET new_entries = :n WHERE id = :id").param("n", fresh).param("id", id).update();
        return new Stored(id, fresh);
    }

    /**
     * A batched entry stored whole before (a statement without details came first) gives way to its
     * transactions, when they sum to what was stored: they say the same with every payee named.
     */
    private void replaceWholeByDetails(long accountId, List<Entry> entries) {
        java.util.Map<String, BigDecimal> batches = new java.util.LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.draft().transactionRef() != null) {
                batches.merge(e.draft().reference(), e.draft().amount(), BigDecimal::add);
            }
        }
        batches.forEach((reference, total) -> jdbc.sql("""
                        DELETE FROM cash_txn WHERE account_id = :a AND entry_ref = :r AND txn_ref = '' AND amount = :t""")
                .param("a", accountId).param("r", reference).param("t", total).update());
    }

    CashFlows.Statement statement(long id) {
        return jdbc.sql(STATEMENT + " WHERE s.id = :id").param("id", id).query(CashStore::statement).single();
    }

    Page<CashFlows.Statement> statements(long enterpriseId, Consents.Scope scope, PageRequest page) {
        List<String> visible = visibleAccounts(enterpriseId, scope);
        var items = jdbc.sql(STATEMENT + " WHERE a.account_no = ANY(:v) ORDER BY s.period_to DESC, s.id DESC LIMIT :l OFFSET :o")
                .param("v", visible.toArray(String[]::new)).param("l", page.size()).param("o", page.offset())
                .query(CashStore::statement).list();
        long total = jdbc.sql("SELECT count(*) FROM cash_statement s JOIN cash_account a ON a.id = s.account_id WHERE a.account_no = ANY(:v)")
                .param("v", visible.toArray(String[]::new)).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private List<String> visibleAccounts(long enterpriseId, Consents.Scope scope) {
        return accounts(enterpriseId).stream().map(CashFlows.Account::accountNo).filter(scope::coversAccount).toList();
    }

    private static CashFlows.Statement statement(ResultSet rs, int i) throws SQLException {
        return new CashFlows.Statement(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                CashFlows.Source.valueOf(rs.getString(5)), rs.getBigDecimal(6), rs.getObject(7, LocalDate.class),
                rs.getObject(8, LocalDate.class), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getInt(11), rs.getInt(12),
                rs.getString(13), rs.getString(14), rs.getTimestamp(15).toInstant());
    }

    /** Transactions the scope allows: each visible account limited to the consented period. */
    Page<CashFlows.Transaction> transactionPage(long enterpriseId, Consents.Scope scope, CashFlows.TransactionFilter f,
                                                PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE a.enterprise_id = :e AND (false");
        List<Object[]> windows = new ArrayList<>();
        for (String account : visibleAccounts(enterpriseId, scope)) {
            LocalDate[] p = scope.period(account);
            if (p != null) {
                int k = windows.size();
                where.append(" OR (a.account_no = :acc").append(k).append(" AND t.booking_date BETWEEN :pf").append(k)
                        .append(" AND :pt").append(k).append(')');
                windows.add(new Object[] {account, p[0].equals(LocalDate.MIN) ? LocalDate.of(1900, 1, 1) : p[0],
                        p[1].equals(LocalDate.MAX) ? LocalDate.of(9999, 12, 31) : p[1]});
            }
        }
        where.append(')');
        if (f.account() != null) {
            where.append(" AND a.account_no = :fa");
        }
        if (f.from() != null) {
            where.append(" AND t.booking_date >= :ff");
        }
        if (f.to() != null) {
            where.append(" AND t.booking_date <= :ft");
        }
        if (f.category() != null) {
            where.append(" AND t.category = :fc");
        }
        var items = bind(jdbc.sql(TXN + where + " ORDER BY t.booking_date DESC, t.id DESC LIMIT :l OFFSET :o"), enterpriseId, windows, f)
                .param("l", page.size()).param("o", page.offset()).query(CashStore::txn).list();
        long total = bind(jdbc.sql("SELECT count(*) FROM cash_txn t JOIN cash_account a ON a.id = t.account_id" + where),
                enterpriseId, windows, f).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, long enterpriseId, List<Object[]> windows,
                                                 CashFlows.TransactionFilter f) {
        spec = spec.param("e", enterpriseId);
        for (int k = 0; k < windows.size(); k++) {
            spec = spec.param("acc" + k, windows.get(k)[0]).param("pf" + k, windows.get(k)[1]).param("pt" + k, windows.get(k)[2]);
        }
        if (f.account() != null) {
            spec = spec.param("fa", f.account());
        }
        if (f.from() != null) {
            spec = spec.param("ff", f.from());
        }
        if (f.to() != null) {
            spec = spec.param("ft", f.to());
        }
        if (f.category() != null) {
            spec = spec.param("fc", f.category());
        }
        return spec;
    }

    List<CashFlows.Transaction> transactions(long enterpriseId, LocalDate from, LocalDate to, boolean cnyOnly) {
        return jdbc.sql(TXN + " WHERE a.enterprise_id = :e AND t.booking_date BETWEEN :f AND :t"
                        + (cnyOnly ? " AND t.currency = 'CNY'" : "") + " ORDER BY t.booking_date, t.id")
                .param("e", enterpriseId).param("f", from).param("t", to).query(CashStore::txn).list();
    }

    private static CashFlows.Transaction txn(ResultSet rs, int i) throws SQLException {
        return new CashFlows.Transaction(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDate.class), rs.getBigDecimal(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getBoolean(13), rs.getBigDecimal(14), rs.getString(15));
    }

    void markRoundTrips(List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE cash_txn SET round_trip = true WHERE id = ANY(:ids)").param("ids", ids.toArray(Long[]::new)).update();
        }
    }

    CashFlowService.Parties parties(long enterpriseId) {
        Set<String> own = new HashSet<>(jdbc.sql("SELECT account_no FROM cash_account WHERE enterprise_id = :e")
                .param("e", enterpriseId).query(String.class).list());
        own.addAll(jdbc.sql("SELECT name FROM enterprise_party_view WHERE id = :e").param("e", enterpriseId).query(String.class).list());
        Set<String> relatedNames = new HashSet<>(jdbc.sql("""
                        SELECT e.name FROM enterprise_related_party_view r JOIN enterprise_party_view e ON e.id = r.related_enterprise_id
                         WHERE r.enterprise_id = :e
                        UNION SELECT e.name FROM enterprise_related_party_view r JOIN enterprise_party_view e ON e.id = r.enterprise_id
                         WHERE r.related_enterprise_id = :e""")
                .param("e", enterpriseId).query(String.class).list());
        Set<String> relatedAccounts = new HashSet<>(jdbc.sql("""
                        SELECT a.account_no FROM cash_account a JOIN enterprise_related_party_view r ON r.related_enterprise_id = a.enterprise_id
                         WHERE r.enterprise_id = :e
                        UNION SELECT a.account_no FROM cash_account a JOIN enterprise_related_party_view r ON r.enterprise_id = a.enterprise_id
                         WHERE r.related_enterprise_id = :e""")
                .param("e", enterpriseId).query(String.class).list());
        Set<String> related = new HashSet<>(relatedNames);
        related.addAll(relatedAccounts);
        Set<String> customers = new HashSet<>(jdbc.sql("""
                        SELECT e.name FROM enterprise_relationship_view r JOIN enterprise_party_view e ON e.id = r.customer_id WHERE r.supplier_id = :e""")
                .param("e", enterpriseId).query(String.class).list());
        Set<String> suppliers = new HashSet<>(jdbc.sql("""
                        SELECT e.name FROM enterprise_relationship_view r JOIN enterprise_party_view e ON e.id = r.supplier_id WHERE r.customer_id = :e""")
                .param("e", enterpriseId).query(String.class).list());
        return new CashFlowService.Parties(own, related, customers, suppliers, relatedAccounts, relatedNames);
    }

    long balanceFen(long enterpriseId) {
        BigDecimal sum = jdbc.sql("""
                        SELECT coalesce(sum(closing), 0) FROM (
                          SELECT DISTINCT ON (s.account_id) s.closing FROM cash_statement s JOIN cash_account a ON a.id = s.account_id
                           WHERE a.enterprise_id = :e AND s.closing IS NOT NULL AND a.currency = 'CNY'
                           ORDER BY s.account_id, s.period_to DESC, s.id DESC) latest""")
                .param("e", enterpriseId).query(BigDecimal.class).single();
        return sum.movePointRight(2).longValue();
    }

    /** A generated account, then each statement and its entries (one multi-row insert per statement), in order. */
    void insertGenerated(CashFlows.GeneratedAccount a) {
        long accountId = insertAccount(a.enterpriseId(), a.accountNo(), a.bankName(), a.currency());
        for (CashFlows.GeneratedStatement s : a.statements()) {
            long id = jdbc.sql("""
                            INSERT INTO cash_statement (account_id, statement_ref, format, source, weight, period_from, period_to, opening,
                                                        closing, entries, new_entries, continuity, imported_by)
                            VALUES (:a, :r, :fmt, :src, :w, :f, :t, :o, :c, :n, :n, :k, :by)
                            RETURNING id""")
                    .param("a", accountId).param("r", s.statementRef()).param("fmt", s.format()).param("src", s.source().name())
                    .param("w", s.weight()).param("f", s.from()).param("t", s.to()).param("o", s.opening()).param("c", s.closing())
                    .param("n", s.entries().size()).param("k", s.continuity()).param("by", s.importedBy()).query(Long.class).single();
            for (int from = 0; from < s.entries().size(); from += ROWS_PER_INSERT) {
                insertGeneratedEntries(accountId, id, s.entries().subList(from, Math.min(s.entries().size(), from + ROWS_PER_INSERT)));
            }
        }
    }

    private void insertGeneratedEntries(long accountId, long statementId, List<CashFlows.GeneratedEntry> entries) {
        StringBuilder sql = new StringBuilder("""
                INSERT INTO cash_txn (account_id, statement_id, entry_ref, booking_date, value_date, amount, currency, counterparty_name,
                                      counterparty_account, remittance, category, category_reason, round_trip) VALUES """);
        List<Object> args = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            CashFlows.GeneratedEntry e = entries.get(k);
            sql.append(k == 0 ? "" : ",").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            args.addAll(List.of(accountId, statementId, e.entryRef(), e.bookingDate(), e.valueDate(), e.amount(), e.currency()));
            args.add(e.counterpartyName());
            args.add(e.counterpartyAccount());
            args.add(e.remittance());
            args.add(e.category());
            args.add(e.categoryReason());
            args.add(e.roundTrip());
        }
        template.update(sql.toString(), args.toArray());
    }
}
