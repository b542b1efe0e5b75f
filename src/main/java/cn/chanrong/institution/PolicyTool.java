package cn.chanrong.institution;

/** Structural monetary-policy tools an institution can take part in (FACTS §1). */
public enum PolicyTool {
    TECH_RELENDING("科技创新和技术改造再贷款", "Tech-innovation and technological-transformation re-lending"),
    CARBON_REDUCTION("碳减排支持工具", "Carbon-emission-reduction support tool"),
    SMALL_BUSINESS_RELENDING("支小再贷款", "Small-business re-lending"),
    REDISCOUNT("再贴现", "Rediscount"),
    EQUIPMENT_RENEWAL_SUBSIDY("设备更新贷款财政贴息", "Equipment-renewal loan interest subsidy");

    private final String nameZh;
    private final String nameEn;

    PolicyTool(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String name(boolean english) {
        return english ? nameEn : nameZh;
    }

    public static java.util.Optional<PolicyTool> parse(String code) {
        return java.util.Arrays.stream(values()).filter(t -> t.name().equals(code)).findFirst();
    }
}
