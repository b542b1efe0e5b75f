package cn.chanrong.lending.internal;

import cn.chanrong.lending.LoanBookGenerator;
import cn.chanrong.lending.domain.Accrual;
import cn.chanrong.lending.domain.Installment;
import cn.chanrong.lending.schedule.DayCount;
import cn.chanrong.lending.schedule.LoanTerms;
import cn.chanrong.lending.schedule.RepaymentMethod;
import cn.chanrong.lending.schedule.Schedule;
import cn.chanrong.lending.schedule.ScheduleCalculator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Set-based SQL: every loan of a batch shares one schedule template, so a million loans take minutes, not hours. */
@Component
class SyntheticLoanBook implements LoanBookGenerator {

    private static final BigDecimal PRINCIPAL = new BigDecimal("1000000.00");
    private static final BigDecimal RATE = new BigDecimal("3.50");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    SyntheticLoanBook(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public Generated generate(List<Long> borrowers, int loans, LocalDate businessDate, LocalDate disbursed,
                              int perTransaction, LongConsumer progress) {
        Long[] only = borrowers == null ? new Long[0] : borrowers.toArray(Long[]::new);
        LocalDate through = businessDate.minusDays(1);
        Schedule s = ScheduleCalculator.calculate(new LoanTerms(PRINCIPAL, 12, RATE, RepaymentMethod.EQUAL_PRINCIPAL,
                disbursed, DayCount.MONTHLY));
        List<Installment> template = new ArrayList<>();
        LocalDate start = disbursed;
        for (Schedule.Installment i : s.installments()) {
            template.add(new Installment(i.period(), start, i.date(), i.principal(), i.interest(), BigDecimal.ZERO,
                    BigDecimal.ZERO));
            start = i.date();
        }
        BigDecimal exact = Accrual.interestThrough(template, through);
        BigDecimal accrued = Accrual.fen(exact);
        BigDecimal provision = Accrual.fen(PRINCIPAL.multiply(new BigDecimal("0.01")));
        long book = jdbc.sql("SELECT min(id) FROM institution").query(Long.class).single();
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        StringBuilder values = new StringBuilder();
        for (Installment i : template) {
            values.append(values.isEmpty() ? "" : ", ").append(String.format("(%d, DATE '%s', DATE '%s', %s, %s)", i.period(),
                    i.start(), i.due(), i.principalDue().toPlainString(), i.interestDue().toPlainString()));
        }
        for (int from = 0; from < loans; from += perTransaction) {
            int a = from + 1;
            int b = Math.min(loans, from + perTransaction);
            tx.executeWithoutResult(st -> {
                jdbc.sql("""
                                INSERT INTO loan (number, institution_id, borrower_id, principal, term_months, rate_type,
                                    annual_rate, method, day_count, purpose, payment_mode, status, disbursed_on,
                                    maturity_date, principal_outstanding, interest_exact, interest_accrued, receivable,
                                    provision, accrued_through, classified_on, created_by)
                                SELECT 'S' || :run || lpad(g::text, 8, '0'), :book, e.ids[1 + g % e.n], :p, 12, 'FIXED',
                                    :rate, 'EQUAL_PRINCIPAL', 'MONTHLY', 'WORKING_CAPITAL', 'SELF', 'ACTIVE', :disbursed,
                                    :maturity, :p, :exact, :accrued, :accrued, :provision, :through, :through, 'bench'
                                FROM generate_series(:a, :b) g,
                                     (SELECT array_agg(id ORDER BY id) AS ids, count(*)::int AS n FROM enterprise
                                      WHERE cardinality(CAST(:only AS bigint[])) = 0 OR id = ANY(CAST(:only AS bigint[]))) e""")
                        .param("run", run).param("only", only).param("book", book).param("p", PRINCIPAL).param("rate", RATE)
                        .param("disbursed", disbursed).param("maturity", template.get(template.size() - 1).due())
                        .param("exact", exact).param("accrued", accrued).param("provision", provision)
                        .param("through", through).param("a", a).param("b", b).update();
                String range = " l.number BETWEEN 'S" + run + "' || lpad(:a::text, 8, '0') AND 'S" + run
                        + "' || lpad(:b::text, 8, '0')";
                jdbc.sql("INSERT INTO loan_installment (loan_id, period, start_date, due_date, principal_due, interest_due) "
                                + "SELECT l.id, t.period, t.s, t.d, t.p, t.i FROM loan l CROSS JOIN (VALUES " + values
                                + ") t(period, s, d, p, i) WHERE" + range)
                        .param("a", a).param("b", b).update();
                jdbc.sql("INSERT INTO journal_entry (book, business_date, description, source, posted_by) "
                                + "SELECT :book, :disbursed, :memo, 'loan:' || l.id || ':bench-opening', 'bench' "
                                + "FROM loan l WHERE" + range)
                        .param("memo", Postings.WORDS.both("posting.bench-opening")).param("book", book).param("disbursed", disbursed).param("a", a).param("b", b).update();
                jdbc.sql("INSERT INTO posting (entry_id, account, debit, credit, subledger) "
                                + "SELECT je.id, v.account, v.debit, v.credit, CASE WHEN v.sub THEN l.id::text END "
                                + "FROM loan l JOIN journal_entry je ON je.book = :book AND je.source = 'loan:' || l.id || ':bench-opening' "
                                + "CROSS JOIN (VALUES ('1303', :p, 0, true), ('2002', 0, :p, false), ('1132', :accrued, 0, true), "
                                + "('6011', 0, :accrued, false), ('6701', :provision, 0, false), ('1304', 0, :provision, true)) "
                                + "v(account, debit, credit, sub) WHERE" + range)
                        .param("book", book).param("p", PRINCIPAL).param("accrued", accrued).param("provision", provision)
                        .param("a", a).param("b", b).update();
                jdbc.sql("INSERT INTO loan_transaction (loan_id, type, value_date, amount, principal, entry_id, created_by) "
                                + "SELECT l.id, 'DISBURSEMENT', :disbursed, :p, :p, je.id, 'bench' FROM loan l "
                                + "JOIN journal_entry je ON je.book = :book AND je.source = 'loan:' || l.id || ':bench-opening' "
                                + "WHERE" + range)
                        .param("book", book).param("disbursed", disbursed).param("p", PRINCIPAL).param("a", a)
                        .param("b", b).update();
            });
            progress.accept(b);
        }
        return new Generated("S" + run, loans,
                jdbc.sql("SELECT count(*) FROM loan WHERE status = 'ACTIVE'").query(Long.class).single());
    }
}
