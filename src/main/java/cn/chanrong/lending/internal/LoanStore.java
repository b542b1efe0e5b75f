package cn.chanrong.lending.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.identity.Role;
import cn.chanrong.lending.GuaranteeMethod;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The loan row and its parts: reads them, says which loans a caller may see, writes new loans and the
 * changes of their life that are not accrual, classification or workout — activation, payment,
 * repricing, renewal, the first-loan mark.
 */
@Component
class LoanStore {

    static final String COLUMNS = """
            l.id, l.number, l.institution_id, l.borrower_id, e.name, l.application_id, l.facility_id, l.product_id,
            l.principal, l.term_months, l.rate_type, l.spread_bp, l.annual_rate, l.penalty_markup, l.method, l.day_count,
            l.purpose, l.payment_mode, l.status, l.disbursed_on, l.maturity_date, l.principal_outstanding,
            l.interest_accrued, l.penalty_accrued, l.interest_paid, l.penalty_paid, l.receivable, l.memo_receivable,
            l.provision, l.written_off, l.recovered, l.accrued_through, l.days_past_due, l.tier, l.manual_floor,
            l.non_accrual, l.version, l.period_months, loan_guarantee_method(l.id, l.guarantee_method), l.risk_obligor_id,
            (SELECT o.name FROM enterprise_party_view o WHERE o.id = l.risk_obligor_id)""";

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
                rs.getBoolean(36), rs.getInt(37), GuaranteeMethod.valueOf(rs.getString(39)), (Long) rs.getObject(40),
                rs.getString(41));
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
        return find(caller, id, "");
    }

    /** The loan if the caller may see it; {@code lock} is appended to the query (empty, or a row lock). */
    private Optional<Loan> find(Caller caller, long id, String lock) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        String where = visible(caller, p);
        return jdbc.sql("SELECT " + COLUMNS + " FROM loan l JOIN enterprise_party_view e ON e.id = l.borrower_id WHERE l.id = :id AND "
                + where + lock).params(p).query(LoanStore::map).optional();
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
        // one read: what the caller may see, locked; a reader who may not service it rolls back at once
        Loan l = find(caller, id, " FOR UPDATE OF l").orElseThrow(() -> Rejected.notFound("loan", id));
        if (!caller.is(Role.INSTITUTION) || l.institutionId() != caller.institutionId()
                || !(caller.hasAuthority("operator") || caller.hasAuthority("approver"))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("lending.institution-only", null));
        }
        return l;
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

    /** The counterparties the loan was paid to, each entrusted or self-paid. */
    List<cn.chanrong.lending.Loans.Payee> payees(long loanId) {
        return jdbc.sql("SELECT name, account, amount, entrusted, invoice FROM loan_payee WHERE loan_id = :l ORDER BY seq")
                .param("l", loanId)
                .query((rs, i) -> new cn.chanrong.lending.Loans.Payee(rs.getString(1), rs.getString(2),
                        rs.getBigDecimal(3), rs.getBoolean(4) ? "ENTRUSTED" : "SELF", rs.getString(5)))
                .list();
    }

    /** The loans of the ids, in borrower and then id order (the order end of day locks them in). */
    List<Loan> inBorrowerOrder(Long[] ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM loan l JOIN enterprise_party_view e ON e.id = l.borrower_id "
                        + "WHERE l.id = ANY(:ids) ORDER BY l.borrower_id, l.id")
                .param("ids", ids).query(LoanStore::map).list();
    }

    /** The installments of the loans, by loan, in period order. */
    Map<Long, List<Installment>> installments(Long[] ids) {
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

    /** The loan's number. */
    String number(long id) {
        return jdbc.sql("SELECT number FROM loan WHERE id = :id").param("id", id).query(String.class).single();
    }

    /** The loan booked for a supply-chain financing's reference, if any. */
    Optional<Long> byTradeReference(String reference) {
        return jdbc.sql("SELECT id FROM loan WHERE trade_reference = :r").param("r", reference).query(Long.class)
                .optional();
    }

    /** The contract a drawdown was made under; null for a contract's first loan (or a loan of its own). */
    Long contractOf(long id) {
        return jdbc.sql("SELECT contract_loan_id FROM loan WHERE id = :id").param("id", id)
                .query((rs, i) -> Optional.ofNullable((Long) rs.getObject(1))).single().orElse(null);
    }

    /** The amount contracted: a contract's first loan holds it once a first drawdown took part of it. */
    BigDecimal contractAmount(long id) {
        return jdbc.sql("SELECT coalesce(contract_amount, principal) FROM loan WHERE id = :id")
                .param("id", id).query(BigDecimal.class).single();
    }

    /** The later drawdowns under a contract, in order. */
    List<Long> drawdowns(long contractId) {
        return jdbc.sql("SELECT id FROM loan WHERE contract_loan_id = :id ORDER BY id").param("id", contractId)
                .query(Long.class).list();
    }

    /** The next number of the loan sequence. */
    long nextNumber() {
        return jdbc.sql("SELECT nextval('loan_number_sequence')").query(Long.class).single();
    }

    /** Writes a contracted loan under {@code number}; returns its id. */
    long insert(ContractedLoan c, String number, String actor) {
        ContractedLoan.Amortising a = c.repayment() instanceof ContractedLoan.Amortising am ? am : null;
        return jdbc.sql("""
                        INSERT INTO loan (number, institution_id, borrower_id, risk_obligor_id, application_id, facility_id,
                            product_id, contract_loan_id, renewal_of, trade_reference, principal, term_months, rate_type,
                            spread_bp, annual_rate, penalty_markup, method, day_count, purpose, payment_mode, payment_day,
                            period_months, grace_months, principal_plan, green_catalogue_code, created_by)
                        VALUES (:n, :i, :b, :o, :a, :f, :p, :c, :r, :ref, :amt, :t, :rt, :sp, :rate, coalesce(:pen, 0.5), :m,
                            :dc, :pu, :pm, :pd, :per, :gr, :plan, :green, :by)
                        RETURNING id""")
                .param("n", number).param("i", c.parties().institutionId()).param("b", c.parties().borrowerId())
                .param("o", c.parties().riskObligorId()).param("a", c.origin().applicationId())
                .param("f", c.origin().facilityId()).param("p", c.origin().productId())
                .param("c", c.origin().contractLoanId()).param("r", c.origin().renewalOf())
                .param("ref", c.origin().tradeReference()).param("amt", c.principal()).param("t", c.termMonths())
                .param("rt", c.pricing().rateType()).param("sp", c.pricing().spreadBp()).param("rate", c.pricing().annualRate())
                .param("pen", c.pricing().penaltyMarkup()).param("m", c.repayment().method().name())
                .param("dc", c.repayment().dayCount().name()).param("pu", c.purpose()).param("pm", c.paymentMode())
                .param("pd", a == null || a.paymentDay() == 0 ? null : a.paymentDay())
                .param("per", a == null ? 1 : a.periodMonths()).param("gr", a == null ? 0 : a.graceMonths())
                .param("plan", a == null || a.principalPlan() == null ? null : a.principalPlan().toArray(BigDecimal[]::new))
                .param("green", c.greenCatalogueCode()).param("by", actor)
                .query(Long.class).single();
    }

    /** A first drawdown of part of the contract: the loan keeps the contracted amount and lends {@code amount}. */
    void drawFirstPart(long id, BigDecimal amount) {
        jdbc.sql("UPDATE loan SET contract_amount = principal, principal = :a WHERE id = :id AND status = 'CONTRACTED'")
                .param("a", amount).param("id", id).update();
    }

    /** Sets a floating loan's rate as fixed on its drawdown date. */
    void fixRate(long id, BigDecimal rate, LocalDate date) {
        jdbc.sql("UPDATE loan SET annual_rate = :r, rate_fixed_on = :d WHERE id = :id")
                .param("r", rate).param("d", date).param("id", id).update();
    }

    /** Makes the loan {@code status} from {@code date}, with the principal outstanding, accrued to the day before. */
    void activate(long id, String status, LocalDate date, LocalDate maturity) {
        jdbc.sql("""
                        UPDATE loan SET status = :status, disbursed_on = :d, maturity_date = :m, principal_outstanding = principal,
                            accrued_through = :through, classified_on = :d, version = version + 1 WHERE id = :id""")
                .param("status", status).param("d", date).param("m", maturity).param("through", date.minusDays(1)).param("id", id).update();
    }

    /** Records the payees the loan was paid to, in order, each entrusted unless its mode is SELF. */
    void payTo(long loanId, List<Loans.Payee> paid) {
        for (int k = 0; k < paid.size(); k++) {
            jdbc.sql("""
                            INSERT INTO loan_payee (loan_id, seq, name, account, amount, entrusted, invoice)
                            VALUES (:l, :s, :n, :a, :m, :e, :i)""")
                    .param("i", paid.get(k).invoice())
                    .param("l", loanId).param("s", k + 1).param("n", paid.get(k).name()).param("a", paid.get(k).account())
                    .param("m", paid.get(k).amount()).param("e", !"SELF".equals(paid.get(k).mode())).update();
        }
    }

    /** The borrower's loans at the institution paid out between the dates, latest first. */
    List<cn.chanrong.lending.Proceeds.Disbursed> disbursedBetween(long institutionId, long borrowerId, LocalDate from,
                                                                  LocalDate to) {
        return jdbc.sql("""
                        SELECT id, number, institution_id, borrower_id, principal, disbursed_on, payment_mode, purpose, renewal_of,
                               product_id
                          FROM loan WHERE institution_id = :i AND borrower_id = :b AND disbursed_on BETWEEN :f AND :t
                         ORDER BY disbursed_on DESC, id DESC""")
                .param("i", institutionId).param("b", borrowerId).param("f", from).param("t", to)
                .query((rs, n) -> new cn.chanrong.lending.Proceeds.Disbursed(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), rs.getBigDecimal(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8),
                        (Long) rs.getObject(9), (Long) rs.getObject(10)))
                .list();
    }

    /** The institution's loans paid out between the dates, oldest first. */
    List<cn.chanrong.lending.Proceeds.Disbursed> disbursedBy(long institutionId, LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("""
                        SELECT id, number, institution_id, borrower_id, principal, disbursed_on, payment_mode, purpose, renewal_of,
                               product_id
                          FROM loan WHERE institution_id = :i AND disbursed_on BETWEEN :f AND :t
                         ORDER BY disbursed_on, id LIMIT :n""")
                .param("i", institutionId).param("f", from).param("t", to).param("n", limit)
                .query((rs, n) -> new cn.chanrong.lending.Proceeds.Disbursed(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), rs.getBigDecimal(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8),
                        (Long) rs.getObject(9), (Long) rs.getObject(10)))
                .list();
    }

    /** The institution's paid-out loan of that number. */
    java.util.Optional<cn.chanrong.lending.Proceeds.Disbursed> disbursedNumbered(long institutionId, String number) {
        return jdbc.sql("""
                        SELECT id, number, institution_id, borrower_id, principal, disbursed_on, payment_mode, purpose, renewal_of,
                               product_id
                          FROM loan WHERE institution_id = :i AND number = :n AND disbursed_on IS NOT NULL""")
                .param("i", institutionId).param("n", number)
                .query((rs, n) -> new cn.chanrong.lending.Proceeds.Disbursed(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), rs.getBigDecimal(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8),
                        (Long) rs.getObject(9), (Long) rs.getObject(10)))
                .optional();
    }

    /** The active loans a filing secures. */
    List<cn.chanrong.lending.Proceeds.Secured> securedBy(String filingNumber) {
        return jdbc.sql("""
                        SELECT DISTINCT l.id, l.number, l.institution_id, l.borrower_id, l.product_id, l.disbursed_on
                          FROM loan_security s JOIN loan l ON l.id = s.loan_id
                         WHERE s.filing_number = :n AND l.status = 'ACTIVE' AND l.disbursed_on IS NOT NULL ORDER BY l.id""")
                .param("n", filingNumber)
                .query((rs, i) -> new cn.chanrong.lending.Proceeds.Secured(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), (Long) rs.getObject(5), rs.getObject(6, LocalDate.class)))
                .list();
    }

    /** The payees listed for each of the loans. */
    java.util.Map<Long, List<cn.chanrong.lending.Proceeds.Payee>> listedPayees(java.util.Collection<Long> loanIds) {
        java.util.Map<Long, List<cn.chanrong.lending.Proceeds.Payee>> out = new java.util.HashMap<>();
        if (loanIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT loan_id, name, account, entrusted FROM loan_payee WHERE loan_id IN (:ids) ORDER BY loan_id, seq")
                .param("ids", loanIds)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), x -> new java.util.ArrayList<>())
                            .add(new cn.chanrong.lending.Proceeds.Payee(rs.getString(2), rs.getString(3), rs.getBoolean(4)));
                });
        return out;
    }

    /** Self-paid loans disbursed between the dates (both included), oldest first. */
    List<cn.chanrong.lending.Proceeds.Disbursed> selfPaidBetween(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT id, number, institution_id, borrower_id, principal, disbursed_on, payment_mode, purpose, renewal_of,
                               product_id
                          FROM loan WHERE payment_mode = 'SELF' AND disbursed_on BETWEEN :f AND :t
                         ORDER BY disbursed_on, id""")
                .param("f", from).param("t", to)
                .query((rs, n) -> new cn.chanrong.lending.Proceeds.Disbursed(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), rs.getBigDecimal(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8),
                        (Long) rs.getObject(9), (Long) rs.getObject(10)))
                .list();
    }

    /** Whether the platform holds another loan of the borrower disbursed on or before {@code date}. */
    boolean disbursedBefore(long loanId, long borrowerId, LocalDate date) {
        return jdbc.sql("""
                        SELECT count(*) FROM loan WHERE borrower_id = :b AND id <> :id AND disbursed_on IS NOT NULL
                           AND disbursed_on <= :d""")
                .param("b", borrowerId).param("id", loanId).param("d", date).query(Long.class).single() > 0;
    }

    /** What the borrower declared on the loan's application about a first loan; null when unknown. */
    Boolean declaredFirstLoan(long loanId) {
        return jdbc.sql("""
                        SELECT a.first_loan_declared FROM loan l JOIN loan_application a ON a.id = l.application_id
                         WHERE l.id = :id""").param("id", loanId).query((rs, i) -> (Boolean) rs.getObject(1))
                .optional().orElse(null);
    }

    /** Marks the loan a first loan (首贷户) or not; null is unknown. */
    void markFirstLoan(long loanId, Boolean first) {
        jdbc.sql("UPDATE loan SET first_loan = :f WHERE id = :id").param("f", first).param("id", loanId).update();
    }

    /** A payment applied: the balances it reduces, the days past due after it and the status it leaves. */
    void repaid(long id, BigDecimal principal, BigDecimal interest, BigDecimal penalty, BigDecimal fromReceivable,
                BigDecimal fromMemo, int daysPastDue, LoanStatus status, BigDecimal provision) {
        jdbc.sql("""
                        UPDATE loan SET principal_outstanding = principal_outstanding - :p, interest_paid = interest_paid + :i,
                            penalty_paid = penalty_paid + :pen, receivable = receivable - :rec,
                            memo_receivable = memo_receivable - :memo, days_past_due = :dpd,
                            status = :status, provision = :prov, version = version + 1
                        WHERE id = :id""")
                .param("p", principal).param("i", interest).param("pen", penalty)
                .param("rec", fromReceivable).param("memo", fromMemo).param("dpd", daysPastDue)
                .param("status", status.name()).param("prov", provision).param("id", id).update();
    }

    /** Records the day a floating loan's rate was last set. */
    void rateFixedOn(long id, LocalDate day) {
        jdbc.sql("UPDATE loan SET rate_fixed_on = :d WHERE id = :id").param("d", day).param("id", id).update();
    }

    /** Gives the loan a new annual rate. */
    void reprice(long id, BigDecimal rate) {
        jdbc.sql("UPDATE loan SET annual_rate = :r, version = version + 1 WHERE id = :id")
                .param("r", rate).param("id", id).update();
    }

    /** A renewal's new loan keeps the tier of the loan it renews. */
    void carryTier(long id, Tier tier) {
        jdbc.sql("UPDATE loan SET tier = :t WHERE id = :id").param("t", tier.name()).param("id", id).update();
    }

    /** Closes a loan renewed without repaying principal: nothing left outstanding, {@code status}. */
    void renewed(long id, LoanStatus status) {
        jdbc.sql("""
                        UPDATE loan SET principal_outstanding = 0, status = :status, days_past_due = 0, version = version + 1
                        WHERE id = :id""").param("status", status.name()).param("id", id).update();
    }

    /** Records how a trade financing is secured, or that it buys the claim (贴现, 保理). */
    void recordGuarantee(long loanId, GuaranteeMethod method) {
        jdbc.sql("UPDATE loan SET guarantee_method = :m WHERE id = :id").param("m", method.name()).param("id", loanId)
                .update();
    }
}
