package cn.chanrong.credit.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.credit.OutsideFacts;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Consents;
import cn.chanrong.shared.Csv;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads tax and bureau facts: administrators for the platform, institutions under the enterprise's consent. */
@Service
class OutsideFactsService implements OutsideFacts {

    private final JdbcClient jdbc;
    private final Consents consents;
    private final AuditTrail audit;

    OutsideFactsService(JdbcClient jdbc, Consents consents, AuditTrail audit) {
        this.jdbc = jdbc;
        this.consents = consents;
        this.audit = audit;
    }

    private void allow(Caller caller, long enterpriseId, String what) {
        if (caller.isAdmin()) {
            if (jdbc.sql("SELECT count(*) FROM enterprise WHERE id = :e").param("e", enterpriseId).query(Long.class).single() == 0) {
                throw Rejected.notFound("enterprise", enterpriseId);
            }
            return;
        }
        if (caller.is(cn.chanrong.identity.Role.ENTERPRISE)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("credit.outside.not-self", null));
        }
        consents.requireRead(caller, enterpriseId, what);
    }

    @Override
    @Transactional
    public int importTax(Caller caller, long enterpriseId, byte[] bytes, String encoding) {
        allow(caller, enterpriseId, "tax import");
        Csv.Either decoded = Csv.decode(bytes, encoding);
        if (decoded.rejection() != null) {
            throw Rejected.invalid(decoded.rejection());
        }
        List<Csv.Row> rows = Csv.parse(decoded.text());
        if (rows.isEmpty() || !List.of("month", "tax_paid", "invoice_sales").equals(rows.getFirst().fields().stream()
                .map(f -> f.strip().toLowerCase(java.util.Locale.ROOT)).toList())) {
            throw Rejected.invalid(Rejection.of("credit.tax.header", "file", "month,tax_paid,invoice_sales"));
        }
        List<Rejection> problems = new ArrayList<>();
        List<Object[]> good = new ArrayList<>();
        Set<YearMonth> seen = new java.util.HashSet<>();
        for (Csv.Row r : rows.subList(1, rows.size())) {
            List<String> f = r.fields();
            if (f.size() != 3) {
                problems.add(Rejection.of("credit.tax.columns", "file", r.line(), f.size()));
                continue;
            }
            YearMonth month = null;
            try {
                month = YearMonth.parse(f.get(0).strip());
            } catch (DateTimeParseException e) {
                problems.add(Rejection.of("credit.tax.month", "month", r.line(), f.get(0)));
            }
            BigDecimal tax = amount(f.get(1), r.line(), "tax_paid", problems);
            BigDecimal sales = amount(f.get(2), r.line(), "invoice_sales", problems);
            if (month != null && !seen.add(month)) {
                problems.add(Rejection.of("credit.tax.duplicate", "month", r.line(), month.toString()));
            }
            if (month != null && tax != null && sales != null) {
                good.add(new Object[] {month.atDay(1), tax, sales});
            }
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        for (Object[] g : good) {
            jdbc.sql("""
                            INSERT INTO tax_record (enterprise_id, month, tax_paid, invoice_sales) VALUES (:e, :m, :t, :s)
                            ON CONFLICT (enterprise_id, month) DO UPDATE SET tax_paid = excluded.tax_paid,
                                                                               invoice_sales = excluded.invoice_sales""")
                    .param("e", enterpriseId).param("m", g[0]).param("t", g[1]).param("s", g[2]).update();
        }
        audit.record(AuditEvent.success(caller.username(), "credit.tax-import", "enterprise", enterpriseId, good.size() + " months"));
        return good.size();
    }

    private static BigDecimal amount(String raw, int line, String field, List<Rejection> problems) {
        try {
            BigDecimal v = new BigDecimal(raw.strip());
            if (v.signum() < 0 || v.scale() > 2) {
                problems.add(Rejection.of("credit.tax.amount", field, line, raw));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(Rejection.of("credit.tax.amount", field, line, raw));
            return null;
        }
    }

    @Override
    @Transactional
    public void setTaxGrade(Caller caller, long enterpriseId, int year, String grade) {
        allow(caller, enterpriseId, "tax grade");
        if (grade == null || !Set.of("A", "B", "M", "C", "D").contains(grade)) {
            throw Rejected.invalid(Rejection.of("enum", "grade", String.valueOf(grade), "A, B, M, C, D"));
        }
        if (year < 2014 || year > LocalDate.now().getYear()) {
            throw Rejected.invalid(Rejection.of("credit.tax.year", "year", String.valueOf(year)));
        }
        jdbc.sql("""
                        INSERT INTO tax_grade (enterprise_id, year, grade) VALUES (:e, :y, :g)
                        ON CONFLICT (enterprise_id, year) DO UPDATE SET grade = excluded.grade""")
                .param("e", enterpriseId).param("y", year).param("g", grade).update();
        audit.record(AuditEvent.success(caller.username(), "credit.tax-grade", "enterprise", enterpriseId, year + " " + grade));
    }

    @Override
    @Transactional
    public void addBureauSummary(Caller caller, long enterpriseId, BureauSummary s) {
        allow(caller, enterpriseId, "credit-bureau summary");
        List<Rejection> problems = new ArrayList<>();
        if (s.asOf() == null) {
            problems.add(Rejection.of("required", "asOf"));
        }
        nonNegative(s.loansOutstanding(), "loansOutstanding", problems);
        nonNegative(s.guaranteesGiven(), "guaranteesGiven", problems);
        if (s.lenders() == null || s.lenders() < 0) {
            problems.add(Rejection.of("credit.bureau.non-negative", "lenders"));
        }
        if (s.overdue90Share() == null || s.overdue90Share().signum() < 0 || s.overdue90Share().compareTo(BigDecimal.ONE) > 0) {
            problems.add(Rejection.of("credit.bureau.share", "overdue90Share"));
        }
        if (s.maxDaysOverdue24m() == null || s.maxDaysOverdue24m() < 0) {
            problems.add(Rejection.of("credit.bureau.non-negative", "maxDaysOverdue24m"));
        }
        if (s.everBorrowed() == null) {
            problems.add(Rejection.of("required", "everBorrowed"));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        jdbc.sql("""
                        INSERT INTO credit_bureau_summary (enterprise_id, as_of, loans_outstanding, lenders, guarantees_given,
                                                           overdue_90_share, max_days_overdue_24m, ever_borrowed)
                        VALUES (:e, :d, :l, :n, :g, :o, :m, :b)
                        ON CONFLICT (enterprise_id, as_of) DO UPDATE SET loans_outstanding = excluded.loans_outstanding,
                          lenders = excluded.lenders, guarantees_given = excluded.guarantees_given,
                          overdue_90_share = excluded.overdue_90_share, max_days_overdue_24m = excluded.max_days_overdue_24m,
                          ever_borrowed = excluded.ever_borrowed""")
                .param("e", enterpriseId).param("d", s.asOf()).param("l", s.loansOutstanding()).param("n", s.lenders())
                .param("g", s.guaranteesGiven()).param("o", s.overdue90Share()).param("m", s.maxDaysOverdue24m())
                .param("b", s.everBorrowed()).update();
        audit.record(AuditEvent.success(caller.username(), "credit.bureau-summary", "enterprise", enterpriseId, s.asOf().toString()));
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Map<Long, BigDecimal> overdue90Shares(java.util.Collection<Long> enterpriseIds, LocalDate asOf) {
        java.util.Map<Long, BigDecimal> out = new java.util.HashMap<>();
        if (enterpriseIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT DISTINCT ON (enterprise_id) enterprise_id, overdue_90_share FROM credit_bureau_summary
                         WHERE enterprise_id = ANY(:e) AND as_of <= :d ORDER BY enterprise_id, as_of DESC""")
                .param("e", enterpriseIds.toArray(Long[]::new)).param("d", asOf)
                .query((rs, i) -> out.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<Boolean> everBorrowed(long enterpriseId, LocalDate asOf) {
        return jdbc.sql("""
                        SELECT ever_borrowed FROM credit_bureau_summary WHERE enterprise_id = :e AND as_of <= :d
                         ORDER BY as_of DESC LIMIT 1""").param("e", enterpriseId).param("d", asOf).query(Boolean.class).optional();
    }

    private static void nonNegative(BigDecimal v, String field, List<Rejection> problems) {
        if (v == null || v.signum() < 0) {
            problems.add(Rejection.of("credit.bureau.non-negative", field));
        }
    }
}
