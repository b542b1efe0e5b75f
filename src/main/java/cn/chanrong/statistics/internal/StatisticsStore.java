package cn.chanrong.statistics.internal;

import cn.chanrong.enterprise.EnterpriseSql;
import cn.chanrong.lending.CreditPlans;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The set-wise SQL that rebuilds {@code stat_figure} and {@code stat_plan} from the views other modules
 * publish ({@code enterprise_fact_view}, {@code loan_fact_view}, {@code loan_tag}, {@code loan_principal_movement},
 * {@code matching_need_view}, {@code matching_push_view}) and the chain tags statistics keeps from events, and
 * the {@code stat_refresh} row that says how fresh they are. Every figure follows its definition in
 * docs/STATISTICS.md. Runs inside {@link StatisticsRefresh}'s transaction.
 */
@Repository
class StatisticsStore {

    private final JdbcClient jdbc;

    StatisticsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The dimensions every enterprise-keyed row expands to; {@code x} is a row with the enterprise's attributes. */
    private static final String DIMS = """
            (VALUES ('TOTAL', 'ALL'), ('INDUSTRY', x.section), ('SIZE', x.size), ('STAGE', x.stage),
                    ('OWNERSHIP', x.ownership), ('PRODUCT_TYPE', x.ptype), ('TIER', x.tier)) AS d(dim, key)""";

    /** Takes the refresh row's lock: one rebuild at a time; an event marking the figures stale waits for it to commit. */
    void lockForRebuild() {
        jdbc.sql("SELECT id FROM stat_refresh WHERE id = 1 FOR UPDATE").query(Integer.class).single();
    }

    /**
     * Replaces every figure with those of the periods as of the date: balances (on the financed firm), exposure and
     * non-performing balances (on the risk obligor), disbursements, needs, signed amounts, registered enterprises
     * and the enterprises behind each cell.
     */
    void rebuildFigures(LocalDate asOf, List<StatisticsRefresh.Period> periods) {
        StringBuilder values = new StringBuilder();
        for (StatisticsRefresh.Period p : periods) {
            values.append(values.isEmpty() ? "" : ", ").append("('").append(p.name()).append("', DATE '")
                    .append(p.start()).append("', DATE '").append(p.end()).append("', DATE '").append(p.lyStart())
                    .append("', DATE '").append(p.lyEnd()).append("')");
        }
        jdbc.sql("CREATE TEMP TABLE st_period ON COMMIT DROP AS SELECT * FROM (VALUES " + values
                + ") AS v(period, p_start, p_end, ly_start, ly_end)").update();
        jdbc.sql("CREATE TEMP TABLE st_ent ON COMMIT DROP AS SELECT e.id, left(e.region_code, 2) AS province,"
                + " left(e.industry_code, 1) AS section, (" + EnterpriseSql.SIZE + ") AS size, (" + EnterpriseSql.STAGE
                + ") AS stage, e.ownership, coalesce((SELECT array_agg(c.tag ORDER BY c.tag) FROM stat_enterprise_chain c"
                + " WHERE c.enterprise_id = e.id), '{}') AS chains FROM enterprise_fact_view e")
                .param("today", asOf).update();
        jdbc.sql("""
                CREATE TEMP TABLE st_loan ON COMMIT DROP AS
                SELECT f.loan_id, f.borrower_id, f.obligor_id, f.principal, f.disbursed_on,
                       coalesce(f.product_type, 'NONE') AS ptype, f.tier, f.junior, t.manufacturing, t.medium_long_term,
                       t.unsecured, t.first_loan
                FROM loan_fact_view f JOIN loan_tag t ON t.loan_id = f.loan_id""").update();
        jdbc.sql("ANALYZE st_ent").update();
        jdbc.sql("ANALYZE st_loan").update();
        jdbc.sql("DELETE FROM stat_figure").update();

        // balances: principal movements by month and the financed firm's attributes, then by dimension, then summed
        // to each period's end (lending direction: the financed firm)
        jdbc.sql("""
                CREATE TEMP TABLE st_mchg ON COMMIT DROP AS
                WITH base AS (
                  SELECT date_trunc('month', m.value_date)::date AS month, e.province, e.section, e.size, e.stage, e.ownership,
                         l.ptype, l.tier, e.chains,
                         sum(m.change) AS change,
                         sum(m.change) FILTER (WHERE l.manufacturing) AS mfg,
                         sum(m.change) FILTER (WHERE l.medium_long_term) AS mlt,
                         sum(m.change) FILTER (WHERE l.unsecured) AS credit,
                         sum(m.change) FILTER (WHERE l.junior) AS junior
                  FROM loan_principal_movement m JOIN st_loan l ON l.loan_id = m.loan_id JOIN st_ent e ON e.id = l.borrower_id
                  WHERE m.value_date <= :asOf
                  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9)
                SELECT x.month, x.province, d.dim, d.key, sum(x.change) AS change, coalesce(sum(x.mfg), 0) AS mfg,
                       coalesce(sum(x.mlt), 0) AS mlt, coalesce(sum(x.credit), 0) AS credit,
                       coalesce(sum(x.junior), 0) AS junior
                FROM base x CROSS JOIN LATERAL """ + DIMS + """

                GROUP BY 1, 2, 3, 4
                UNION ALL
                SELECT x.month, x.province, 'CHAIN', c.tag, sum(x.change), coalesce(sum(x.mfg), 0), coalesce(sum(x.mlt), 0),
                       coalesce(sum(x.credit), 0), coalesce(sum(x.junior), 0)
                FROM base x CROSS JOIN LATERAL unnest(x.chains) AS c(tag)
                GROUP BY 1, 2, 3, 4""").param("asOf", asOf).update();
        jdbc.sql("""
                INSERT INTO stat_figure (period, province, dim, key, balance, mfg_balance, mlt_balance, credit_balance,
                                         junior_balance)
                SELECT p.period, c.province, c.dim, c.key, sum(c.change), sum(c.mfg), sum(c.mlt), sum(c.credit), sum(c.junior)
                FROM st_period p JOIN st_mchg c ON c.month <= p.p_end
                WHERE c.dim <> 'TIER' OR p.period = 'YTD'
                GROUP BY 1, 2, 3, 4""").update();
        // exposure and non-performing balances: the same movements by the obligor's attributes (risk follows the
        // obligor who repays, FACTS §10); a financing is counted once, on its obligor
        jdbc.sql("""
                CREATE TEMP TABLE st_rchg ON COMMIT DROP AS
                WITH base AS (
                  SELECT date_trunc('month', m.value_date)::date AS month, e.province, e.section, e.size, e.stage, e.ownership,
                         l.ptype, l.tier, e.chains, sum(m.change) AS change
                  FROM loan_principal_movement m JOIN st_loan l ON l.loan_id = m.loan_id JOIN st_ent e ON e.id = l.obligor_id
                  WHERE m.value_date <= :asOf
                  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9)
                SELECT x.month, x.province, d.dim, d.key, sum(x.change) AS exposure,
                       coalesce(sum(x.change) FILTER (WHERE x.tier IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')), 0) AS npl
                FROM base x CROSS JOIN LATERAL """ + DIMS + """

                GROUP BY 1, 2, 3, 4
                UNION ALL
                SELECT x.month, x.province, 'CHAIN', c.tag, sum(x.change),
                       coalesce(sum(x.change) FILTER (WHERE x.tier IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')), 0)
                FROM base x CROSS JOIN LATERAL unnest(x.chains) AS c(tag)
                GROUP BY 1, 2, 3, 4""").param("asOf", asOf).update();
        jdbc.sql("""
                INSERT INTO stat_figure AS f (period, province, dim, key, exposure_balance, npl_balance)
                SELECT p.period, c.province, c.dim, c.key, sum(c.exposure),
                       CASE WHEN p.period = 'YTD' THEN sum(c.npl) ELSE 0 END
                FROM st_period p JOIN st_rchg c ON c.month <= p.p_end
                WHERE c.dim <> 'TIER' OR p.period = 'YTD'
                GROUP BY 1, 2, 3, 4
                ON CONFLICT (period, dim, key, province) DO UPDATE SET exposure_balance = excluded.exposure_balance,
                  npl_balance = excluded.npl_balance""").update();
        // the balance a year before each period's end, for year-on-year growth
        jdbc.sql("""
                INSERT INTO stat_figure AS f (period, province, dim, key, balance_ly)
                SELECT p.period, x.province, d.dim, d.key, sum(m.change)
                FROM st_period p
                JOIN loan_principal_movement m ON m.value_date <= p.ly_end
                JOIN st_loan l ON l.loan_id = m.loan_id
                JOIN (SELECT l2.loan_id, e.province, e.section, e.size, e.stage, e.ownership, l2.ptype, l2.tier
                      FROM st_loan l2 JOIN st_ent e ON e.id = l2.borrower_id) x ON x.loan_id = l.loan_id
                CROSS JOIN LATERAL """ + DIMS + """

                WHERE p.period = 'YTD' AND d.dim <> 'TIER'
                GROUP BY 1, 2, 3, 4
                ON CONFLICT (period, dim, key, province) DO UPDATE SET balance_ly = excluded.balance_ly""").update();

        // disbursements in each period (and a year earlier), beneficiaries and first-loan borrowers
        String disbursedFrom = """
                FROM st_period p JOIN st_loan l ON l.disbursed_on BETWEEN p.p_start AND p.p_end
                  OR l.disbursed_on BETWEEN p.ly_start AND p.ly_end
                JOIN st_ent e ON e.id = l.borrower_id""";
        String disbursedMetrics = """
                coalesce(sum(l.principal) FILTER (WHERE l.disbursed_on >= p.p_start), 0),
                count(*) FILTER (WHERE l.disbursed_on >= p.p_start),
                count(DISTINCT l.borrower_id) FILTER (WHERE l.disbursed_on >= p.p_start),
                count(DISTINCT l.borrower_id) FILTER (WHERE l.disbursed_on >= p.p_start AND l.first_loan),
                coalesce(sum(l.principal) FILTER (WHERE l.disbursed_on <= p.ly_end), 0)""";
        String disbursedUpsert = """
                ON CONFLICT (period, dim, key, province) DO UPDATE SET disbursed_amount = excluded.disbursed_amount,
                  disbursements = excluded.disbursements, beneficiaries = excluded.beneficiaries,
                  first_loan_borrowers = excluded.first_loan_borrowers, disbursed_ly = excluded.disbursed_ly""";
        jdbc.sql("""
                INSERT INTO stat_figure AS f (period, province, dim, key, disbursed_amount, disbursements, beneficiaries,
                                              first_loan_borrowers, disbursed_ly)
                SELECT p.period, e.province, 'TOTAL', 'ALL', """ + disbursedMetrics + disbursedFrom + """

                GROUP BY 1, 2
                UNION ALL
                SELECT p.period, e.province, 'INDUSTRY', e.section, """ + disbursedMetrics + disbursedFrom + """

                GROUP BY 1, 2, 4
                UNION ALL
                SELECT p.period, e.province, 'SIZE', e.size, """ + disbursedMetrics + disbursedFrom + """

                GROUP BY 1, 2, 4
                UNION ALL
                SELECT p.period, e.province, 'STAGE', e.stage, """ + disbursedMetrics + disbursedFrom + """

                GROUP BY 1, 2, 4
                UNION ALL
                SELECT p.period, e.province, 'OWNERSHIP', e.ownership, """ + disbursedMetrics + disbursedFrom + """

                GROUP BY 1, 2, 4
                UNION ALL
                SELECT p.period, e.province, 'PRODUCT_TYPE', l.ptype, """ + disbursedMetrics + disbursedFrom + """

                GROUP BY 1, 2, 4
                UNION ALL
                SELECT p.period, e.province, 'CHAIN', c.tag, """ + disbursedMetrics + disbursedFrom + """

                CROSS JOIN LATERAL unnest(e.chains) AS c(tag)
                GROUP BY 1, 2, 4
                """ + disbursedUpsert).update();

        // needs published, matched (at least one institution interested) and signed amounts from pushes
        jdbc.sql("""
                INSERT INTO stat_figure AS f (period, province, dim, key, needs, need_amount, matched_needs)
                SELECT p.period, x.province, d.dim, d.key, count(*), sum(n.amount), count(*) FILTER (WHERE n.has_interest)
                FROM st_period p JOIN matching_need_view n ON n.published_on BETWEEN p.p_start AND p.p_end
                JOIN (SELECT e.*, 'NONE' AS ptype, 'NONE' AS tier FROM st_ent e) x ON x.id = n.enterprise_id
                CROSS JOIN LATERAL """ + DIMS + """

                WHERE d.dim NOT IN ('PRODUCT_TYPE', 'TIER')
                GROUP BY 1, 2, 3, 4
                UNION ALL
                SELECT p.period, x.province, 'CHAIN', c.tag, count(*), sum(n.amount), count(*) FILTER (WHERE n.has_interest)
                FROM st_period p JOIN matching_need_view n ON n.published_on BETWEEN p.p_start AND p.p_end
                JOIN st_ent x ON x.id = n.enterprise_id CROSS JOIN LATERAL unnest(x.chains) AS c(tag)
                GROUP BY 1, 2, 3, 4
                ON CONFLICT (period, dim, key, province) DO UPDATE SET needs = excluded.needs,
                  need_amount = excluded.need_amount, matched_needs = excluded.matched_needs""").update();
        jdbc.sql("""
                INSERT INTO stat_figure AS f (period, province, dim, key, signed_amount)
                SELECT p.period, x.province, d.dim, d.key, sum(s.signed_amount)
                FROM st_period p JOIN matching_push_view s ON s.signed_on BETWEEN p.p_start AND p.p_end
                JOIN (SELECT e.*, 'NONE' AS ptype, 'NONE' AS tier FROM st_ent e) x ON x.id = s.enterprise_id
                CROSS JOIN LATERAL """ + DIMS + """

                WHERE d.dim NOT IN ('PRODUCT_TYPE', 'TIER')
                GROUP BY 1, 2, 3, 4
                UNION ALL
                SELECT p.period, x.province, 'CHAIN', c.tag, sum(s.signed_amount)
                FROM st_period p JOIN matching_push_view s ON s.signed_on BETWEEN p.p_start AND p.p_end
                JOIN st_ent x ON x.id = s.enterprise_id CROSS JOIN LATERAL unnest(x.chains) AS c(tag)
                GROUP BY 1, 2, 3, 4
                ON CONFLICT (period, dim, key, province) DO UPDATE SET signed_amount = excluded.signed_amount""").update();

        // registered enterprises (as of the refresh) and the enterprises behind each cell, for suppression
        jdbc.sql("""
                INSERT INTO stat_figure AS f (period, province, dim, key, enterprises)
                SELECT 'YTD', x.province, d.dim, d.key, count(*)
                FROM (SELECT e.*, 'NONE' AS ptype, 'NONE' AS tier FROM st_ent e) x CROSS JOIN LATERAL """ + DIMS + """

                WHERE d.dim NOT IN ('PRODUCT_TYPE', 'TIER')
                GROUP BY 1, 2, 3, 4
                UNION ALL
                SELECT 'YTD', x.province, 'CHAIN', c.tag, count(*) FROM st_ent x CROSS JOIN LATERAL unnest(x.chains) AS c(tag)
                GROUP BY 1, 2, 3, 4
                ON CONFLICT (period, dim, key, province) DO UPDATE SET enterprises = excluded.enterprises""").update();
        jdbc.sql("""
                WITH who AS (
                  SELECT p.period, l.borrower_id AS enterprise_id, l.ptype, l.tier
                  FROM st_period p JOIN st_loan l ON l.disbursed_on BETWEEN p.p_start AND p.p_end
                  UNION
                  SELECT 'YTD', f.borrower_id, coalesce(f.product_type, 'NONE'), f.tier
                  FROM loan_fact_view f WHERE f.principal_outstanding > 0
                  UNION
                  SELECT 'YTD', f.obligor_id, coalesce(f.product_type, 'NONE'), f.tier
                  FROM loan_fact_view f WHERE f.principal_outstanding > 0 AND f.obligor_id <> f.borrower_id
                  UNION
                  SELECT p.period, n.enterprise_id, 'NONE', 'NONE'
                  FROM st_period p JOIN matching_need_view n ON n.published_on BETWEEN p.p_start AND p.p_end),
                x AS (SELECT w.period, w.enterprise_id AS id, e.province, e.section, e.size, e.stage, e.ownership, e.chains,
                             w.ptype, w.tier FROM who w JOIN st_ent e ON e.id = w.enterprise_id)
                INSERT INTO stat_figure AS f (period, province, dim, key, contributors)
                SELECT x.period, x.province, d.dim, d.key, count(DISTINCT x.id) FROM x CROSS JOIN LATERAL """ + DIMS + """

                GROUP BY 1, 2, 3, 4
                UNION ALL
                SELECT x.period, x.province, 'CHAIN', c.tag, count(DISTINCT x.id) FROM x CROSS JOIN LATERAL unnest(x.chains) AS c(tag)
                GROUP BY 1, 2, 3, 4
                ON CONFLICT (period, dim, key, province) DO UPDATE SET contributors = excluded.contributors""").update();

    }

    void deletePlans() {
        jdbc.sql("DELETE FROM stat_plan").update();
    }

    /** Stores the copy of an institution's plan against its book that the dashboard reads. */
    void insertPlan(CreditPlans.Report rep) {
        jdbc.sql("""
                        INSERT INTO stat_plan (institution_id, institution_name, year, net_increase_target, net_increase,
                                               mlt_share_target, mlt_share, credit_share_target, credit_share)
                        VALUES (:i, :n, :y, :nt, :na, :mt, :ma, :ct, :ca)""")
                .param("i", rep.institutionId()).param("n", rep.institutionName()).param("y", rep.year())
                .param("nt", rep.plan().netIncreaseTarget()).param("na", rep.actual().netIncrease())
                .param("mt", rep.plan().mltShareTarget()).param("ma", rep.actual().mltShare())
                .param("ct", rep.plan().creditShareTarget()).param("ca", rep.actual().creditShare()).update();
    }

    /** Records the rebuild: its date, how long it took, the institutions and live products, and that it is fresh. */
    void markRefreshed(LocalDate asOf, long ms, int institutions, int products) {
        jdbc.sql("""
                UPDATE stat_refresh SET as_of = :asOf, refreshed_at = now(), millis = :ms, institutions = :i, products = :p,
                  dirty = FALSE WHERE id = 1""")
                .param("asOf", asOf).param("ms", ms).param("i", institutions)
                .param("p", products).update();
    }

    void markStale() {
        jdbc.sql("UPDATE stat_refresh SET dirty = TRUE WHERE id = 1 AND NOT dirty").update();
    }

    boolean stale() {
        return jdbc.sql("SELECT dirty FROM stat_refresh WHERE id = 1").query(Boolean.class).single();
    }
}
