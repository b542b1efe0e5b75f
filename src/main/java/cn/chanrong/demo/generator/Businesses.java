package cn.chanrong.demo.generator;

import java.util.List;
import java.util.Map;

/**
 * The business part of a company name (行业表述) by industry, most specific prefix first: a class
 * code ("C3421"), then its group ("C342"), then its division ("C34").
 */
final class Businesses {

    record Business(String zh, String en) {
    }

    private static final Map<String, List<Business>> BY_PREFIX = Map.ofEntries(
            Map.entry("C13", of("粮油食品", "Grain and Oil Foods", "饲料", "Feed", "农产品加工", "Agricultural Products Processing")),
            Map.entry("C14", of("食品", "Foods", "乳业", "Dairy", "调味品", "Condiments")),
            Map.entry("C15", of("酒业", "Wine and Spirits", "饮品", "Beverages", "茶业", "Tea")),
            Map.entry("C16", of("卷烟材料", "Tobacco Materials")),
            Map.entry("C17", of("纺织", "Textile", "织造", "Weaving", "印染", "Dyeing and Printing")),
            Map.entry("C18", of("服饰", "Apparel", "制衣", "Garment")),
            Map.entry("C19", of("鞋业", "Footwear", "皮革", "Leather")),
            Map.entry("C20", of("木业", "Wood Products", "竹木制品", "Bamboo and Wood Products")),
            Map.entry("C21", of("家具", "Furniture", "家居", "Home Furnishing")),
            Map.entry("C22", of("纸业", "Paper", "包装材料", "Packaging Materials")),
            Map.entry("C23", of("印务", "Printing", "包装印刷", "Packaging and Printing")),
            Map.entry("C24", of("文体用品", "Stationery and Sports Goods", "玩具", "Toys", "工艺品", "Crafts")),
            Map.entry("C25", of("石化", "Petrochemical", "能源化工", "Energy and Chemicals")),
            Map.entry("C26", of("化工", "Chemical", "精细化工", "Fine Chemicals", "涂料", "Coatings")),
            Map.entry("C265", of("高分子材料", "Polymer Materials", "新材料", "New Materials")),
            Map.entry("C266", of("新材料", "New Materials", "电子化学品", "Electronic Chemicals")),
            Map.entry("C27", of("药业", "Pharmaceutical", "生物医药", "Biopharmaceutical", "制药", "Pharmaceutical Manufacturing")),
            Map.entry("C28", of("化纤", "Chemical Fibre", "纤维材料", "Fibre Materials")),
            Map.entry("C29", of("塑胶", "Plastics", "橡胶", "Rubber", "塑业", "Plastic Products")),
            Map.entry("C30", of("建材", "Building Materials", "陶瓷", "Ceramics", "玻璃", "Glass")),
            Map.entry("C306", of("复合材料", "Composite Materials", "玻纤", "Glass Fibre")),
            Map.entry("C309", of("碳素", "Carbon", "新材料", "New Materials")),
            Map.entry("C31", of("钢铁", "Iron and Steel", "特钢", "Special Steel")),
            Map.entry("C32", of("有色金属", "Non-ferrous Metals", "铝业", "Aluminium", "铜业", "Copper")),
            Map.entry("C33", of("金属制品", "Metal Products", "五金", "Hardware", "精密五金", "Precision Hardware")),
            Map.entry("C3321", of("刀具", "Cutting Tools", "精密刀具", "Precision Cutting Tools")),
            Map.entry("C34", of("机械", "Machinery", "精密机械", "Precision Machinery", "动力机械", "Power Machinery",
                    "流体设备", "Fluid Equipment")),
            Map.entry("C342", of("数控机床", "CNC Machine Tool", "机床", "Machine Tool", "精密机床", "Precision Machine Tool")),
            Map.entry("C345", of("轴承", "Bearing", "传动", "Transmission")),
            Map.entry("C349", of("机器人", "Robotics", "智能装备", "Intelligent Equipment", "增材制造", "Additive Manufacturing")),
            Map.entry("C35", of("专用设备", "Special Equipment", "智能装备", "Intelligent Equipment", "装备制造",
                    "Equipment Manufacturing", "重工", "Heavy Industry")),
            Map.entry("C356", of("电子设备", "Electronic Equipment", "半导体设备", "Semiconductor Equipment")),
            Map.entry("C358", of("医疗器械", "Medical Devices", "医疗设备", "Medical Equipment", "医疗科技", "Medical Technology")),
            Map.entry("C36", of("汽车零部件", "Auto Parts", "汽车", "Automotive", "车业", "Vehicles")),
            Map.entry("C37", of("船舶", "Shipbuilding", "轨道交通装备", "Rail Transit Equipment", "运输装备", "Transport Equipment")),
            Map.entry("C374", of("航天科技", "Aerospace Technology", "航空装备", "Aviation Equipment")),
            Map.entry("C38", of("电气", "Electric", "电机", "Electric Motor", "电器", "Electrical Appliances", "电缆", "Cable")),
            Map.entry("C3825", of("光伏", "Photovoltaic", "新能源", "New Energy")),
            Map.entry("C384", of("电池", "Battery", "新能源", "New Energy")),
            Map.entry("C39", of("电子", "Electronics", "通信", "Communications", "光电", "Optoelectronics")),
            Map.entry("C391", of("计算机", "Computer", "信息技术", "Information Technology")),
            Map.entry("C3972", of("半导体", "Semiconductor", "微电子", "Microelectronics")),
            Map.entry("C3973", of("集成电路", "Integrated Circuits", "半导体", "Semiconductor", "微电子", "Microelectronics")),
            Map.entry("C3985", of("电子材料", "Electronic Materials", "新材料", "New Materials")),
            Map.entry("C40", of("仪器仪表", "Instruments", "测控技术", "Measurement and Control", "传感技术", "Sensing Technology",
                    "精密仪器", "Precision Instruments")),
            Map.entry("C41", of("日用制品", "Household Products", "工艺制品", "Handicrafts")),
            Map.entry("C42", of("再生资源", "Renewable Resources", "环保科技", "Environmental Technology")),
            Map.entry("C43", of("设备维修", "Equipment Repair", "机电工程", "Mechanical and Electrical Engineering")),
            Map.entry("I65", of("软件", "Software", "信息技术", "Information Technology", "数据科技", "Data Technology",
                    "网络科技", "Network Technology")),
            Map.entry("I651", of("软件", "Software", "系统软件", "System Software", "智能科技", "Intelligent Technology")),
            Map.entry("I6513", of("工业软件", "Industrial Software", "软件", "Software", "智能科技", "Intelligent Technology")),
            Map.entry("I6520", of("集成电路设计", "IC Design", "微电子", "Microelectronics", "半导体", "Semiconductor")),
            Map.entry("I653", of("信息系统", "Information Systems", "物联网科技", "IoT Technology")),
            Map.entry("I6571", of("地理信息", "Geographic Information", "遥感科技", "Remote Sensing Technology")));

    private Businesses() {
    }

    static List<Business> forIndustry(String code) {
        for (int len = code.length(); len >= 3; len--) {
            List<Business> list = BY_PREFIX.get(code.substring(0, len));
            if (list != null) {
                return list;
            }
        }
        throw new IllegalArgumentException("no business words for " + code);
    }

    private static List<Business> of(String... zhEn) {
        Business[] b = new Business[zhEn.length / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = new Business(zhEn[2 * i], zhEn[2 * i + 1]);
        }
        return List.of(b);
    }
}
