package cn.chanrong.lending.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.identity.Role;
import cn.chanrong.lending.Loan;
import cn.chanrong.lending.Loans;
import cn.chanrong.lending.domain.ContractedLoan;
import cn.chanrong.lending.domain.Installment;
import cn.chanrong.lending.domain.LoanStatus;
import cn.chanrong.lending.domain.Tier;
import cn.chanrong.lending.schedule.DayCount;
import cn.chanrong.lending.schedule.RepaymentMethod;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads loans and their parts, says which loans a caller may see, and records their movements. */
@Component
class LoanStore {

    static final String COLUMNS = """
            l.id, l.number, l.institution_id, l.borrower_id, e.name, l.application_id, l.facility_id, l.product_id,
            l.principal, l.term_months, l.rate_type, l.spread_bp, l.annual_rate, l.penalty_markup, l.method, l.day_count,
            l.purpose, l.payment_mode, l.status, l.disbursed_on, l.maturity_date, l.principal_outstanding,
            l.interest_accrued, l.penalty_accrued, l.interest_paid, l.penalty_paid, l.receivable, l.memo_receivable,
            l.provision, l.written_off, l.recovered, l.accrued_through, l.days_past_due, l.tier, l.manual_floor,
            l.non_accrual, l.version, l.period_months""";

    private final JdbcClient jdbc;

    LoanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Loan map(ResultSet rs, int row) throws SQLException {
        return new Loan(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                (Long) rs.getObject(6), (Long) rs.getObject(7), (Long) rs.getObject(8), rs.getBigDecimal(9), rs.getInt(10),
                rs.getString(11), (Integer) rs.getObject(12), rs.getBigDecimal(13), rs.getBigDecimal(14), rs.getString(15),
                rs.getString(16), rs.getString(17), rs.getString(18), rs.getInt(38), LoanStatus.of(rs.getString(19)),
                rs.getObject(20, LocalDate.class),
                rs.getObject(21, LocalDate.class), rs.getBigDecimal(22), rs.getBigDecimal(23), rs.getBigDecimal(24),
                rs.getBigDecimal(25), rs.getBigDecimal(26), rs.getBigDecimal(27), rs.getBigDecimal(28), rs.getBigDecimal(29),
                rs.getBigDecimal(30), rs.getBigDecimal(31), rs.getObject(32, LocalDate.class), rs.getInt(33),
                Tier.valueOf(rs.getString(34)), rs.getString(35) == null ? null : Tier.valueOf(rs.getString(35)),
                rs.getBoolean(36), rs.getInt(37));
    }

    /**
     * Who may read a loan: its lender, its borrower, the financial regulators where the borrower or
     * the risk obligor is registered. Applications and facilities follow the same rule on their alias.
     */
    static ReadScope scope(String alias) {
        ReadScope s = ReadScope.customerData().institution(alias + ".institution_id").enterprise(alias + ".borrower_id");
        return "l".equals(alias) ? s.regionOfEnterprise("l.risk_obligor_id") : s;
    }

    private static final ReadScope LOANS = scope("l");

    /** The SQL condition limiting loans (alias l) to what the caller may see. */
    static String visible(Caller caller, Map<String, Object> params) {
        return LOANS.where(caller, params);
    }

    Optional<Loan> find(Caller caller, long id) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        String where = visible(caller, p);
        return jdbc.sql("SELECT " + COLUMNS + " FROM loan l JOIN enterprise_party_view e ON e.id = l.borrower_id WHERE l.id = :id AND "
                + where).params(p).query(LoanStore::map).optional();
    }

    Loan get(Caller caller, long id) {
        return find(caller, id).orElseThrow(() -> Rejected.notFound("loan", id));
    }

    /**
     * One of the caller's institution's own loans, locked for the rest of the transaction: operators
     * service them, approvers too. Another's loan is not found; a reader without those authorities is
     * refused.
     */
    Loan own(Caller caller, long id) {
        Loan l = get(caller, id);
        if (!caller.is(Role.INSTITUTION) || l.institutionId() != caller.institutionId()
                || !(caller.hasAuthority("operator") || caller.hasAuthority("approver"))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.institution-only", null));
        }
        return lock(id);
    }

    /** The loan as contracted: everything its schedule and booking need. */
    ContractedLoan contracted(long id) {
        return jdbc.sql("""
                        SELECT id, number, institution_id, borrower_id, risk_obligor_id, application_id, facility_id,
                               product_id, contract_loan_id, renewal_of, trade_reference, principal, term_months, rate_type,
                               spread_bp, annual_rate, penalty_markup, method, day_count, payment_day, period_months,
                               grace_months, principal_plan, purpose, payment_mode, green_catalogue_code
                        FROM loan WHERE id = :id""")
                .param("id", id)
                .query((rs, i) -> new ContractedLoan(rs.getLong(1), rs.getString(2),
                        new ContractedLoan.Parties(rs.getLong(3), rs.getLong(4), (Long) rs.getObject(5)),
                        new ContractedLoan.Origin((Long) rs.getObject(6), (Long) rs.getObject(7), (Long) rs.getObject(8),
                                (Long) rs.getObject(9), (Long) rs.getObject(10), rs.getString(11)),
                        rs.getBigDecimal(12), rs.getInt(13),
                        new ContractedLoan.Pricing(rs.getString(14), (Integer) rs.getObject(15), rs.getBigDecimal(16),
                                rs.getBigDecimal(17)),
                        new ContractedLoan.Amortising(RepaymentMethod.valueOf(rs.getString(18)),
                                DayCount.valueOf(rs.getString(19)), rs.getInt(20), rs.getInt(21), rs.getInt(22),
                                rs.getArray(23) == null ? null : List.of((BigDecimal[]) rs.getArray(23).getArray())),
                        rs.getString(24), rs.getString(25), rs.getString(26)))
                .single();
    }

    /** Records a movement on the loan; returns its id. */
    long insertTransaction(long loanId, String type, LocalDate date, BigDecimal amount, BigDecimal principal,
                           BigDecimal interest, BigDecimal penalty, String payee, long entryId, String actor) {
        return jdbc.sql("""
                        INSERT INTO loan_transaction (loan_id, type, value_date, amount, principal, interest, penalty, payee,
                            entry_id, created_by)
                        VALUES (:l, :t, :d, :a, :p, :i, :pen, :payee, :e, :by) RETURNING id""")
                .param("l", loanId).param("t", type).param("d", date).param("a", amount).param("p", principal)
                .param("i", interest).param("pen", penalty).param("payee", payee).param("e", entryId).param("by", actor)
                .query(Long.class).single();
    }

    /** The loan with its row locked for the rest of the transaction. */
    Loan lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM loan l JOIN enterprise_party_view e ON e.id = l.borrower_id WHERE l.id = :id "
                + "FOR UPDATE OF l").param("id", id).query(LoanStore::map).single();
    }

    Page<Loan> search(Caller caller, Loans.Filter f, PageRequest page) {
        Map<String, Object> p = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(visible(caller, p));
        if (f.status() != null) {
            where.append(" AND l.status = :status");
            p.put("status", f.status());
        }
        if (f.tier() != null) {
            where.append(" AND l.tier = :tier");
            p.put("tier", f.tier().name());
        }
        if (f.borrowerId() != null) {
            where.append(" AND l.borrower_id = :borrower");
            p.put("borrower", f.borrowerId());
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            where.append(" AND l.days_past_due > 0");
        }
        long total = jdbc.sql("SELECT count(*) FROM loan l JOIN enterprise_party_view e ON e.id = l.borrower_id WHERE " + where)
                .params(p).query(Long.class).single();
        p.put("limit", page.size());
        p.put("offset", page.offset());
        List<Loan> items = jdbc.sql("SELECT " + COLUMNS + " FROM loan l JOIN enterprise_party_view e ON e.id = l.borrower_id WHERE "
                        + where + " ORDER BY l.days_past_due DESC, l.id DESC LIMIT :limit OFFSET :offset")
                .params(p).query(LoanStore::map).list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    List<Installment> installments(long loanId) {
        return jdbc.sql("""
                        SELECT period, start_date, due_date, principal_due, interest_due, principal_paid, interest_paid
                        FROM loan_installment WHERE loan_id = :id ORDER BY period""")
                .param("id", loanId)
                .query((rs, i) -> new Installment(rs.getInt(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6),
                        rs.getBigDecimal(7)))
                .list();
    }

    private static final String TRANSACTION_COLUMNS = """
            SELECT id, loan_id, type, value_date, amount, principal, interest, penalty, fee, payee, entry_id,
                   created_by, created_at FROM loan_transaction""";

    private static Loans.Transaction transaction(ResultSet rs, int row) throws SQLException {
        return new Loans.Transaction(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                rs.getString(10), rs.getLong(11), rs.getString(12), instant(rs, 13));
    }

    List<Loans.Transaction> transactions(long loanId) {
        return jdbc.sql(TRANSACTION_COLUMNS + " WHERE loan_id = :id ORDER BY id").param("id", loanId)
                .query(LoanStore::transaction).list();
    }

    Loans.Transaction transaction(long id) {
        return jdbc.sql(TRANSACTION_COLUMNS + " WHERE id = :id").param("id", id).query(LoanStore::transaction).single();
    }

    List<Loans.Classification> classifications(long loanId) {
        return jdbc.sql("""
                        SELECT id, business_date, from_tier, to_tier, rule, reason, actor, at
                        FROM loan_classification WHERE loan_id = :id ORDER BY id""")
                .param("id", loanId)
                .query((rs, i) -> new Loans.Classification(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        Tier.valueOf(rs.getString(3)), Tier.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                        rs.getString(7), instant(rs, 8)))
                .list();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** The loan's tags from the {@code loan_tag} view, by name. */
    List<String> tags(long loanId) {
        String[] names = {"MANUFACTURING", "MEDIUM_LONG_TERM", "UNSECURED", "KEY_CHAIN", "TECH_SME", "PRIVATE_ENTERPRISE",
                "TECH_TRANSFORMATION", "EQUIPMENT_RENEWAL", "FIRST_LOAN", "GREEN"};
        return jdbc.sql("""
                        SELECT manufacturing, medium_long_term, unsecured, key_chain, tech_sme, private_enterprise,
                               tech_transformation, equipment_renewal, first_loan, green FROM loan_tag WHERE loan_id = :id""")
                .param("id", loanId)
                .query((rs, i) -> {
                    List<String> tags = new ArrayList<>();
                    for (int k = 0; k < names.length; k++) {
                        if (rs.getBoolean(k + 1)) {
                            tags.add(names[k]);
                        }
                    }
                    return tags;
                })
                .single();
    }

    /** The counterparties an entrusted-payment loan was paid to. */
    List<cn.chanrong.lending.Loans.Payee> payees(long loanId) {
        return jdbc.sql("SELECT name, account, amount FROM loan_payee WHERE loan_id = :l ORDER BY seq").param("l", loanId)
                .query((rs, i) -> new cn.chanrong.lending.Loans.Payee(rs.getString(1), rs.getString(2),
                        rs.getBigDecimal(3)))
                .list();
    }
}
