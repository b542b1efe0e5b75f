package cn.chanrong.enterprise;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The public facts about an enterprise that product eligibility rules may use, as of the business
 * date: profile figures, derived size class and age, chain tags and the qualifications valid today.
 */
public record EnterpriseFacts(long enterpriseId, int employees, BigDecimal annualRevenue, int ageYears,
                              String sizeClass, String growthStage, String regionCode, String industryCode,
                              String ownership, Set<String> chainTags, Set<String> qualifications) {

    /** The variable {@code e} of an eligibility expression. */
    public Map<String, Object> asCelMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("employees", (long) employees);
        m.put("annualRevenue", annualRevenue.doubleValue());
        m.put("ageYears", (long) ageYears);
        m.put("sizeClass", sizeClass);
        m.put("growthStage", growthStage);
        m.put("regionCode", regionCode);
        m.put("industryCode", industryCode);
        m.put("ownership", ownership);
        m.put("chainTags", List.copyOf(chainTags));
        m.put("qualifications", List.copyOf(qualifications));
        return m;
    }
}
