package cn.chanrong.enterprise.web;

import cn.chanrong.enterprise.domain.ProfileRules;

/**
 * The body of POST and PUT. {@code version} is read on PUT when no If-Match header is sent;
 * {@code creditCodeOverrideReason} lets an administrator accept a pilot code that fails its check.
 */
record EnterpriseRequest(String creditCode, String name, String nameEn, String regionCode, String industryCode,
                         String ownership, String foundingDate, Integer employees, String annualRevenue,
                         String creditCodeOverrideReason, Integer version) {

    ProfileRules.Input input() {
        return new ProfileRules.Input(creditCode, name, nameEn, regionCode, industryCode, ownership, foundingDate,
                employees, annualRevenue, creditCodeOverrideReason);
    }

}
