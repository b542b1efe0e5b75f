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
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
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

    @Override
    @Transactional
    public ImportReport importEnterprises(Caller caller, byte[] file, String charset) {
        adminOnly(caller);
        CsvTable csv = CsvTable.read(file, charset, ENTERPRISE_COLUMNS);
        if (!csv.errors().isEmpty()) {
            return rejected("enterprises", csv.rows().size(), csv.errors());
        }
        List<ImportReport.RowError> errors = new ArrayList<>();
        Map<String, Long> groups = store.groupIds();
        Set<String> seen = new HashSet<>();
        List<EnterpriseLine> lines = new ArrayList<>(csv.rows().size());
        var today = businessDate.today();
        for (Csv.Row row : csv.rows()) {
            int before = errors.size();
            var input = new ProfileRules.Input(csv.get(row, "credit_code"), csv.get(row, "name"), csv.get(row, "name_en"),
                    csv.get(row, "region_code"), csv.get(row, "industry_code"), csv.get(row, "ownership"),
                    csv.get(row, "founding_date"), csv.integer(row, "employees", errors), csv.get(row, "annual_revenue"),
                    null);
            ProfileRules.Outcome outcome = rules.check(input, false, today);
            outcome.rejections().forEach(r -> errors.add(new ImportReport.RowError(row.line(), column(r.field()), r)));
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
            String code = csv.get(row, "credit_code");
            if (code != null && !seen.add(code)) {
                errors.add(new ImportReport.RowError(row.line(), "credit_code",
                        Rejection.of("import.duplicate-key", "creditCode", code)));
            }
            if (errors.size() == before) {
                lines.add(new EnterpriseLine(row, outcome.profile(), tags, groupId, csv.get(row, "actual_controller")));
            }
        }
        if (!errors.isEmpty()) {
            return rejected("enterprises", csv.rows().size(), errors);
        }
        Map<String, ImportStore.Existing> existing = store.existing(seen);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (EnterpriseLine l : lines) {
            ImportStore.Existing ex = existing.get(l.profile().creditCode());
            if (ex == null) {
                long id = enterprises.insert(l.profile(), caller.username());
                details.replaceChainTags(id, l.tags());
                events.publishEvent(new EnterpriseChainTagsChanged(id, l.tags().stream().map(Enum::name).toList()));
                store.setGroup(id, l.groupId(), l.controller());
                events.publishEvent(new EnterpriseRegistered(id, l.profile().creditCode(), l.profile().regionCode(),
                        l.profile().industryCode(), l.profile().sizeClass().name()));
                created++;
            } else if (ex.profile().equals(l.profile()) && ex.tags().equals(l.tags())
                    && Objects.equals(ex.groupId(), l.groupId()) && Objects.equals(ex.controller(), l.controller())) {
                unchanged++;
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
                updated++;
            }
        }
        audit.record(AuditEvent.success(caller.username(), "enterprise.import", "enterprise", null,
                lines.size() + " rows: " + created + " created, " + updated + " updated, " + unchanged + " unchanged"));
        return new ImportReport("enterprises", csv.rows().size(), created, updated, unchanged, List.of());
    }

    @Override
    @Transactional
    public ImportReport importStatements(Caller caller, byte[] file, String charset) {
        adminOnly(caller);
        CsvTable csv = CsvTable.read(file, charset, STATEMENT_COLUMNS);
        if (!csv.errors().isEmpty()) {
            return rejected("statements", csv.rows().size(), csv.errors());
        }
        List<ImportReport.RowError> errors = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        csv.rows().forEach(r -> {
            String c = csv.get(r, "credit_code");
            if (c != null) {
                codes.add(c);
            }
        });
        Map<String, ImportStore.Existing> known = store.existing(codes);
        Set<String> keys = new HashSet<>();
        record Line(long enterpriseId, AnnualStatement statement) {
        }
        List<Line> lines = new ArrayList<>();
        int currentYear = businessDate.today().getYear();
        for (Csv.Row row : csv.rows()) {
            int before = errors.size();
            String code = csv.get(row, "credit_code");
            ImportStore.Existing e = code == null ? null : known.get(code);
            if (e == null) {
                errors.add(new ImportReport.RowError(row.line(), "credit_code", code == null
                        ? Rejection.of("required", "creditCode")
                        : Rejection.of("enterprise.unknown-credit-code", "creditCode", code)));
                continue;
            }
            Integer year = csv.integer(row, "year", errors);
            var input = new StatementRules.Input(year, csv.get(row, "revenue"), csv.get(row, "main_business_revenue"),
                    csv.get(row, "rd_expense"), csv.integer(row, "rd_staff", errors), csv.get(row, "net_profit"),
                    csv.get(row, "total_assets"), csv.get(row, "total_liabilities"), csv.get(row, "equity"),
                    csv.integer(row, "ip_class1", errors), csv.integer(row, "ip_class2", errors), null);
            StatementRules.Outcome o = StatementRules.check(input, currentYear, e.profile().employees());
            o.rejections().forEach(r -> errors.add(new ImportReport.RowError(row.line(), column(r.field()), r)));
            if (year != null && year < e.profile().foundingDate().getYear()) {
                errors.add(new ImportReport.RowError(row.line(), "year", Rejection.of("statement.before-founding",
                        "year", year, e.profile().foundingDate().toString())));
            }
            if (year != null && !keys.add(code + "/" + year)) {
                errors.add(new ImportReport.RowError(row.line(), "year",
                        Rejection.of("import.duplicate-key", "year", code + " " + year)));
            }
            if (errors.size() == before && o.ok()) {
                lines.add(new Line(e.id(), o.statement()));
            }
        }
        if (!errors.isEmpty()) {
            return rejected("statements", csv.rows().size(), errors);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        Map<Long, Map<Integer, AnnualStatement>> current = new HashMap<>();
        for (Line l : lines) {
            var byYear = current.computeIfAbsent(l.enterpriseId(), id -> {
                Map<Integer, AnnualStatement> m = new HashMap<>();
                details.statements(id, false).forEach(s -> m.put(s.year(), s));
                return m;
            });
            AnnualStatement old = byYear.get(l.statement().year());
            AnnualStatement incoming = old == null ? l.statement() : withPublished(l.statement(), old.published());
            if (incoming.equals(old)) {
                unchanged++;
                continue;
            }
            details.upsertStatement(l.enterpriseId(), incoming, caller.username());
            if (old == null) {
                created++;
            } else {
                updated++;
            }
        }
        audit.record(AuditEvent.success(caller.username(), "enterprise.statement.import", "enterprise", null,
                lines.size() + " rows: " + created + " created, " + updated + " updated, " + unchanged + " unchanged"));
        return new ImportReport("statements", csv.rows().size(), created, updated, unchanged, List.of());
    }

    private static AnnualStatement withPublished(AnnualStatement s, boolean published) {
        return new AnnualStatement(s.year(), s.revenue(), s.mainBusinessRevenue(), s.rdExpense(), s.rdStaff(),
                s.netProfit(), s.totalAssets(), s.totalLiabilities(), s.ipClass1(), s.ipClass2(), published);
    }

    private static ImportReport rejected(String kind, int rows, List<ImportReport.RowError> errors) {
        return new ImportReport(kind, rows, 0, 0, 0, List.copyOf(errors));
    }
}
