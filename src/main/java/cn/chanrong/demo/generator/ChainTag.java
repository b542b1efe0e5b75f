package cn.chanrong.demo.generator;

/**
 * The Guidance's key chains, strategic emerging industries and future industries (FACTS.md §6), as
 * tags separate from the industry code: basic and industrial software are key chains yet section I.
 */
public enum ChainTag {
    IC(Kind.KEY_CHAIN, "集成电路", "Integrated circuits"),
    MACHINE_TOOLS(Kind.KEY_CHAIN, "工业母机", "Machine tools"),
    MEDICAL_EQUIPMENT(Kind.KEY_CHAIN, "医疗装备", "Medical equipment"),
    SERVERS(Kind.KEY_CHAIN, "服务器", "Servers"),
    INSTRUMENTS(Kind.KEY_CHAIN, "仪器仪表", "Instruments"),
    BASIC_SOFTWARE(Kind.KEY_CHAIN, "基础软件", "Basic software"),
    INDUSTRIAL_SOFTWARE(Kind.KEY_CHAIN, "工业软件", "Industrial software"),
    ADVANCED_MATERIALS(Kind.KEY_CHAIN, "先进材料", "Advanced materials"),
    NEW_GEN_IT(Kind.EMERGING, "新一代信息技术", "New-generation IT"),
    SOFTWARE(Kind.EMERGING, "基础软件和工业软件", "Basic and industrial software"),
    INTELLIGENT_VEHICLES(Kind.EMERGING, "智能（网联）汽车", "Intelligent connected vehicles"),
    NEW_ENERGY(Kind.EMERGING, "新能源", "New energy"),
    NEW_MATERIALS(Kind.EMERGING, "新材料", "New materials"),
    HIGH_END_EQUIPMENT(Kind.EMERGING, "高端装备", "High-end equipment"),
    SPATIO_TEMPORAL(Kind.EMERGING, "时空信息", "Spatio-temporal information"),
    COMMERCIAL_SPACE(Kind.EMERGING, "商业航天", "Commercial space"),
    BIOMEDICINE(Kind.EMERGING, "生物医药", "Biomedicine"),
    CYBER_DATA_SECURITY(Kind.EMERGING, "网络和数据安全", "Cyber and data security"),
    FUTURE_MANUFACTURING(Kind.FUTURE, "未来制造", "Future manufacturing"),
    FUTURE_INFORMATION(Kind.FUTURE, "未来信息", "Future information"),
    FUTURE_MATERIALS(Kind.FUTURE, "未来材料", "Future materials"),
    FUTURE_ENERGY(Kind.FUTURE, "未来能源", "Future energy"),
    FUTURE_SPACE(Kind.FUTURE, "未来空间", "Future space"),
    FUTURE_HEALTH(Kind.FUTURE, "未来健康", "Future health");

    public enum Kind { KEY_CHAIN, EMERGING, FUTURE }

    private final Kind kind;
    private final String labelZh;
    private final String labelEn;

    ChainTag(Kind kind, String labelZh, String labelEn) {
        this.kind = kind;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public Kind kind() {
        return kind;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }
}
