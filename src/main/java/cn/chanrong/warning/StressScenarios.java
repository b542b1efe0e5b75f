package cn.chanrong.warning;

import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.warning.domain.Contagion;
import cn.chanrong.warning.domain.ScenarioKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Contagion through the chain and stress scenarios (issue 20 §3, docs/WARNING.md §3): a named enterprise's default, a
 * sector shock or a region shock propagated over supply relationships, claims held, guarantees and groups; the firms
 * stressed and, on the book as it stands when read, the exposures tied to them — by institution, chain and region, and
 * each with the path that reached it. A regulator's scenario is shared: each institution sees its own exposures, the
 * financial regulators the amounts in their region, the industry departments the firms without amounts. An
 * institution's own scenario is its alone.
 */
public interface StressScenarios {

    /** Settings of the rule when a run does not name them. */
    BigDecimal DEFAULT_THRESHOLD_PERCENT = new BigDecimal("10");
    int DEFAULT_MAX_DEPTH = 6;

    record Run(ScenarioKind kind, String title, String creditCode, String industryCode, String regionCode,
               BigDecimal shockPercent, BigDecimal thresholdPercent, Integer maxDepth) {
    }

    record Scenario(long id, String number, ScenarioKind kind, String title, Long enterpriseId, String enterpriseName,
                    String industryCode, String industryName, String regionCode, String regionName, BigDecimal shockPercent,
                    BigDecimal thresholdPercent, int maxDepth, LocalDate runOn, String runBy, Long institutionId,
                    int shocked, int stressed, int rounds) {
    }

    /**
     * One row of a breakdown: the firms stressed in the caller's view, the loans outstanding tied to them, their
     * principal and the principal weighted by each firm's impact (null when the caller sees no amounts).
     */
    record Figure(String key, String name, long firms, Long loans, BigDecimal balance, BigDecimal weightedBalance) {
    }

    record Results(Scenario scenario, boolean amounts, List<Figure> byInstitution, List<Figure> byChain,
                   List<Figure> byRegion) {
    }

    record Step(long enterpriseId, String name) {
    }

    /**
     * A loan outstanding tied to a stressed firm — its risk obligor, or else its borrower — with that firm's impact (per
     * cent of revenue at risk), the steps from the shock and the way there, the shocked firm first.
     */
    record Exposure(long loanId, String loanNumber, long institutionId, String institutionName, long borrowerId, String borrowerName,
                    long obligorId, String obligorName, boolean onObligor, BigDecimal balance, BigDecimal impactPercent,
                    int depth, Contagion.Channel channel, List<Step> path) {
    }

    Scenario run(Caller caller, Run run);

    /** The contagion rule over the platform's graph, read round by round, keeping nothing (benchmarks and checks). */
    Contagion.Result propagate(java.util.Map<Long, Double> shocks, double threshold, int maxDepth);

    /**
     * The same rule as one recursive SQL query over every path (docs/WARNING.md §3): each firm's greatest impact and the
     * fewest steps reaching it — the benchmark's side-by-side and the check that both agree. Paths are not returned.
     */
    java.util.Map<Long, Contagion.Hit> propagateInSql(java.util.Map<Long, Double> shocks, double threshold, int maxDepth);

    Page<Scenario> scenarios(Caller caller, PageRequest page);

    Results results(Caller caller, long id);

    Page<Exposure> exposures(Caller caller, long id, PageRequest page);
}
