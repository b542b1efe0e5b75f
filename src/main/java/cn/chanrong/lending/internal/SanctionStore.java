package cn.chanrong.lending.internal;

import cn.chanrong.lending.Sanctions.Act;
import cn.chanrong.lending.Sanctions.Diversion;
import cn.chanrong.lending.Sanctions.Kind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The acts taken on loans over a diversion case ({@code loan_sanction}). */
@Component
class SanctionStore {

    private final JdbcClient jdbc;

    SanctionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long loanId, long contractLoanId, Kind kind, String caseNumber, String reason, LocalDate businessDate,
                Diversion diversion, BigDecimal catchUp, Long entryId, String actor) {
        jdbc.sql("""
                        INSERT INTO loan_sanction (loan_id, contract_loan_id, kind, case_number, reason, business_date, amount,
                            since, markup, catch_up, entry_id, acted_by)
                        VALUES (:l, :c, :k, :n, :r, :d, :a, :s, :m, :cu, :e, :by)""")
                .param("l", loanId).param("c", contractLoanId).param("k", kind.name()).param("n", caseNumber)
                .param("r", reason).param("d", businessDate).param("a", diversion == null ? null : diversion.amount())
                .param("s", diversion == null ? null : diversion.since())
                .param("m", diversion == null ? null : diversion.markup()).param("cu", catchUp).param("e", entryId)
                .param("by", actor).update();
    }

    List<Act> taken(Collection<String> caseNumbers) {
        return jdbc.sql("""
                        SELECT s.kind, s.loan_id, l.number, s.case_number, s.reason, s.business_date, s.amount, s.since,
                               s.markup, s.catch_up, s.acted_by, s.acted_at
                          FROM loan_sanction s JOIN loan l ON l.id = s.loan_id
                         WHERE s.case_number = ANY(:c) ORDER BY s.id""")
                .param("c", caseNumbers.toArray(String[]::new))
                .query((rs, i) -> new Act(Kind.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getBigDecimal(7),
                        rs.getObject(8, LocalDate.class), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getString(11),
                        rs.getObject(12, java.time.OffsetDateTime.class).toInstant()))
                .list();
    }

    Optional<String> drawdownsStopped(long contractLoanId) {
        return jdbc.sql("""
                        SELECT case_number FROM loan_sanction WHERE contract_loan_id = :c AND kind = 'STOP_DRAWDOWNS'
                        ORDER BY id LIMIT 1""")
                .param("c", contractLoanId).query(String.class).optional();
    }

    /** A case that stopped drawdowns on a loan drawn under the facility, other than {@code except} (the first, if any). */
    Optional<String> facilityStopped(long facilityId, long except) {
        return jdbc.sql("""
                        SELECT s.case_number FROM loan_sanction s JOIN loan l ON l.id = s.loan_id
                         WHERE l.facility_id = :f AND l.id <> :x AND s.kind = 'STOP_DRAWDOWNS' ORDER BY s.id LIMIT 1""")
                .param("f", facilityId).param("x", except).query(String.class).optional();
    }
}
