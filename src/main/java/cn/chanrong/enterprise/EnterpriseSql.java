package cn.chanrong.enterprise;

import cn.chanrong.enterprise.domain.GrowthStage;
import cn.chanrong.enterprise.domain.SizeStandard;

/**
 * The size class and growth stage as SQL expressions, generated from the same table and rule the
 * Java code uses, so the directory — and statistics, over the published {@code enterprise_fact_view}
 * aliased {@code e} — can filter on derived values without storing them.
 */
public final class EnterpriseSql {

    private EnterpriseSql() {
    }

    public static final String SIZE = size();

    /** Growth stage on the business date bound as {@code :today}. */
    public static final String STAGE = "CASE WHEN date_part('year', age(CAST(:today AS date), e.founding_date)) < "
            + GrowthStage.STARTUP_YEARS + " THEN 'STARTUP' WHEN date_part('year', age(CAST(:today AS date), e.founding_date)) < "
            + GrowthStage.GROWTH_YEARS + " AND (" + SIZE + ") <> 'LARGE' THEN 'GROWTH' ELSE 'MATURE' END";

    private static String size() {
        StringBuilder sql = new StringBuilder("CASE");
        for (SizeStandard s : SizeStandard.TABLE) {
            String match = s.industryPrefixes().stream()
                    .map(p -> p.isEmpty() ? "TRUE" : "e.industry_code LIKE '" + p + "%'")
                    .reduce((a, b) -> a + " OR " + b).orElse("TRUE");
            sql.append(" WHEN ").append(match).append(" THEN CASE")
                    .append(tier(s.largeEmployees(), s.largeRevenueYuan(), "LARGE"))
                    .append(tier(s.mediumEmployees(), s.mediumRevenueYuan(), "MEDIUM"))
                    .append(tier(s.smallEmployees(), s.smallRevenueYuan(), "SMALL"))
                    .append(" ELSE 'MICRO' END");
        }
        return sql.append(" END").toString();
    }

    private static String tier(int employees, long revenue, String name) {
        return " WHEN e.employees >= " + employees + " AND e.annual_revenue >= " + revenue + " THEN '" + name + "'";
    }
}
