package cn.chanrong.warning.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.monitoring.Monitoring;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.warning.WarningReports.Report;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the reported cases. */
@Repository
class WarningReportStore {

    /** The reporting institution; every regulator where the enterprise is. */
    static final ReadScope SCOPE = ReadScope.regulated().institution("r.institution_id")
            .regionOfEnterprise("r.enterprise_id");

    private final JdbcClient jdbc;

    WarningReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** On the loan's risk obligor; false when the case was reported before. */
    boolean insert(Monitoring.CaseReported e) {
        return jdbc.sql("""
                        INSERT INTO warning_report (case_number, rule, loan_id, institution_id, enterprise_id, reason,
                            reported_on, reported_by)
                        SELECT :c, :rule, f.loan_id, :i, f.obligor_id, :why, :on, :by FROM loan_fact_view f
                         WHERE f.loan_id = :l
                        ON CONFLICT (case_number) DO NOTHING""")
                .param("c", e.caseNumber()).param("rule", e.rule()).param("i", e.institutionId()).param("why", e.reason())
                .param("on", e.on()).param("by", e.by()).param("l", e.loanId()).update() == 1;
    }

    Page<Report> page(Caller caller, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        String w = SCOPE.where(caller, p);
        List<Report> items = jdbc.sql("""
                        SELECT r.id, r.case_number, r.rule, r.institution_id, i.name, r.enterprise_id, e.name, r.reason,
                               r.reported_on, r.reported_by
                          FROM warning_report r
                          JOIN institution_party_view i ON i.id = r.institution_id
                          JOIN enterprise_party_view e ON e.id = r.enterprise_id
                         WHERE """ + " " + w + " ORDER BY r.reported_on DESC, r.id DESC LIMIT :limit OFFSET :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new Report(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8),
                        rs.getObject(9, LocalDate.class), rs.getString(10)))
                .list();
        long total = jdbc.sql("SELECT count(*) FROM warning_report r WHERE " + w).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }
}
