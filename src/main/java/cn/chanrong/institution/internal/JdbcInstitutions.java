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

    JdbcInstitutions(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
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
