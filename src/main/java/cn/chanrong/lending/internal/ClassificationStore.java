package cn.chanrong.lending.internal;

import cn.chanrong.lending.domain.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The five-tier classification of loans: the history of tier changes ({@code loan_classification}),
 * the loan's tier, manual floor, classification date, non-accrual status, observation period after a
 * restructuring and the tier it started from, the 关注 signals recorded on the loan (purpose breaches,
 * renewals while the debtor's finances were abnormal), and the provision that follows the tier. Risk is
 * grouped on the loan's risk obligor: {@code coalesce(risk_obligor_id, borrower_id)}.
 */
@Component
class ClassificationStore {

    /** The obligor whose payment repays a loan: the financing's risk obligor, else the borrower. */
    static final String OBLIGOR = "coalesce(risk_obligor_id, borrower_id)";

    /**
     * What classification needs of a loan beyond the public view: its risk obligor, the tier before its
     * last restructuring, whether a purpose breach was recorded and whether it renewed a loan while the
     * debtor's finances were abnormal.
     */
    record Facts(long obligorId, Tier tierBeforeRestructure, boolean purposeBreach, boolean renewedWhileAbnormal) {
    }

    private final JdbcClient jdbc;

    ClassificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a change of tier with the rule that made it and why. */
    void record(long loanId, LocalDate date, Tier from, Tier to, String rule, String reason, String actor) {
        jdbc.sql("""
                        INSERT INTO loan_classification (loan_id, business_date, from_tier, to_tier, rule, reason, actor)
                        VALUES (:l, :d, :f, :t, :r, :why, :a)""")
                .param("l", loanId).param("d", date).param("f", from.name()).param("t", to.name())
                .param("r", rule).param("why", reason).param("a", actor).update();
    }

    /** {@link #record} for many loans in one statement. */
    void recordAll(List<Servicer.Change> changes, LocalDate date, String actor) {
        if (changes.isEmpty()) {
            return;
        }
        int n = changes.size();
        Long[] ids = new Long[n];
        String[] from = new String[n];
        String[] to = new String[n];
        String[] rule = new String[n];
        String[] reason = new String[n];
        for (int i = 0; i < n; i++) {
            Servicer.Change c = changes.get(i);
            ids[i] = c.loan().id();
            from[i] = c.loan().tier().name();
            to[i] = c.to().name();
            rule[i] = c.rule();
            reason[i] = c.reason();
        }
        jdbc.sql("""
                        INSERT INTO loan_classification (loan_id, business_date, from_tier, to_tier, rule, reason, actor)
                        SELECT l, :d, f, t, r, w, :a FROM unnest(CAST(:l AS bigint[]), CAST(:f AS text[]), CAST(:t AS text[]),
                          CAST(:r AS text[]), CAST(:w AS text[])) AS u(l, f, t, r, w)""")
                .param("d", date).param("a", actor).param("l", ids).param("f", from).param("t", to).param("r", rule)
                .param("w", reason).update();
    }

    /** Writes new tiers and provisions, and marks the loans classified on the date, in one statement. */
    void tiersAndProvisions(List<Servicer.Change> changes, LocalDate date) {
        int n = changes.size();
        Long[] ids = new Long[n];
        String[] tiers = new String[n];
        String[] provisions = new String[n];
        for (int i = 0; i < n; i++) {
            Servicer.Change c = changes.get(i);
            ids[i] = c.loan().id();
            tiers[i] = c.to().name();
            provisions[i] = c.provision().toPlainString();
        }
        jdbc.sql("""
                        UPDATE loan SET tier = v.t, provision = v.p, classified_on = :d, version = version + 1
                        FROM unnest(CAST(:l AS bigint[]), CAST(:t AS text[]), CAST(:p AS numeric[])) AS v(id, t, p)
                        WHERE loan.id = v.id""")
                .param("d", date).param("l", ids).param("t", tiers).param("p", provisions).update();
    }

    /** Records the tier a restructuring leaves the loan in. */
    void recordRestructured(long loanId, LocalDate date, Tier from, Tier to, String reason, String actor) {
        jdbc.sql("""
                        INSERT INTO loan_classification (loan_id, business_date, from_tier, to_tier, rule, reason, actor)
                        VALUES (:l, :d, :f, :t, 'restructured', :r, :a)""")
                .param("l", loanId).param("d", date).param("f", from.name()).param("t", to.name())
                .param("r", reason).param("a", actor).update();
    }

    /** Records a write-off, in the tier the loan was written off in. */
    void recordWriteOff(long loanId, LocalDate date, Tier tier, String reason, String actor) {
        jdbc.sql("""
                        INSERT INTO loan_classification (loan_id, business_date, from_tier, to_tier, rule, reason, actor)
                        VALUES (:l, :d, :f, :f, 'write-off', :r, :a)""")
                .param("l", loanId).param("d", date).param("f", tier.name()).param("r", reason)
                .param("a", actor).update();
    }

    /** Moves the loan to {@code tier}. */
    void tier(long id, Tier tier) {
        jdbc.sql("UPDATE loan SET tier = :t, version = version + 1 WHERE id = :id")
                .param("t", tier.name()).param("id", id).update();
    }

    /** Records the loan as classified on {@code date}. */
    void classifiedOn(long id, LocalDate date) {
        jdbc.sql("UPDATE loan SET classified_on = :d WHERE id = :id").param("d", date).param("id", id).update();
    }

    /** Records the loans as classified on {@code date}. */
    void classifiedOn(Long[] ids, LocalDate date) {
        jdbc.sql("UPDATE loan SET classified_on = :d WHERE id = ANY(:ids)")
                .param("d", date).param("ids", ids).update();
    }

    /** Stops accruing into income: the recognised receivable moves to memo. */
    void toNonAccrual(long id) {
        jdbc.sql("""
                        UPDATE loan SET non_accrual = TRUE, memo_receivable = memo_receivable + receivable,
                            receivable = 0, version = version + 1 WHERE id = :id""")
                .param("id", id).update();
    }

    /** Accrues into income again. */
    void backToAccrual(long id) {
        jdbc.sql("UPDATE loan SET non_accrual = FALSE, version = version + 1 WHERE id = :id").param("id", id).update();
    }

    /** Sets the loan's provision. */
    void provision(long id, BigDecimal provision) {
        jdbc.sql("UPDATE loan SET provision = :p, version = version + 1 WHERE id = :id")
                .param("p", provision).param("id", id).update();
    }

    /** Starts a restructured loan's observation period again, from {@code from} to {@code end}. */
    void restartObservation(long id, LocalDate from, LocalDate end) {
        jdbc.sql("UPDATE loan SET observation_from = :f, observation_end = :e WHERE id = :id")
                .param("f", from).param("e", end).param("id", id).update();
    }

    /** Sets the manual floor on the loan's tier; null lifts it. */
    void floor(long id, Tier floor) {
        jdbc.sql("UPDATE loan SET manual_floor = :f, version = version + 1 WHERE id = :id")
                .param("f", floor == null ? null : floor.name()).param("id", id).update();
    }

    /** Whether the loan's risk obligor has another active non-performing loan at the institution. */
    boolean otherNonPerforming(long loanId) {
        return jdbc.sql("""
                        SELECT count(*) FROM loan o JOIN loan l ON l.id = :id
                        WHERE coalesce(o.risk_obligor_id, o.borrower_id) = coalesce(l.risk_obligor_id, l.borrower_id)
                          AND o.institution_id = l.institution_id AND o.id <> l.id
                          AND o.status = 'ACTIVE' AND o.tier IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')""")
                .param("id", loanId).query(Long.class).single() > 0;
    }

    /** The classification facts of the loans, by id. */
    Map<Long, Facts> facts(Long[] ids) {
        Map<Long, Facts> out = new HashMap<>();
        jdbc.sql("SELECT id, " + OBLIGOR + """
                        , tier_before_restructure, EXISTS (SELECT 1 FROM loan_purpose_breach b WHERE b.loan_id = loan.id),
                               renewed_while_abnormal
                        FROM loan WHERE id = ANY(:ids)""")
                .param("ids", ids)
                .query((rs, i) -> out.put(rs.getLong(1), new Facts(rs.getLong(2),
                        rs.getString(3) == null ? null : Tier.valueOf(rs.getString(3)), rs.getBoolean(4), rs.getBoolean(5))))
                .list();
        return out;
    }

    /** The classification facts of one loan. */
    Facts facts(long id) {
        return facts(new Long[] {id}).get(id);
    }

    /** Records the tier the loan was in before a restructuring: its floor during the observation period. */
    void tierBeforeRestructure(long id, Tier tier) {
        jdbc.sql("UPDATE loan SET tier_before_restructure = :t WHERE id = :id").param("t", tier.name()).param("id", id)
                .update();
    }

    /** Marks a loan as a renewal made while the debtor's finances were abnormal. */
    void renewedWhileAbnormal(long id) {
        jdbc.sql("UPDATE loan SET renewed_while_abnormal = TRUE WHERE id = :id").param("id", id).update();
    }

    /** Records an unauthorised change of the loan's purpose; returns its id. */
    long purposeBreach(long loanId, LocalDate date, String reason, String actor) {
        return jdbc.sql("""
                        INSERT INTO loan_purpose_breach (loan_id, business_date, reason, actor)
                        VALUES (:l, :d, :r, :a) RETURNING id""")
                .param("l", loanId).param("d", date).param("r", reason).param("a", actor).query(Long.class).single();
    }
}
