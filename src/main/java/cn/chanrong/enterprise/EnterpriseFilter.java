package cn.chanrong.enterprise;

/**
 * List filters, each optional: exact credit code; name containing a text; region (a code prefix: a
 * province or prefecture code selects everything inside it); industry (a code prefix: section,
 * division, group or class); a chain tag; the derived size class and growth stage; a qualification
 * valid on the business date.
 */
public record EnterpriseFilter(String creditCode, String name, String regionCode, String industryCode, String chainTag,
                               String sizeClass, String growthStage, String qualification) {

    public EnterpriseFilter(String creditCode, String name, String regionCode, String industryCode) {
        this(creditCode, name, regionCode, industryCode, null, null, null, null);
    }

    public static EnterpriseFilter none() {
        return new EnterpriseFilter(null, null, null, null);
    }
}
