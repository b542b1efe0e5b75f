package cn.chanrong.institution.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.institution.Institution;
import cn.chanrong.institution.InstitutionType;
import cn.chanrong.institution.Institutions;
import cn.chanrong.shared.CreditCode;
import cn.chanrong.shared.Rejected;
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
        details(institutionId);
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
