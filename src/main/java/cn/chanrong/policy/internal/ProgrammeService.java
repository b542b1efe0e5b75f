package cn.chanrong.policy.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.institution.InstitutionType;
import cn.chanrong.institution.Institutions;
import cn.chanrong.policy.Programmes;
import cn.chanrong.policy.domain.Eligibility;
import cn.chanrong.policy.domain.ProgrammeKind;
import cn.chanrong.policy.domain.ProgrammeVersions;
import cn.chanrong.policy.domain.Terms;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Programmes: read by every login, written by the issuing department's regulators (and administrators). */
@Service
class ProgrammeService implements Programmes {

    /** Local programmes: a region's finance regulators write them for their region. */
    static final Set<ProgrammeKind> LOCAL = Set.of(ProgrammeKind.LOCAL_SUBSIDY, ProgrammeKind.RISK_POOL);
    private static final Set<String> INSTITUTION_TYPES = Arrays.stream(InstitutionType.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private final ProgrammeStore store;
    private final Institutions institutions;
    private final BusinessDate businessDate;
    private final AuditTrail audit;

    ProgrammeService(ProgrammeStore store, Institutions institutions, BusinessDate businessDate, AuditTrail audit) {
        this.store = store;
        this.institutions = institutions;
        this.businessDate = businessDate;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Programme> list(Caller caller, String kind, LocalDate on, PageRequest page) {
        ProgrammeKind k = kind(kind);
        LocalDate day = on == null ? businessDate.today() : on;
        Page<ProgrammeStore.Row> rows = store.list(k == null ? null : k.name(), page);
        var versions = store.versions(rows.items().stream().map(ProgrammeStore.Row::id).toList());
        List<Programme> items = rows.items().stream()
                .map(r -> view(r, versions.getOrDefault(r.id(), List.of()), day, false)).toList();
        return new Page<>(items, rows.page(), rows.size(), rows.total());
    }

    @Override
    @Transactional(readOnly = true)
    public Programme get(Caller caller, long id, LocalDate on) {
        ProgrammeStore.Row r = store.find(id, false).orElseThrow(() -> Rejected.notFound("programme", id));
        return view(r, store.versions(List.of(id)).getOrDefault(id, List.of()), on == null ? businessDate.today() : on, true);
    }

    private static ProgrammeKind kind(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return ProgrammeKind.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            throw Rejected.invalid(Rejection.of("enum", "kind", raw, Arrays.toString(ProgrammeKind.values())));
        }
    }

    /** Whether the caller writes programmes of this kind, and for which region (null: national). */
    private static String requireWriter(Caller caller, ProgrammeKind kind) {
        if (caller.isAdmin()) {
            return null;
        }
        boolean department = caller.is(Role.REGULATOR) && kind.issuer().equals(caller.department());
        if (department && LOCAL.contains(kind) && caller.regionCode() != null) {
            return caller.regionCode();
        }
        if (department && caller.regionCode() == null) {
            return null;
        }
        throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("policy.programme.issuer-only", null, kind.issuer()));
    }

    @Override
    @Transactional
    public Programme create(Caller caller, Draft d) {
        List<Rejection> problems = new ArrayList<>();
        ProgrammeKind kind = null;
        try {
            kind = ProgrammeKind.valueOf(d.kind() == null ? "" : d.kind().strip());
        } catch (IllegalArgumentException e) {
            problems.add(Rejection.of("enum", "kind", d.kind(), Arrays.toString(ProgrammeKind.values())));
        }
        if (kind == null) {
            throw Rejected.invalid(problems);
        }
        String region = requireWriter(caller, kind);
        String code = d.code() == null ? "" : d.code().strip();
        if (!code.matches("[A-Z0-9][A-Z0-9-]{1,39}")) {
            problems.add(Rejection.of("policy.programme.code", "code", code));
        } else if (store.codeTaken(code)) {
            problems.add(Rejection.of("policy.programme.code-taken", "code", code));
        }
        String name = text(d.name(), "name", 2, 100, problems);
        String nameEn = text(d.nameEn(), "nameEn", 2, 200, problems);
        String source = text(d.source(), "source", 2, 500, problems);
        Parsed v = parse(kind, new VersionDraft(d.effectiveFrom(), d.terms(), d.eligibility(), d.note()), false, problems);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        long id = store.insert(code, kind.name(), kind.issuer(), region, name, nameEn, source, caller.username());
        int version = store.addVersion(id, d.effectiveFrom(), v.terms().stored(), v.eligibility().stored(), v.note(),
                caller.username());
        audit.record(AuditEvent.success(caller.username(), "policy.programme.create", "programme", code,
                kind.name() + " v" + version + " from " + d.effectiveFrom()));
        return get(caller, id, null);
    }

    @Override
    @Transactional
    public Programme addVersion(Caller caller, long id, VersionDraft d) {
        ProgrammeStore.Row r = store.find(id, true).orElseThrow(() -> Rejected.notFound("programme", id));
        ProgrammeKind kind = ProgrammeKind.valueOf(r.kind());
        String region = requireWriter(caller, kind);
        if (region != null && !region.equals(r.regionCode())) {
            // a region's regulators write their region's programmes only
            throw Rejected.notFound("programme", id);
        }
        List<Rejection> problems = new ArrayList<>();
        Parsed v = parse(kind, d, true, problems);
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        int version = store.addVersion(id, d.effectiveFrom(), v.terms().stored(), v.eligibility().stored(), v.note(),
                caller.username());
        audit.record(AuditEvent.success(caller.username(), "policy.programme.version", "programme", r.code(),
                "v" + version + " from " + d.effectiveFrom() + ": " + v.note()));
        return get(caller, id, null);
    }

    private record Parsed(Terms terms, Eligibility eligibility, String note) {
    }

    private Parsed parse(ProgrammeKind kind, VersionDraft d, boolean later, List<Rejection> problems) {
        LocalDate today = businessDate.today();
        if (d.effectiveFrom() == null) {
            problems.add(Rejection.of("required", "effectiveFrom"));
        } else if (later && d.effectiveFrom().isBefore(today)) {
            // a programme changes from now on; what applied before stays as it was
            problems.add(Rejection.of("policy.programme.effective-past", "effectiveFrom", d.effectiveFrom(), today));
        }
        Terms terms = null;
        if (d.terms() == null) {
            problems.add(Rejection.of("required", "terms"));
        } else {
            terms = Terms.parse(kind, d.terms(), problems);
        }
        Eligibility e = Eligibility.parse(d.eligibility() == null ? Map.of() : d.eligibility(), INSTITUTION_TYPES, problems);
        if (e != null) {
            for (String code : e.institutions()) {
                if (institutions.byCreditCode(code).isEmpty()) {
                    problems.add(Rejection.of("policy.eligibility.institution", "eligibility.institutions", code));
                }
            }
        }
        String note = text(d.note(), "note", 2, 500, problems);
        return new Parsed(terms, e, note);
    }

    private static String text(String raw, String field, int min, int max, List<Rejection> problems) {
        String s = raw == null ? "" : raw.strip();
        if (s.length() < min || s.length() > max) {
            problems.add(Rejection.of("length", field, min, max));
            return null;
        }
        return s;
    }

    private Programme view(ProgrammeStore.Row r, List<ProgrammeStore.VersionRow> rows, LocalDate day, boolean all) {
        ProgrammeKind kind = ProgrammeKind.valueOf(r.kind());
        List<Version> versions = new ArrayList<>();
        List<ProgrammeVersions.Version> typed = new ArrayList<>();
        for (ProgrammeStore.VersionRow v : rows) {
            Eligibility e = Eligibility.parse(v.eligibility(), INSTITUTION_TYPES, new ArrayList<>());
            versions.add(new Version(v.version(), v.effectiveFrom(), v.terms(), e, v.note(), v.createdBy(), v.createdAt()));
            typed.add(new ProgrammeVersions.Version(v.version(), v.effectiveFrom(), null, e));
        }
        Version inForce = ProgrammeVersions.inForce(typed, day)
                .flatMap(t -> versions.stream().filter(v -> v.version() == t.version()).findFirst()).orElse(null);
        return new Programme(r.id(), r.code(), kind, r.issuer(), r.regionCode(), r.name(), r.nameEn(), r.source(), inForce,
                all ? List.copyOf(versions) : List.of());
    }
}
