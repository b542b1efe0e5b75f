package cn.chanrong.warning.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.enterprise.CsvTable;
import cn.chanrong.enterprise.Enterprise;
import cn.chanrong.enterprise.Enterprises;
import cn.chanrong.enterprise.ImportReport;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.reference.RestrictedLists;
import cn.chanrong.shared.CreditCode;
import cn.chanrong.shared.Dates;
import cn.chanrong.shared.FirstErrors;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import cn.chanrong.warning.WarningSignals;
import cn.chanrong.warning.domain.SignalRule;
import cn.chanrong.warning.domain.WarningLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signals of one borrower on the business date, each rule read from its own facts, weighed by the settings in
 * force and combined by the pure {@link WarningLevel}; and the public records' import, checked whole.
 */
@Service
class WarningSignalService implements WarningSignals {

    /** The most rows one public-records file takes. */
    static final int MAX_ROWS = 100_000;

    private final WarningSignalStore store;
    private final Enterprises enterprises;
    private final RestrictedLists restricted;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final cn.chanrong.scf.Receivables receivables;

    WarningSignalService(WarningSignalStore store, Enterprises enterprises, RestrictedLists restricted,
                         BusinessDate businessDate, AuditTrail audit, cn.chanrong.scf.Receivables receivables) {
        this.receivables = receivables;
        this.store = store;
        this.enterprises = enterprises;
        this.restricted = restricted;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public Assessment assess(Caller caller, long enterpriseId) {
        var subject = store.subject(caller, enterpriseId).orElseThrow(() -> Rejected.notFound("enterprise", enterpriseId));
        LocalDate today = businessDate.today();
        Map<String, Integer> weights = store.weights(today);
        List<WarningSignalStore.Fact> facts = new ArrayList<>();
        facts.addAll(store.publicRecords(subject.creditCode(), today));
        facts.addAll(store.reportedCases(enterpriseId));
        facts.addAll(store.listedOn(enterpriseId));
        Enterprise e = enterprises.get(Caller.system("warning"), enterpriseId);
        if (e.industryCode() != null) {
            for (var m : restricted.applying(e.industryCode(), e.mainProducts(), today)) {
                facts.add(new WarningSignalStore.Fact("RESTRICTED_SECTOR", m.entry().category().name(false) + "：" + m.entry().item()
                        + (m.product() == null ? "" : "（" + m.product() + "）"), m.entry().validFrom(), m.entry().document()));
            }
        }
        var arrears = store.arrears(enterpriseId);
        if (arrears.loans() > 0) {
            facts.add(new WarningSignalStore.Fact("OVERDUE_AT_LENDERS", arrears.loans() + " 笔贷款逾期，涉及 " + arrears.lenders()
                    + " 家机构，最长逾期 " + arrears.maxDays() + " 天 / " + arrears.loans() + " loans past due at "
                    + arrears.lenders() + " lenders, up to " + arrears.maxDays() + " days", null, null));
        }
        var late = receivables.breachesOwedBy(enterpriseId);
        if (!late.isEmpty()) {
            long longest = late.stream().mapToLong(cn.chanrong.scf.Receivables.Breach::daysLate).max().orElse(0);
            long unpaid = late.stream().filter(cn.chanrong.scf.Receivables.Breach::unpaid).count();
            facts.add(new WarningSignalStore.Fact("PAYS_SUPPLIERS_LATE", late.size() + " 笔应收账款超过付款期限（未付 " + unpaid
                    + " 笔），最长 " + longest + " 天 / " + late.size() + " receivables past the payment term (" + unpaid
                    + " unpaid), up to " + longest + " days", null, null));
        }
        List<String> partners = store.defaultedPartners(enterpriseId);
        if (!partners.isEmpty()) {
            facts.add(new WarningSignalStore.Fact("CHAIN_DEFAULT", "供应链上下游违约 / default in its chain: "
                    + String.join("、", partners), null, null));
        }
        store.scores(enterpriseId).filter(x -> x.bestGrade() != null && cn.chanrong.warning.domain.GradeDrop.fires(
                x.bestGrade(), x.grade())).ifPresent(x -> facts.add(new WarningSignalStore.Fact("SCORE_DETERIORATION",
                "数据信用评分由 " + x.bestScore() + "（" + x.bestGrade() + "，" + x.bestOn() + "）降至 " + x.score() + "（"
                        + x.grade() + "），下降 " + cn.chanrong.warning.domain.GradeDrop.notches(x.bestGrade(), x.grade())
                        + " 个等级 / data-credit score fell from " + x.bestScore() + " (" + x.bestGrade() + ", " + x.bestOn()
                        + ") to " + x.score() + " (" + x.grade() + ")", x.on(), null)));
        List<Signal> signals = facts.stream().map(f -> new Signal(SignalRule.valueOf(f.rule()),
                weights.getOrDefault(f.rule(), 0), f.detail(), f.since(), f.source())).toList();
        WarningLevel.Scored scored = WarningLevel.of(signals.stream().map(Signal::rule).toList(), weights);
        return new Assessment(subject.id(), subject.name(), subject.creditCode(), today, scored.score(), scored.level(),
                signals);
    }

    @Override
    @Transactional(readOnly = true)
    public cn.chanrong.shared.Page<Assessment> borrowers(Caller caller, cn.chanrong.shared.PageRequest page) {
        if (!caller.is(Role.INSTITUTION) || caller.institutionId() == null) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("warning.borrowers.institution-only", null));
        }
        var ids = store.borrowers(caller.institutionId(), page);
        return new cn.chanrong.shared.Page<>(ids.items().stream().map(id -> assess(caller, id)).toList(), ids.page(),
                ids.size(), ids.total());
    }

    @Override
    @Transactional
    public ImportReport importPublicRecords(Caller caller, Upload file, String charset) {
        boolean allowed = caller.isAdmin() || caller.is(Role.REGULATOR) && caller.regionCode() == null
                && WarningListService.ISSUERS.contains(caller.department());
        if (!allowed) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("warning.records.national-only", null));
        }
        CsvTable csv = CsvTable.read(file, charset, COLUMNS, null);
        FirstErrors<ImportReport.RowError> errors = csv.firstErrors();
        if (csv.rowCount() > MAX_ROWS) {
            errors.add(new ImportReport.RowError(0, null, Rejection.of("warning.list.too-many", null, csv.rowCount(), MAX_ROWS)));
        }
        record Row(String kind, String code, String detail, String source, LocalDate from, LocalDate to) {
        }
        List<Row> rows = new ArrayList<>();
        if (errors.isEmpty()) {
            Set<String> keys = new HashSet<>();
            for (var r : csv.rows()) {
                List<Rejection> problems = new ArrayList<>();
                String kind = csv.get(r, "kind");
                if (kind == null || SignalRule.publicList(kind).isEmpty()) {
                    problems.add(Rejection.of("enum", "kind", kind == null ? "" : kind, Arrays.stream(SignalRule.values())
                            .filter(SignalRule::publicList).map(Enum::name).toList().toString()));
                }
                String code = csv.get(r, "credit_code");
                CreditCode.check(code, "creditCode").ifPresent(problems::add);
                String detail = csv.get(r, "detail");
                if (detail == null || detail.length() < 2 || detail.length() > 500) {
                    problems.add(Rejection.of("length", "detail", 2, 500));
                }
                String source = csv.get(r, "source");
                if (source == null || source.length() < 2 || source.length() > 200) {
                    problems.add(Rejection.of("length", "source", 2, 200));
                }
                LocalDate from = Dates.required(csv.get(r, "valid_from"), "validFrom", problems);
                String rawTo = csv.get(r, "valid_to");
                LocalDate to = rawTo == null ? null : Dates.required(rawTo, "validTo", problems);
                if (from != null && to != null && to.isBefore(from)) {
                    problems.add(Rejection.of("warning.records.period", "validTo", from, to));
                }
                if (problems.isEmpty() && !keys.add(kind + "|" + code + "|" + from)) {
                    problems.add(Rejection.of("import.duplicate-key", "creditCode", kind + " " + code + " " + from));
                }
                problems.forEach(p -> errors.add(new ImportReport.RowError(r.line(), column(p.field()), p)));
                if (problems.isEmpty()) {
                    rows.add(new Row(kind, code, detail, source, from, to));
                }
            }
        }
        if (!errors.isEmpty()) {
            return ImportReport.refused("warning-public-records", csv.rowCount(), errors);
        }
        int created = 0;
        for (Row r : rows) {
            created += store.upsertPublicRecord(r.kind(), r.code(), r.detail(), r.source(), r.from(), r.to(), caller.username());
        }
        audit.record(AuditEvent.success(caller.username(), "warning.public-records.import", "warning_public_record", null,
                rows.size() + " rows, " + created + " new"));
        return new ImportReport("warning-public-records", rows.size(), created, rows.size() - created, 0, List.of());
    }

    private static String column(String field) {
        return switch (field == null ? "" : field) {
            case "creditCode" -> "credit_code";
            case "validFrom" -> "valid_from";
            case "validTo" -> "valid_to";
            default -> field;
        };
    }
}
