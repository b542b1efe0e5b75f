package cn.chanrong.institution.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.institution.Institution;
import cn.chanrong.institution.InstitutionDetails;
import cn.chanrong.institution.InstitutionType;
import cn.chanrong.institution.Institutions;
import cn.chanrong.institution.PolicyTool;
import cn.chanrong.institution.domain.PolicyToolEligibility;
import cn.chanrong.shared.CreditCode;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcInstitutions implements Institutions {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final cn.chanrong.reference.ReferenceData reference;

    JdbcInstitutions(JdbcClient jdbc, AuditTrail audit, cn.chanrong.reference.ReferenceData reference) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.reference = reference;
    }

    @Override
    @Transactional(readOnly = true)
    public cn.chanrong.institution.InstitutionDetails details(long id) {
        Institution i = jdbc.sql("SELECT id, credit_code, name, name_en, type FROM institution WHERE id = :id").param("id", id)
                .query((rs, n) -> new Institution(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        InstitutionType.valueOf(rs.getString(5))))
                .optional().orElseThrow(() -> Rejected.notFound("institution", id));
        String head = jdbc.sql("SELECT head_region FROM institution WHERE id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
        var branches = jdbc.sql("SELECT id, name, region_code FROM institution_branch WHERE institution_id = :id ORDER BY id")
                .param("id", id)
                .query((rs, n) -> new cn.chanrong.institution.InstitutionDetails.Branch(rs.getLong(1), rs.getString(2),
                        rs.getString(3)))
                .list();
        var tools = jdbc.sql("""
                        SELECT id, tool, valid_from, valid_to FROM institution_policy_tool WHERE institution_id = :id
                        ORDER BY valid_from, id""")
                .param("id", id)
                .query((rs, n) -> new cn.chanrong.institution.InstitutionDetails.Participation(rs.getLong(1),
                        cn.chanrong.institution.PolicyTool.valueOf(rs.getString(2)),
                        rs.getObject(3, java.time.LocalDate.class), rs.getObject(4, java.time.LocalDate.class)))
                .list();
        return new cn.chanrong.institution.InstitutionDetails(i, head, branches, tools);
    }

    @Override
    @Transactional
    public cn.chanrong.institution.InstitutionDetails.Branch addBranch(Caller caller, long institutionId, String name,
                                                                       String regionCode) {
        adminOnly(caller);
        details(institutionId);
        java.util.List<cn.chanrong.shared.Rejection> r = new java.util.ArrayList<>();
        if (name == null || name.strip().length() < 2 || name.strip().length() > 200) {
            r.add(cn.chanrong.shared.Rejection.of("length", "name", 2, 200));
        }
        if (regionCode == null || reference.region(regionCode.strip()).isEmpty()) {
            r.add(cn.chanrong.shared.Rejection.of("region-code.unknown", "regionCode", String.valueOf(regionCode)));
        }
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        long id = jdbc.sql("""
                        INSERT INTO institution_branch (institution_id, name, region_code) VALUES (:i, :n, :r)
                        ON CONFLICT (institution_id, name) DO UPDATE SET region_code = excluded.region_code RETURNING id""")
                .param("i", institutionId).param("n", name.strip()).param("r", regionCode.strip())
                .query(Long.class).single();
        audit.record(AuditEvent.success(caller.username(), "institution.branch.add", "institution", institutionId, name));
        return new cn.chanrong.institution.InstitutionDetails.Branch(id, name.strip(), regionCode.strip());
    }

    @Override
    @Transactional
    public cn.chanrong.institution.InstitutionDetails.Participation addPolicyTool(Caller caller, long institutionId,
            String tool, java.time.LocalDate validFrom, java.time.LocalDate validTo) {
        adminOnly(caller);
        var institution = details(institutionId);
        java.util.List<cn.chanrong.shared.Rejection> r = new java.util.ArrayList<>();
        var parsed = java.util.Arrays.stream(cn.chanrong.institution.PolicyTool.values())
                .filter(t -> t.name().equals(tool)).findFirst();
        if (parsed.isEmpty()) {
            r.add(cn.chanrong.shared.Rejection.of("enum", "tool", String.valueOf(tool),
                    java.util.Arrays.toString(cn.chanrong.institution.PolicyTool.values())));
        }
        if (validFrom == null) {
            r.add(cn.chanrong.shared.Rejection.of("required", "validFrom"));
        } else if (validTo != null && !validTo.isAfter(validFrom)) {
            r.add(cn.chanrong.shared.Rejection.of("range.reversed", "validTo", validFrom.toString(), validTo.toString()));
        }
        if (r.isEmpty()) {
            // who may take part is the rule in force on the participation's first day (FACTS §1, V47)
            PolicyToolEligibility.check(rules(parsed.get()), parsed.get(), institution.institution().type(), validFrom)
                    .ifPresent(r::add);
        }
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        long id = jdbc.sql("""
                        INSERT INTO institution_policy_tool (institution_id, tool, valid_from, valid_to) VALUES (:i, :t, :f, :to)
                        ON CONFLICT (institution_id, tool, valid_from) DO UPDATE SET valid_to = excluded.valid_to RETURNING id""")
                .param("i", institutionId).param("t", parsed.get().name()).param("f", validFrom).param("to", validTo)
                .query(Long.class).single();
        audit.record(AuditEvent.success(caller.username(), "institution.policy-tool.add", "institution", institutionId,
                parsed.get() + " from " + validFrom));
        return new cn.chanrong.institution.InstitutionDetails.Participation(id, parsed.get(), validFrom, validTo);
    }

    /** The eligibility rules of one tool, every period. */
    List<PolicyToolEligibility.Rule> rules(PolicyTool tool) {
        return jdbc.sql("""
                        SELECT tool, institution_type, valid_from, valid_to, source FROM institution_policy_tool_eligibility
                        WHERE tool = :t""")
                .param("t", tool.name()).query((rs, n) -> rule(rs)).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<PolicyToolEligibility.Rule> toolEligibility(EligibilityQuery query, PageRequest page) {
        List<cn.chanrong.shared.Rejection> r = new ArrayList<>();
        String tool = blank(query.tool());
        if (tool != null && PolicyTool.parse(tool).isEmpty()) {
            r.add(cn.chanrong.shared.Rejection.of("enum", "tool", tool, Arrays.toString(PolicyTool.values())));
        }
        String type = blank(query.institutionType());
        if (type != null && InstitutionType.parse(type).isEmpty()) {
            r.add(cn.chanrong.shared.Rejection.of("enum", "institutionType", type, Arrays.toString(InstitutionType.values())));
        }
        LocalDate on = null;
        String rawOn = blank(query.on());
        if (rawOn != null) {
            try {
                on = LocalDate.parse(rawOn);
            } catch (java.time.format.DateTimeParseException e) {
                r.add(cn.chanrong.shared.Rejection.of("date.format", "on", rawOn));
            }
        }
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        String where = """
                FROM institution_policy_tool_eligibility e JOIN institution_type t ON t.code = e.institution_type
                WHERE (CAST(:tool AS text) IS NULL OR e.tool = :tool)
                  AND (CAST(:type AS text) IS NULL OR e.institution_type = :type)
                  AND (CAST(:on AS date) IS NULL OR (e.valid_from <= :on AND (e.valid_to IS NULL OR e.valid_to > :on)))""";
        long total = jdbc.sql("SELECT count(*) " + where).param("tool", tool).param("type", type).param("on", on)
                .query(Long.class).single();
        // tools in the order of the enum, then types in the order of the list, then periods
        List<PolicyToolEligibility.Rule> items = jdbc.sql("""
                        SELECT e.tool, e.institution_type, e.valid_from, e.valid_to, e.source\s""" + where + """
                         ORDER BY array_position(CAST(:tools AS text[]), e.tool), t.seq, e.valid_from
                        LIMIT :limit OFFSET :offset""")
                .param("tool", tool).param("type", type).param("on", on)
                .param("tools", Arrays.stream(PolicyTool.values()).map(Enum::name).toArray(String[]::new))
                .param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> rule(rs)).list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, List<InstitutionDetails.Participation>> participations() {
        Map<Long, List<InstitutionDetails.Participation>> out = new LinkedHashMap<>();
        jdbc.sql("SELECT institution_id, id, tool, valid_from, valid_to FROM institution_policy_tool ORDER BY institution_id, valid_from, id")
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new InstitutionDetails.Participation(
                            rs.getLong(2), PolicyTool.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
                            rs.getObject(5, LocalDate.class)));
                });
        return out;
    }

    private static PolicyToolEligibility.Rule rule(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PolicyToolEligibility.Rule(PolicyTool.valueOf(rs.getString(1)), InstitutionType.valueOf(rs.getString(2)),
                rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void adminOnly(Caller caller) {
        if (!caller.isAdmin()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, cn.chanrong.shared.Rejection.of("forbidden", null));
        }
    }

    @Override
    @Transactional
    public Institution register(Caller caller, String creditCode, String name, String nameEn, InstitutionType type) {
        if (!caller.isAdmin()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, cn.chanrong.shared.Rejection.of("forbidden", null));
        }
        java.util.List<cn.chanrong.shared.Rejection> r = new java.util.ArrayList<>();
        CreditCode.check(creditCode, "creditCode").ifPresent(r::add);
        if (name == null || name.strip().length() < 2 || name.strip().length() > 200) {
            r.add(cn.chanrong.shared.Rejection.of("length", "name", 2, 200));
        }
        if (type == null) {
            r.add(cn.chanrong.shared.Rejection.of("required", "type"));
        }
        if (r.isEmpty() && byCreditCode(creditCode).isPresent()) {
            r.add(cn.chanrong.shared.Rejection.of("credit-code.taken", "creditCode", creditCode));
        }
        if (!r.isEmpty()) {
            throw Rejected.invalid(r);
        }
        long id = jdbc.sql("INSERT INTO institution (credit_code, name, name_en, type) VALUES (:c, :n, :e, :t) RETURNING id")
                .param("c", creditCode).param("n", name).param("e", nameEn).param("t", type.name())
                .query(Long.class).single();
        audit.record(AuditEvent.success(caller.username(), "institution.create", "institution", id, name));
        return new Institution(id, creditCode, name, nameEn, type);
    }

    @Override
    public java.util.List<Institution> list() {
        return jdbc.sql("SELECT id, credit_code, name, name_en, type FROM institution ORDER BY id")
                .query((rs, i) -> new Institution(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        InstitutionType.valueOf(rs.getString(5))))
                .list();
    }

    @Override
    public Optional<Institution> byCreditCode(String creditCode) {
        return jdbc.sql("SELECT id, credit_code, name, name_en, type FROM institution WHERE credit_code = :c")
                .param("c", creditCode)
                .query((rs, i) -> new Institution(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        InstitutionType.valueOf(rs.getString(5))))
                .optional();
    }
}
