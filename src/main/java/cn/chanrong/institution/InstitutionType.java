package cn.chanrong.institution;

import java.util.Arrays;
import java.util.Optional;

/**
 * Kinds of institution on the platform: a closed list, also held by the reference table
 * {@code institution_type} that {@code institution.type} references (V47), with the same names.
 */
public enum InstitutionType {
    POLICY_BANK("政策性银行", "Policy bank"),
    LARGE_STATE_OWNED_BANK("大型国有商业银行", "Large state-owned bank"),
    JOINT_STOCK_BANK("股份制商业银行", "Joint-stock bank"),
    CITY_COMMERCIAL_BANK("城市商业银行", "City commercial bank"),
    RURAL_COMMERCIAL_BANK("农村商业银行", "Rural commercial bank"),
    RURAL_COOPERATIVE("农村合作金融机构", "Rural cooperative"),
    VILLAGE_BANK("村镇银行", "Village bank"),
    PRIVATE_BANK("民营银行", "Private bank"),
    FOREIGN_BANK("外资银行", "Foreign bank"),
    FINANCE_COMPANY("财务公司", "Finance company"),
    INSURER("保险公司", "Insurer"),
    SECURITIES_FIRM("证券公司", "Securities firm"),
    FUND_VC("基金/创投机构", "Fund or venture capital"),
    GOVERNMENT_GUARANTEE_AGENCY("政府性融资担保机构", "Government financing-guarantee agency"),
    OTHER_GUARANTEE_AGENCY("其他担保机构", "Other guarantee agency"),
    FINANCIAL_LEASING("金融租赁公司", "Financial leasing company"),
    FACTORING("商业保理公司", "Factoring company"),
    ASSET_MANAGEMENT_COMPANY("金融资产管理公司", "Asset management company"),
    PROVINCIAL_REGUARANTOR("省级再担保机构", "Provincial re-guarantor"),
    NATIONAL_GUARANTEE_FUND("国家融资担保基金", "National financing guarantee fund");

    private final String nameZh;
    private final String nameEn;

    InstitutionType(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String name(boolean english) {
        return english ? nameEn : nameZh;
    }

    public static Optional<InstitutionType> parse(String code) {
        return Arrays.stream(values()).filter(t -> t.name().equals(code)).findFirst();
    }
}
