package cn.chanrong.warning.internal;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.identity.Role;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.warning.domain.Contagion;
import cn.chanrong.warning.domain.ScenarioKind;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of stress scenarios. Scenarios: an institution its own and the regulators'; a regulator the regulators' that are
 * national or of its region. Results read the book when asked, in scope: the exposures (customer data) the institution
 * its own, the financial regulators those tied to firms of their region; the firms stressed every regulator of their
 * region.
 */
@Repository
class ScenarioStore {

    /** Exposures: the lending institution; the financial regulators where the stressed firm is registered. */
    static final ReadScope EXPOSURES = ReadScope.customerData().institution("x.institution_id")
            .regionOfEnterprise("x.enterprise_id");
    /** Firms stressed: every regulator where the firm is registered (an institution reads only its exposures). */
    static final ReadScope FIRMS = ReadScope.regulated().regionOfEnterprise("sf.enterprise_id");

    private static final String COLUMNS = """
            SELECT s.id, s.kind, s.title, s.enterprise_id, e.name, s.industry_code, s.region_code, s.shock_percent,
                   s.threshold_percent, s.max_depth, s.run_on, s.run_by, s.institution_id, s.shocked, s.stressed, s.rounds
              FROM warning_scenario s LEFT JOIN enterprise_party_view e ON e.id = s.enterprise_id""";

    /**
     * Loans outstanding tied to a stressed firm: on their risk obligor, or else on their borrower when the obligor is
     * not stressed; one row per loan, with the firm's impact, depth, channel and path.
     */
    private static final String HITS = """
            (SELECT f.loan_id, f.institution_id, f.borrower_id, f.obligor_id, f.principal_outstanding AS balance,
                    sf.enterprise_id, TRUE AS on_obligor, sf.impact, sf.depth, sf.channel, sf.path
               FROM warning_scenario_firm sf JOIN loan_fact_view f ON f.obligor_id = sf.enterprise_id
              WHERE sf.scenario_id = :id AND f.principal_outstanding > 0
             UNION ALL
             SELECT f.loan_id, f.institution_id, f.borrower_id, f.obligor_id, f.principal_outstanding, sf.enterprise_id,
                    FALSE, sf.impact, sf.depth, sf.channel, sf.path
               FROM warning_scenario_firm sf JOIN loan_fact_view f ON f.borrower_id = sf.enterprise_id
              WHERE sf.scenario_id = :id AND f.principal_outstanding > 0 AND f.obligor_id <> f.borrower_id
                AND NOT EXISTS (SELECT 1 FROM warning_scenario_firm o WHERE o.scenario_id = :id
                                                                        AND o.enterprise_id = f.obligor_id)) x""";

    private final JdbcClient jdbc;

    ScenarioStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String number(long id, LocalDate runOn) {
        return "ST" + runOn.getYear() + String.format("%06d", id);
    }

    /** Which scenarios the caller sees (alias s). */
    private static String visible(Caller caller, Map<String, Object> p) {
        return switch (caller.role()) {
            case ADMIN -> "TRUE";
            case ENTERPRISE -> "FALSE";
            case INSTITUTION -> {
                p.put("inst", caller.institutionId() == null ? -1L : caller.institutionId());
                yield "(s.institution_id IS NULL OR s.institution_id = :inst)";
            }
            case REGULATOR -> {
                String prefix = caller.regionPrefix();
                if (prefix == null) {
                    yield "s.institution_id IS NULL";
                }
                p.put("sregion", prefix + "%");
                yield "(s.institution_id IS NULL AND (s.scope_region IS NULL OR s.scope_region LIKE :sregion))";
            }
        };
    }

    /** The loan's risk obligor, or its borrower when it has none. */
    long obligorOf(long loanId) {
        return jdbc.sql("SELECT coalesce(risk_obligor_id, borrower_id) FROM loan_party_view WHERE loan_id = :l")
                .param("l", loanId).query(Long.class).single();
    }

    /** Whether distress at the firm stresses another firm at the threshold in one step. */
    boolean hasDependents(long firm, double threshold) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM warning_contagion_edge WHERE source = :f AND weight >= :t)")
                .param("f", firm).param("t", threshold).query(Boolean.class).single();
    }

    boolean ranAutomatically(long firm, String runner, LocalDate since) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM warning_scenario WHERE enterprise_id = :f AND run_by = :r"
                        + " AND run_on >= :since)")
                .param("f", firm).param("r", runner).param("since", since).query(Boolean.class).single();
    }

    record Firm(String name, String creditCode) {
    }

    Firm enterprise(long id) {
        return jdbc.sql("SELECT name, credit_code FROM enterprise_party_view WHERE id = :id").param("id", id)
                .query((rs, i) -> new Firm(rs.getString(1), rs.getString(2))).single();
    }

    /** Ids of the enterprises whose industry code starts with {@code industry}, or region code with {@code region}. */
    long[] members(String industry, String region) {
        String where = industry != null ? "industry_code LIKE :p" : "region_code LIKE :p";
        return jdbc.sql("SELECT id FROM enterprise_party_view WHERE " + where + " ORDER BY id")
                .param("p", (industry != null ? industry : region) + "%").query(Long.class).list().stream()
                .mapToLong(Long::longValue).toArray();
    }

    long count(String industry, String region) {
        String where = industry != null ? "industry_code LIKE :p" : "region_code LIKE :p";
        return jdbc.sql("SELECT count(*) FROM enterprise_party_view WHERE " + where)
                .param("p", (industry != null ? industry : region) + "%").query(Long.class).single();
    }

    /** The contagion edges leaving these firms (docs/WARNING.md §3), in a stable order. */
    List<Contagion.Edge> edges(long[] firms) {
        return jdbc.sql("""
                        SELECT source, target, weight, channel FROM warning_contagion_edge
                         WHERE source = ANY(:ids) AND weight > 0 ORDER BY source, target""")
                .param("ids", Arrays.stream(firms).boxed().toArray(Long[]::new))
                .query((rs, i) -> new Contagion.Edge(rs.getLong(1), rs.getLong(2), rs.getDouble(3),
                        Contagion.Channel.valueOf(rs.getString(4))))
                .list();
    }

    /**
     * The rule as one recursive query: every path from a shocked firm that stays at or above the threshold, visits no
     * firm twice and takes at most {@code maxDepth} steps; per firm the greatest impact, then the fewest steps.
     */
    Map<Long, Contagion.Hit> walk(Map<Long, Double> shocks, double threshold, int maxDepth) {
        Map<Long, Contagion.Hit> hits = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        WITH RECURSIVE walk (firm, impact, depth, path) AS (
                          SELECT s.id, s.impact, 0, ARRAY[s.id]
                            FROM unnest(CAST(:ids AS bigint[]), CAST(:imp AS float8[])) AS s(id, impact)
                          UNION ALL
                          SELECT e.target, w.impact * e.weight, w.depth + 1, w.path || e.target
                            FROM walk w JOIN warning_contagion_edge e ON e.source = w.firm
                           WHERE w.depth < :d AND w.impact >= :t AND w.impact * e.weight >= :t AND e.target <> ALL (w.path))
                        SELECT DISTINCT ON (firm) firm, impact, depth FROM walk ORDER BY firm, impact DESC, depth""")
                .param("ids", shocks.keySet().toArray(Long[]::new))
                .param("imp", shocks.values().toArray(Double[]::new)).param("d", maxDepth).param("t", threshold)
                .query((rs, i) -> hits.put(rs.getLong(1), new Contagion.Hit(rs.getLong(1), rs.getDouble(2), rs.getInt(3),
                        new long[0], null)))
                .list();
        return hits;
    }

    record Insert(ScenarioKind kind, String title, Long enterpriseId, String industryCode, String regionCode,
                  BigDecimal shock, BigDecimal threshold, int maxDepth, LocalDate on, Caller caller, int shocked,
                  int stressed, int rounds) {
    }

    long insert(Insert s) {
        Caller c = s.caller();
        return jdbc.sql("""
                        INSERT INTO warning_scenario (kind, title, enterprise_id, industry_code, region_code, shock_percent,
                            threshold_percent, max_depth, run_on, run_by, institution_id, department, scope_region, shocked,
                            stressed, rounds)
                        VALUES (:k, :t, :e, :ind, :reg, :shock, :th, :d, :on, :by, :inst, :dept, :scope, :shocked, :stressed,
                                :rounds) RETURNING id""")
                .param("k", s.kind().name()).param("t", s.title()).param("e", s.enterpriseId())
                .param("ind", s.industryCode()).param("reg", s.regionCode()).param("shock", s.shock())
                .param("th", s.threshold()).param("d", s.maxDepth()).param("on", s.on()).param("by", c.username())
                .param("inst", c.is(Role.INSTITUTION) ? c.institutionId() : null)
                .param("dept", c.is(Role.REGULATOR) ? c.department() : null)
                .param("scope", c.is(Role.REGULATOR) ? c.regionCode() : null).param("shocked", s.shocked())
                .param("stressed", s.stressed()).param("rounds", s.rounds())
                .query(Long.class).single();
    }

    /** The firms of a run, 5,000 to a statement. */
    void insertFirms(long scenarioId, Collection<Contagion.Hit> hits) {
        List<Contagion.Hit> all = new ArrayList<>(hits);
        for (int from = 0; from < all.size(); from += 5000) {
            List<Contagion.Hit> part = all.subList(from, Math.min(all.size(), from + 5000));
            jdbc.sql("""
                            INSERT INTO warning_scenario_firm (scenario_id, enterprise_id, impact, depth, channel, path)
                            SELECT :s, e, i, d, c, CAST(p AS bigint[])
                              FROM unnest(CAST(:e AS bigint[]), CAST(:i AS float8[]), CAST(:d AS int[]), CAST(:c AS text[]),
                                          CAST(:p AS text[])) AS u(e, i, d, c, p)""")
                    .param("s", scenarioId)
                    .param("e", part.stream().map(Contagion.Hit::firm).toArray(Long[]::new))
                    .param("i", part.stream().map(Contagion.Hit::impact).toArray(Double[]::new))
                    .param("d", part.stream().map(Contagion.Hit::depth).toArray(Integer[]::new))
                    .param("c", part.stream().map(h -> h.channel() == null ? null : h.channel().name()).toArray(String[]::new))
                    .param("p", part.stream().map(h -> Arrays.stream(h.path()).mapToObj(Long::toString)
                            .collect(Collectors.joining(",", "{", "}"))).toArray(String[]::new))
                    .update();
        }
    }

    record Row(long id, ScenarioKind kind, String title, Long enterpriseId, String enterpriseName, String industryCode,
               String regionCode, BigDecimal shock, BigDecimal threshold, int maxDepth, LocalDate runOn, String runBy,
               Long institutionId, int shocked, int stressed, int rounds) {
    }

    Page<Row> scenarios(Caller caller, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        String w = visible(caller, p);
        List<Row> items = jdbc.sql(COLUMNS + " WHERE " + w + " ORDER BY s.run_on DESC, s.id DESC LIMIT :limit OFFSET :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset()).query(ScenarioStore::row).list();
        long total = jdbc.sql("SELECT count(*) FROM warning_scenario s WHERE " + w).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    Optional<Row> scenario(Caller caller, long id) {
        Map<String, Object> p = new HashMap<>();
        return jdbc.sql(COLUMNS + " WHERE s.id = :id AND " + visible(caller, p)).params(p).param("id", id)
                .query(ScenarioStore::row).optional();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), ScenarioKind.valueOf(rs.getString(2)), rs.getString(3), (Long) rs.getObject(4, Long.class),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getInt(10),
                rs.getObject(11, LocalDate.class), rs.getString(12), (Long) rs.getObject(13, Long.class), rs.getInt(14),
                rs.getInt(15), rs.getInt(16));
    }

    /** A breakdown's raw row: key, firms, loans, principal, weighted principal. */
    record Sum(String key, long firms, long loans, BigDecimal balance, BigDecimal weighted) {
    }

    /** Which column groups a breakdown: the institution, the stressed firm's province, or its chain tags. */
    enum By { INSTITUTION, REGION, CHAIN }

    /** The exposures in the caller's scope summed by institution, province of the stressed firm or its chain tags. */
    List<Sum> exposureSums(Caller caller, long id, By by) {
        Map<String, Object> p = new HashMap<>();
        String w = EXPOSURES.where(caller, p);
        String key = switch (by) {
            case INSTITUTION -> "CAST(x.institution_id AS text)";
            case REGION -> "left(e.region_code, 2) || '0000'";
            case CHAIN -> "t.tag";
        };
        String join = switch (by) {
            case INSTITUTION -> "";
            case REGION -> " JOIN enterprise_party_view e ON e.id = x.enterprise_id";
            case CHAIN -> " JOIN enterprise_chain_tag_view t ON t.enterprise_id = x.enterprise_id";
        };
        return jdbc.sql("SELECT " + key + ", count(DISTINCT x.enterprise_id), count(*), sum(x.balance),"
                        + " round(sum(x.balance * CAST(x.impact AS numeric)), 2) FROM " + HITS + join + " WHERE " + w
                        + " GROUP BY 1 ORDER BY 4 DESC, 1")
                .params(p).param("id", id)
                .query((rs, i) -> new Sum(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5)))
                .list();
    }

    /** The firms stressed in a regulator's region, by province or by chain tag. */
    List<Sum> firmSums(Caller caller, long id, By by) {
        Map<String, Object> p = new HashMap<>();
        String w = FIRMS.where(caller, p);
        String sql = by == By.CHAIN
                ? "SELECT t.tag, count(*) FROM warning_scenario_firm sf JOIN enterprise_chain_tag_view t"
                        + " ON t.enterprise_id = sf.enterprise_id WHERE sf.scenario_id = :id AND " + w + " GROUP BY 1"
                : "SELECT left(e.region_code, 2) || '0000', count(*) FROM warning_scenario_firm sf JOIN enterprise_party_view e"
                        + " ON e.id = sf.enterprise_id WHERE sf.scenario_id = :id AND " + w + " GROUP BY 1";
        return jdbc.sql(sql + " ORDER BY 2 DESC, 1").params(p).param("id", id)
                .query((rs, i) -> new Sum(rs.getString(1), rs.getLong(2), 0, null, null)).list();
    }

    record ExposureRow(long loanId, String loanNumber, long institutionId, String institutionName, long borrowerId, String borrowerName,
                       long obligorId, String obligorName, boolean onObligor, BigDecimal balance, double impact, int depth,
                       String channel, long[] path) {
    }

    Page<ExposureRow> exposures(Caller caller, long id, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        String w = EXPOSURES.where(caller, p);
        List<ExposureRow> items = jdbc.sql("""
                        SELECT x.loan_id, lp.number, x.institution_id, i.name, x.borrower_id, b.name, x.obligor_id, o.name, x.on_obligor,
                               x.balance, x.impact, x.depth, x.channel, x.path
                          FROM """ + " " + HITS + """
                          JOIN loan_party_view lp ON lp.loan_id = x.loan_id
                          JOIN institution_party_view i ON i.id = x.institution_id
                          JOIN enterprise_party_view b ON b.id = x.borrower_id
                          JOIN enterprise_party_view o ON o.id = x.obligor_id
                         WHERE """ + " " + w + " ORDER BY x.depth, x.impact DESC, x.loan_id LIMIT :limit OFFSET :offset")
                .params(p).param("id", id).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new ExposureRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6), rs.getLong(7), rs.getString(8), rs.getBoolean(9), rs.getBigDecimal(10), rs.getDouble(11),
                        rs.getInt(12), rs.getString(13), longs(rs.getArray(14))))
                .list();
        long total = jdbc.sql("SELECT count(*) FROM " + HITS + " WHERE " + w).params(p).param("id", id)
                .query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static long[] longs(java.sql.Array a) throws SQLException {
        Object[] values = (Object[]) a.getArray();
        long[] out = new long[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = ((Number) values[k]).longValue();
        }
        return out;
    }

    /** Names of enterprises and institutions by id, for paths and breakdowns. */
    Map<Long, String> enterpriseNames(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        jdbc.sql("SELECT id, name FROM enterprise_party_view WHERE id = ANY(:ids)").param("ids", ids.toArray(Long[]::new))
                .query((rs, i) -> names.put(rs.getLong(1), rs.getString(2))).list();
        return names;
    }

    Map<Long, String> institutionNames(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        jdbc.sql("SELECT id, name FROM institution_party_view WHERE id = ANY(:ids)").param("ids", ids.toArray(Long[]::new))
                .query((rs, i) -> names.put(rs.getLong(1), rs.getString(2))).list();
        return names;
    }
}
