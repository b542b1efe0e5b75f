package cn.chanrong.enterprise.web;

import cn.chanrong.enterprise.domain.ProfileRules;
import java.math.BigDecimal;
import java.util.List;

/**
 * The body of POST and PUT. {@code version} is read on PUT when no If-Match header is sent;
 * {@code creditCodeOverrideReason} lets an administrator accept a pilot code that fails its check.
 * The revenue is read by the strict JSON binding (plain decimal text or number, at most two decimals).
 * {@code mainProducts} left out of a PUT keeps the products held; an empty list clears them.
 */
record EnterpriseRequest(String creditCode, String name, String nameEn, String regionCode, String industryCode,
                         String ownership, String foundingDate, Integer employees, BigDecimal annualRevenue,
                         String creditCodeOverrideReason, Integer version, List<String> mainProducts) {

    ProfileRules.Input input() {
        return new ProfileRules.Input(creditCode, name, nameEn, regionCode, industryCode, ownership, foundingDate,
                employees, annualRevenue, creditCodeOverrideReason, mainProducts);
    }

}
