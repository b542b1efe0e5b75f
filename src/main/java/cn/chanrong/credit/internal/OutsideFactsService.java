package cn.chanrong.credit.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.credit.OutsideFacts;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Consents;
import cn.chanrong.shared.Csv;
import cn.chanrong.shared.FirstErrors;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads tax and bureau facts: administrators for the platform, institutions under the enterprise's consent. */
@Service
class OutsideFactsService implements OutsideFacts {

    private final OutsideFactsStore store;
    private final EnterpriseViewStore enterprises;
    private final Consents consents;
    private final AuditTrail audit;
    private final cn.chanrong.reference.BusinessDate businessDate;

    OutsideFactsService(OutsideFactsStore store, EnterpriseViewStore enterprises, Consents consents, AuditTrail audit,
                        cn.chanrong.reference.BusinessDate businessDate) {
        this.businessDate = businessDate;
        this.store = store;
        this.enterprises = enterprises;
        this.consents = consents;
        this.audit = audit;
    }

    private void allow(Caller caller, long enterpriseId, String what) {
        if (caller.isAdmin()) {
            if (!enterprises.exists(enterpriseId)) {
                throw Rejected.notFound("enterprise", enterpriseId);
            }
            return;
        }
        if (caller.is(cn.chanrong.identity.Role.ENTERPRISE)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("credit.outside.not-self", null));
        }
        consents.requireRead(caller, enterpriseId, what);
    }

    private static final List<String> TAX_HEADER = List.of("month", "tax_paid", "invoice_sales");

    /** A line of the file: a month of tax facts, each null when it could not be read. */
    private record TaxLine(YearMonth month, BigDecimal tax, BigDecimal sales) {
    }

    @Override
    @Transactional
    public int importTax(Caller caller, long enterpriseId, Upload file, String encoding) {
        allow(caller, enterpriseId, "tax import");
        Csv.Readable readable = Csv.open(file, encoding);
        if (readable.rejection() != null) {
            throw Rejected.invalid(readable.rejection());
        }
        FirstErrors<Rejection> problems = FirstErrors.ofRejections();
        Set<YearMonth> seen = new java.util.HashSet<>();
        try (Csv.Records records = readable.source().records()) {
            Csv.Row first = records.next();
            if (first == null || !TAX_HEADER.equals(first.fields().stream()
                    .map(f -> f.strip().toLowerCase(java.util.Locale.ROOT)).toList())) {
                throw Rejected.invalid(Rejection.of("credit.tax.header", "file", String.join(",", TAX_HEADER)));
            }
            for (Csv.Row r = records.next(); r != null; r = records.next()) {
                TaxLine t = taxLine(r, problems);
                if (t != null && t.month() != null && !seen.add(t.month())) {
                    problems.add(Rejection.of("credit.tax.duplicate", "month", r.line(), t.month().toString()));
                }
            }
        } catch (IllegalArgumentException e) {
            throw Rejected.invalid(Rejection.of("csv.malformed", null, e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        int stored = 0;
        FirstErrors<Rejection> none = FirstErrors.ofRejections();
        try (Csv.Records records = readable.source().records()) {
            records.next();
            for (Csv.Row r = records.next(); r != null; r = records.next()) {
                TaxLine g = taxLine(r, none);
                store.upsertTaxMonth(enterpriseId, g.month(), g.tax(), g.sales());
                stored++;
            }
        }
        audit.record(AuditEvent.success(caller.username(), "credit.tax-import", "enterprise", enterpriseId, stored + " months"));
        return stored;
    }

    /** One line read, its problems reported; null when it has not three columns. */
    private static TaxLine taxLine(Csv.Row r, FirstErrors<Rejection> problems) {
        List<String> f = r.fields();
        if (f.size() != 3) {
            problems.add(Rejection.of("credit.tax.columns", "file", r.line(), f.size()));
            return null;
        }
        List<Rejection> found = new ArrayList<>();
        YearMonth month = null;
        try {
            month = YearMonth.parse(f.get(0).strip());
        } catch (DateTimeParseException e) {
            found.add(Rejection.of("credit.tax.month", "month", r.line(), f.get(0)));
        }
        BigDecimal tax = amount(f.get(1), r.line(), "tax_paid", found);
        BigDecimal sales = amount(f.get(2), r.line(), "invoice_sales", found);
        problems.addAll(found);
        return new TaxLine(month, tax, sales);
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
        if (year < 2014 || year > businessDate.today().getYear()) {
            throw Rejected.invalid(Rejection.of("credit.tax.year", "year", String.valueOf(year)));
        }
        store.upsertTaxGrade(enterpriseId, year, grade);
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
        store.upsertBureauSummary(enterpriseId, s);
        audit.record(AuditEvent.success(caller.username(), "credit.bureau-summary", "enterprise", enterpriseId, s.asOf().toString()));
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Map<Long, BigDecimal> overdue90Shares(java.util.Collection<Long> enterpriseIds, LocalDate asOf) {
        if (enterpriseIds.isEmpty()) {
            return new java.util.HashMap<>();
        }
        return store.overdue90Shares(enterpriseIds, asOf);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<Boolean> everBorrowed(long enterpriseId, LocalDate asOf) {
        return store.everBorrowed(enterpriseId, asOf);
    }

    private static void nonNegative(BigDecimal v, String field, List<Rejection> problems) {
        if (v == null || v.signum() < 0) {
            problems.add(Rejection.of("credit.bureau.non-negative", field));
        }
    }
}
