package cn.chanrong.enterprise;

/**
 * List filters, each optional: exact credit code, name containing a text, region (a code prefix:
 * a province or prefecture code selects everything inside it), industry (a code prefix: a
 * section, division, group or class).
 */
public record EnterpriseFilter(String creditCode, String name, String regionCode, String industryCode) {

    public static EnterpriseFilter none() {
        return new EnterpriseFilter(null, null, null, null);
    }
}
