package cn.chanrong.enterprise.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.enterprise.CsvTable;
import cn.chanrong.enterprise.EnterpriseChainTagsChanged;
import cn.chanrong.enterprise.EnterpriseImports;
import cn.chanrong.enterprise.EnterpriseProfileChanged;
import cn.chanrong.enterprise.EnterpriseRegistered;
import cn.chanrong.enterprise.ImportReport;
import cn.chanrong.enterprise.domain.AnnualStatement;
import cn.chanrong.enterprise.domain.ChainTag;
import cn.chanrong.enterprise.domain.Profile;
import cn.chanrong.enterprise.domain.ProfileRules;
import cn.chanrong.enterprise.domain.StatementRules;
import cn.chanrong.identity.Caller;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.shared.Csv;
import cn.chanrong.shared.FirstErrors;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CSV imports: every row is checked first; any error and nothing is written. Then one transaction
 * applies the file, keyed by credit code (and year for statements), so a re-import of the same
 * file finds every row unchanged.
 */
@Service
class ImportService implements EnterpriseImports {

    private final EnterpriseStore enterprises;
    private final DetailsStore details;
    private final ImportStore store;
    private final ProfileRules rules;
    private final BusinessDate businessDate;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    ImportService(EnterpriseStore enterprises, DetailsStore details, ImportStore store, ReferenceData reference,
                  BusinessDate businessDate, AuditTrail audit, ApplicationEventPublisher events) {
        this.enterprises = enterprises;
        this.details = details;
        this.store = store;
        this.rules = new ProfileRules(code -> reference.region(code).isPresent(),
                code -> reference.industry(code).filter(i -> i.level() == 4).isPresent());
        this.businessDate = businessDate;
        this.audit = audit;
        this.events = events;
    }

    private static void adminOnly(Caller caller) {
        if (!caller.isAdmin()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("import.admin-only", null));
        }
    }

    static String column(String field) {
        return field == null ? null : field.replaceAll("([a-z])([A-Z0-9])", "$1_$2").toLowerCase(java.util.Locale.ROOT)
                .replace("tags", "chain_tags");
    }

    private record EnterpriseLine(Csv.Row row, Profile profile, Set<ChainTag> tags, Long groupId, String controller) {
    }

    /** Rows applied per round of reads and writes: the heap holds one chunk, never the file. */
    static final int CHUNK = 500;

    /** Counts of an applied file. */
    private static final class Tally {
        int created;
        int updated;
        int unchanged;

        String summary(int rows) {
            return rows + " rows: " + created + " created, " + updated + " updated, " + unchanged + " unchanged";
        }
    }

    @Override
    @Transactional
    public ImportReport importEnterprises(Caller caller, byte[] file, String charset) {
        return enterprises(caller, Upload.of(file), charset);
    }

    @Override
    @Transactional
    public ImportReport importEnterprises(Caller caller, Upload file, String charset) {
        return enterprises(caller, file, charset);
    }

    /**
     * Three reads of the file, none holding more than a chunk of it: the table's own check (encoding,
     * quoting, header, field counts), every row's rules, then the rows applied a chunk at a time.
     */
    private ImportReport enterprises(Caller caller, Upload file, String charset) {
        adminOnly(caller);
        CsvTable csv = CsvTable.read(file, charset, ENTERPRISE_COLUMNS, null);
        if (!csv.errors().isEmpty()) {
            return ImportReport.refused("enterprises", csv.rowCount(), csv.firstErrors());
        }
        Map<String, Long> groups = store.groupIds();
        var today = businessDate.today();
        FirstErrors<ImportReport.RowError> errors = checkEnterprises(csv, groups, today);
        if (!errors.isEmpty()) {
            return ImportReport.refused("enterprises", csv.rowCount(), errors);
        }
        Tally tally = new Tally();
        FirstErrors<ImportReport.RowError> none = ImportReport.firstErrors();
        List<EnterpriseLine> chunk = new ArrayList<>(CHUNK);
        try (Csv.Records rows = csv.records()) {
            for (Csv.Row row = rows.next(); row != null; row = rows.next()) {
                chunk.add(enterpriseLine(csv, row, groups, today, none));
                if (chunk.size() == CHUNK) {
                    applyEnterprises(caller, chunk, tally);
                    chunk.clear();
                }
            }
        }
        applyEnterprises(caller, chunk, tally);
        audit.record(AuditEvent.success(caller.username(), "enterprise.import", "enterprise", null,
                tally.summary(csv.rowCount())));
        return new ImportReport("enterprises", csv.rowCount(), tally.created, tally.updated, tally.unchanged, List.of());
    }

    /** Every row's rules and the duplicate keys across the file (the only thing kept per row). */
    private FirstErrors<ImportReport.RowError> checkEnterprises(CsvTable csv, Map<String, Long> groups,
                                                                java.time.LocalDate today) {
        FirstErrors<ImportReport.RowError> errors = ImportReport.firstErrors();
        Set<String> seen = new HashSet<>();
        try (Csv.Records rows = csv.records()) {
            for (Csv.Row row = rows.next(); row != null; row = rows.next()) {
                enterpriseLine(csv, row, groups, today, errors);
                String code = csv.get(row, "credit_code");
                if (code != null && !seen.add(code)) {
                    errors.add(new ImportReport.RowError(row.line(), "credit_code",
                            Rejection.of("import.duplicate-key", "creditCode", code)));
                }
            }
        }
        return errors;
    }

    /** One row checked against the profile rules; null (with its errors reported) when it breaks any. */
    private EnterpriseLine enterpriseLine(CsvTable csv, Csv.Row row, Map<String, Long> groups, java.time.LocalDate today,
                                          FirstErrors<ImportReport.RowError> errors) {
        long before = errors.total();
        List<ImportReport.RowError> unread = new ArrayList<>(1);
        var input = new ProfileRules.Input(csv.get(row, "credit_code"), csv.get(row, "name"), csv.get(row, "name_en"),
                csv.get(row, "region_code"), csv.get(row, "industry_code"), csv.get(row, "ownership"),
                csv.get(row, "founding_date"), csv.integer(row, "employees", errors),
                csv.amount(row, "annual_revenue", "annualRevenue", unread), null);
        ProfileRules.Outcome outcome = rules.check(input, false, today);
        errors.addAll(ImportReport.rowErrors(row.line(), outcome.rejections(), ImportService::column, unread));
        Set<ChainTag> tags = EnumSet.noneOf(ChainTag.class);
        String tagCell = csv.get(row, "chain_tags");
        if (tagCell != null) {
            for (String t : tagCell.split(";")) {
                if (!t.isBlank()) {
                    ChainTag.parse(t.strip()).ifPresentOrElse(tags::add, () -> errors.add(new ImportReport.RowError(
                            row.line(), "chain_tags", Rejection.of("chain-tag.unknown", "tags", t.strip()))));
                }
            }
        }
        String groupCode = csv.get(row, "group_code");
        Long groupId = groupCode == null ? null : groups.get(groupCode);
        if (groupCode != null && groupId == null) {
            errors.add(new ImportReport.RowError(row.line(), "group_code",
                    Rejection.of("import.unknown-group", "groupCode", groupCode)));
        }
        return errors.total() == before
                ? new EnterpriseLine(row, outcome.profile(), tags, groupId, csv.get(row, "actual_controller")) : null;
    }

    private void applyEnterprises(Caller caller, List<EnterpriseLine> lines, Tally tally) {
        if (lines.isEmpty()) {
            return;
        }
        Map<String, ImportStore.Existing> existing = store.existing(lines.stream().map(l -> l.profile().creditCode()).toList());
        for (EnterpriseLine l : lines) {
            ImportStore.Existing ex = existing.get(l.profile().creditCode());
            if (ex == null) {
                long id = enterprises.insert(l.profile(), caller.username());
                details.replaceChainTags(id, l.tags());
                events.publishEvent(new EnterpriseChainTagsChanged(id, l.tags().stream().map(Enum::name).toList()));
                store.setGroup(id, l.groupId(), l.controller());
                events.publishEvent(new EnterpriseRegistered(id, l.profile().creditCode(), l.profile().regionCode(),
                        l.profile().industryCode(), l.profile().sizeClass().name()));
                tally.created++;
            } else if (ex.profile().equals(l.profile()) && ex.tags().equals(l.tags())
                    && Objects.equals(ex.groupId(), l.groupId()) && Objects.equals(ex.controller(), l.controller())) {
                tally.unchanged++;
            } else {
                if (!ex.profile().equals(l.profile())) {
                    if (!enterprises.update(ex.id(), l.profile(), ex.version(), caller.username())) {
                        throw Rejected.conflict(Rejection.of("version.stale", "version", ex.version(), ex.version() + 1));
                    }
                    events.publishEvent(new EnterpriseProfileChanged(ex.id(), ex.version() + 1, l.profile().regionCode(),
                            l.profile().industryCode(), l.profile().sizeClass().name()));
                }
                if (!ex.tags().equals(l.tags())) {
                    details.replaceChainTags(ex.id(), l.tags());
                    events.publishEvent(new EnterpriseChainTagsChanged(ex.id(), l.tags().stream().map(Enum::name).toList()));
                }
                store.setGroup(ex.id(), l.groupId(), l.controller());
                tally.updated++;
            }
        }
    }

    @Override
    @Transactional
    public ImportReport importStatements(Caller caller, byte[] file, String charset) {
        return statements(caller, Upload.of(file), charset);
    }

    @Override
    @Transactional
    public ImportReport importStatements(Caller caller, Upload file, String charset) {
        return statements(caller, file, charset);
    }

    private record StatementLine(long enterpriseId, AnnualStatement statement) {
    }

    /** As {@link #enterprises}: the table's check, the rules a chunk at a time (each chunk looks up its enterprises), then the writes. */
    private ImportReport statements(Caller caller, Upload file, String charset) {
        adminOnly(caller);
        CsvTable csv = CsvTable.read(file, charset, STATEMENT_COLUMNS, null);
        if (!csv.errors().isEmpty()) {
            return ImportReport.refused("statements", csv.rowCount(), csv.firstErrors());
        }
        int currentYear = businessDate.today().getYear();
        FirstErrors<ImportReport.RowError> errors = ImportReport.firstErrors();
        checkStatements(csv, currentYear, errors);
        if (!errors.isEmpty()) {
            return ImportReport.refused("statements", csv.rowCount(), errors);
        }
        Tally tally = new Tally();
        FirstErrors<ImportReport.RowError> none = ImportReport.firstErrors();
        forEachChunk(csv, chunk -> applyStatements(caller, statementLines(csv, chunk, currentYear, none, null), tally));
        audit.record(AuditEvent.success(caller.username(), "enterprise.statement.import", "enterprise", null,
                tally.summary(csv.rowCount())));
        return new ImportReport("statements", csv.rowCount(), tally.created, tally.updated, tally.unchanged, List.of());
    }

    /** Every row's rules and the duplicate keys (credit code and year) across the file. */
    private void checkStatements(CsvTable csv, int currentYear, FirstErrors<ImportReport.RowError> errors) {
        Set<String> keys = new HashSet<>();
        forEachChunk(csv, chunk -> statementLines(csv, chunk, currentYear, errors, keys));
    }

    /** Reads the table's rows and hands them on {@link #CHUNK} at a time. */
    private static void forEachChunk(CsvTable csv, java.util.function.Consumer<List<Csv.Row>> action) {
        List<Csv.Row> chunk = new ArrayList<>(CHUNK);
        try (Csv.Records rows = csv.records()) {
            for (Csv.Row row = rows.next(); row != null; row = rows.next()) {
                chunk.add(row);
                if (chunk.size() == CHUNK) {
                    action.accept(chunk);
                    chunk.clear();
                }
            }
        }
        if (!chunk.isEmpty()) {
            action.accept(chunk);
        }
    }

    /**
     * The statements of a chunk of rows, checked; rows that break a rule are reported and left out.
     * {@code keys} (credit code and year) finds duplicates across the file; null when already checked.
     */
    private List<StatementLine> statementLines(CsvTable csv, List<Csv.Row> chunk, int currentYear,
                                               FirstErrors<ImportReport.RowError> errors, Set<String> keys) {
        Set<String> codes = new HashSet<>();
        chunk.forEach(r -> {
            String c = csv.get(r, "credit_code");
            if (c != null) {
                codes.add(c);
            }
        });
        Map<String, ImportStore.Existing> known = store.existing(codes);
        List<StatementLine> lines = new ArrayList<>(chunk.size());
        for (Csv.Row row : chunk) {
            long before = errors.total();
            String code = csv.get(row, "credit_code");
            ImportStore.Existing e = code == null ? null : known.get(code);
            if (e == null) {
                errors.add(new ImportReport.RowError(row.line(), "credit_code", code == null
                        ? Rejection.of("required", "creditCode")
                        : Rejection.of("enterprise.unknown-credit-code", "creditCode", code)));
                continue;
            }
            Integer year = csv.integer(row, "year", errors);
            List<ImportReport.RowError> unread = new ArrayList<>(1);
            var input = new StatementRules.Input(year, csv.amount(row, "revenue", "revenue", unread),
                    csv.amount(row, "main_business_revenue", "mainBusinessRevenue", unread),
                    csv.amount(row, "rd_expense", "rdExpense", unread), csv.integer(row, "rd_staff", errors),
                    csv.amount(row, "net_profit", "netProfit", unread),
                    csv.amount(row, "total_assets", "totalAssets", unread),
                    csv.amount(row, "total_liabilities", "totalLiabilities", unread),
                    csv.amount(row, "equity", "equity", unread),
                    csv.integer(row, "ip_class1", errors), csv.integer(row, "ip_class2", errors), null);
            StatementRules.Outcome o = StatementRules.check(input, currentYear, e.profile().employees());
            errors.addAll(ImportReport.rowErrors(row.line(), o.rejections(), ImportService::column, unread));
            if (year != null && year < e.profile().foundingDate().getYear()) {
                errors.add(new ImportReport.RowError(row.line(), "year", Rejection.of("statement.before-founding",
                        "year", year, e.profile().foundingDate().toString())));
            }
            if (keys != null && year != null && !keys.add(code + "/" + year)) {
                errors.add(new ImportReport.RowError(row.line(), "year",
                        Rejection.of("import.duplicate-key", "year", code + " " + year)));
            }
            if (errors.total() == before && o.ok()) {
                lines.add(new StatementLine(e.id(), o.statement()));
            }
        }
        return lines;
    }

    private void applyStatements(Caller caller, List<StatementLine> lines, Tally tally) {
        Map<Long, Map<Integer, AnnualStatement>> current = new HashMap<>();
        for (StatementLine l : lines) {
            var byYear = current.computeIfAbsent(l.enterpriseId(), id -> {
                Map<Integer, AnnualStatement> m = new HashMap<>();
                details.statements(id, false).forEach(s -> m.put(s.year(), s));
                return m;
            });
            AnnualStatement old = byYear.get(l.statement().year());
            AnnualStatement incoming = old == null ? l.statement() : withPublished(l.statement(), old.published());
            if (incoming.equals(old)) {
                tally.unchanged++;
                continue;
            }
            details.upsertStatement(l.enterpriseId(), incoming, caller.username());
            byYear.put(incoming.year(), incoming);
            if (old == null) {
                tally.created++;
            } else {
                tally.updated++;
            }
        }
    }

    private static AnnualStatement withPublished(AnnualStatement s, boolean published) {
        return new AnnualStatement(s.year(), s.revenue(), s.mainBusinessRevenue(), s.rdExpense(), s.rdStaff(),
                s.netProfit(), s.totalAssets(), s.totalLiabilities(), s.ipClass1(), s.ipClass2(), published);
    }
}
