package cn.chanrong.enterprise;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The public facts about an enterprise that product eligibility rules may use, as of the business
 * date: profile figures, derived size class and age, and its status with verified and declared apart
 * ({@link cn.chanrong.enterprise.domain.StatusRules}): {@code declaredChainTags} every chain tag it gave
 * (key chains, emerging and future industries alike), {@code verifiedKeyChains} those of the eight key
 * chains of measure (一) a verified key-chain list confirms, {@code verifiedQualifications} the statuses
 * a list or a regulator's confirmation holds that day, {@code declaredQualifications} those only the
 * enterprise says it holds. Only verified status buys anything. {@code mainProducts} are the products the
 * enterprise names, which restricted-industry catalogues are matched against.
 */
public record EnterpriseFacts(long enterpriseId, int employees, BigDecimal annualRevenue, int ageYears,
                              String sizeClass, String growthStage, String regionCode, String industryCode,
                              String ownership, Set<String> declaredChainTags, Set<String> verifiedKeyChains,
                              Set<String> verifiedQualifications, Set<String> declaredQualifications,
                              List<String> mainProducts) {

    public EnterpriseFacts {
        mainProducts = mainProducts == null ? List.of() : List.copyOf(mainProducts);
    }

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
        m.put("declaredChainTags", List.copyOf(declaredChainTags));
        m.put("verifiedKeyChains", List.copyOf(verifiedKeyChains));
        m.put("verifiedQualifications", List.copyOf(verifiedQualifications));
        m.put("declaredQualifications", List.copyOf(declaredQualifications));
        return m;
    }
}
