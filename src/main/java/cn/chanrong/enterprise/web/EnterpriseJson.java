package cn.chanrong.enterprise.web;

import cn.chanrong.enterprise.Enterprise;

/** The JSON shape of an enterprise. Amounts are decimal strings in yuan. */
record EnterpriseJson(long id, String creditCode, boolean creditCodeOverridden, String name, String nameEn,
                      String regionCode, String regionName, String industryCode, String industryName,
                      String ownership, String foundingDate, int employees, String annualRevenue, String sizeClass,
                      String growthStage, int version, java.util.List<String> mainProducts) {

    static EnterpriseJson of(Enterprise e, String regionName, String industryName) {
        return new EnterpriseJson(e.id(), e.creditCode(), e.creditCodeOverridden(), e.name(), e.nameEn(),
                e.regionCode(), regionName, e.industryCode(), industryName, e.ownership().name(),
                e.foundingDate().toString(), e.employees(), e.annualRevenue().toPlainString(), e.sizeClass().name(),
                e.growthStage().name(), e.version(), e.mainProducts());
    }
}
