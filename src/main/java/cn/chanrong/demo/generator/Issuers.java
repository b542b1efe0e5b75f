package cn.chanrong.demo.generator;

import cn.chanrong.demo.generator.ReferenceTables.Province;
import java.util.Map;

/**
 * Who issues each qualification: the provincial science and technology department (high-tech
 * enterprise, technology-based SME), the provincial department in charge of industry and information
 * technology (innovative and specialised SMEs, chain leaders, provincial first-set equipment), and
 * MIIT for the national tiers. Departments whose name departs from the usual "科学技术厅" /
 * "工业和信息化厅" are listed (names as of 2025).
 */
final class Issuers {

    static final String MIIT = "工业和信息化部";

    private static final Map<String, String> SCIENCE = Map.of(
            "110000", "北京市科学技术委员会", "310000", "上海市科学技术委员会",
            "120000", "天津市科学技术局", "500000", "重庆市科学技术局");

    private static final Map<String, String> INDUSTRY = Map.of(
            "110000", "北京市经济和信息化局", "120000", "天津市工业和信息化局", "310000", "上海市经济和信息化委员会",
            "500000", "重庆市经济和信息化委员会", "330000", "浙江省经济和信息化厅", "340000", "安徽省经济和信息化厅",
            "420000", "湖北省经济和信息化厅", "510000", "四川省经济和信息化厅", "540000", "西藏自治区经济和信息化厅");

    private Issuers() {
    }

    static String science(Province province) {
        return SCIENCE.getOrDefault(province.code(), province.nameZh() + "科学技术厅");
    }

    static String industry(Province province) {
        return INDUSTRY.getOrDefault(province.code(), province.nameZh() + "工业和信息化厅");
    }
}
