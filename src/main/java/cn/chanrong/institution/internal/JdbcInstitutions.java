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
        CreditCode.check(creditCode, "creditCode").ifPresent(r -> {
            throw Rejected.invalid(r);
        });
        long id = jdbc.sql("INSERT INTO institution (credit_code, name, name_en, type) VALUES (:c, :n, :e, :t) RETURNING id")
                .param("c", creditCode).param("n", name).param("e", nameEn).param("t", type.name())
                .query(Long.class).single();
        audit.record(AuditEvent.success(caller.username(), "institution.create", "institution", id, name));
        return new Institution(id, creditCode, name, nameEn, type);
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
