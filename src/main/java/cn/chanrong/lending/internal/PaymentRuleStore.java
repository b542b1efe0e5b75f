package cn.chanrong.lending.internal;

import cn.chanrong.lending.domain.EntrustedPaymentRules.Thresholds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the per-payment test of entrusted payment reads: the thresholds in force (effective-dated, the
 * institution's own rows before the platform's), whether a loan is the borrower's first credit
 * relationship with its lender, and the total project investment a fixed-asset loan was applied for.
 */
@Component
class PaymentRuleStore {

    /** One effective-dated row of thresholds; {@code institutionId} null is the platform's default. */
    record Row(Long institutionId, LocalDate effectiveFrom, BigDecimal singlePayment, BigDecimal fixedAssetShare,
               BigDecimal fixedAssetPayment, String averageGrade, String source, String createdBy) {
    }

    private final JdbcClient jdbc;

    PaymentRuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The thresholds in force for the institution on {@code date}: its own latest row, else the platform's. */
    Optional<Thresholds> inForce(long institutionId, LocalDate date) {
        return jdbc.sql("""
                        SELECT single_payment, fixed_asset_share, fixed_asset_payment, average_grade FROM lending_payment_rule
                        WHERE (institution_id = :i OR institution_id IS NULL) AND effective_from <= :d
                        ORDER BY institution_id IS NULL, effective_from DESC LIMIT 1""")
                .param("i", institutionId).param("d", date)
                .query((rs, n) -> new Thresholds(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getString(4)))
                .optional();
    }

    /** The rows an institution sees: the platform's and its own, latest first. */
    List<Row> rows(Long institutionId) {
        return jdbc.sql("""
                        SELECT institution_id, effective_from, single_payment, fixed_asset_share, fixed_asset_payment,
                               average_grade, source, created_by
                        FROM lending_payment_rule WHERE institution_id IS NULL OR institution_id = :i
                        ORDER BY institution_id NULLS FIRST, effective_from DESC""")
                .param("i", institutionId == null ? -1L : institutionId)
                .query((rs, n) -> new Row((Long) rs.getObject(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    /** Adds (or, for the same day, replaces) a row of thresholds. */
    void put(Row r) {
        jdbc.sql("""
                        DELETE FROM lending_payment_rule WHERE institution_id IS NOT DISTINCT FROM :i AND effective_from = :d""")
                .param("i", r.institutionId()).param("d", r.effectiveFrom()).update();
        jdbc.sql("""
                        INSERT INTO lending_payment_rule (institution_id, effective_from, single_payment, fixed_asset_share,
                            fixed_asset_payment, average_grade, source, created_by)
                        VALUES (:i, :d, :sp, :fs, :fp, :g, :src, :by)""")
                .param("i", r.institutionId()).param("d", r.effectiveFrom()).param("sp", r.singlePayment())
                .param("fs", r.fixedAssetShare()).param("fp", r.fixedAssetPayment()).param("g", r.averageGrade())
                .param("src", r.source()).param("by", r.createdBy()).update();
    }

    /**
     * Whether the loan starts the borrower's first credit relationship with the lender: no other loan of
     * the borrower at the institution was paid out on or before {@code date}, drawdowns of the loan's own
     * contract aside (the contract is the relationship).
     */
    boolean newlyRelated(long loanId, LocalDate date) {
        return jdbc.sql("""
                        SELECT count(*) FROM loan o JOIN loan l ON l.id = :id
                        WHERE o.borrower_id = l.borrower_id AND o.institution_id = l.institution_id AND o.id <> l.id
                          AND o.disbursed_on IS NOT NULL AND o.disbursed_on <= :d
                          AND coalesce(o.contract_loan_id, o.id) <> coalesce(l.contract_loan_id, l.id)""")
                .param("id", loanId).param("d", date).query(Long.class).single() == 0;
    }

    /** The total project investment on the application of the loan (or of its contract's first loan). */
    Optional<BigDecimal> projectInvestment(long loanId) {
        return jdbc.sql("""
                        SELECT a.project_investment FROM loan l JOIN loan c ON c.id = coalesce(l.contract_loan_id, l.id)
                        JOIN loan_application a ON a.id = c.application_id WHERE l.id = :id""")
                .param("id", loanId).query((rs, n) -> Optional.ofNullable(rs.getBigDecimal(1))).optional()
                .flatMap(x -> x);
    }
}
