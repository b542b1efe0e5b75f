package cn.chanrong.demo;

import cn.chanrong.reference.RestrictedLists;
import java.nio.charset.StandardCharsets;

/**
 * A few items of the 产业结构调整指导目录（2024年本） (国家发展改革委令2023年第7号, in force 2024-02-01) as a
 * regulator imports them at demo load: eliminated (淘汰类) processes and products of the machinery
 * section, and restricted (限制类) machinery items. The item texts follow the catalogue's; the item numbers
 * are this demo's shorthand (section and position), to be checked against the published text before
 * anyone relies on them. Every item names its products or processes, so no generated enterprise — which
 * names no main products — is caught by a whole industry. Against the cast's main products
 * ({@link DemoEconomy#PRODUCTS}): f15's 普通高速钢丝锥 falls under restricted item 十一 25 (no new project),
 * while the core enterprise, a mining-machinery maker under the same section's mining items, and the SME
 * match nothing.
 */
final class DemoRestrictedList {

    static final String CATALOGUE = "产业结构调整指导目录（2024年本）";
    static final String DOCUMENT = "国家发展改革委令2023年第7号";

    private DemoRestrictedList() {
    }

    static String csv() {
        StringBuilder csv = new StringBuilder(RestrictedLists.COLUMNS).append('\n');
        row(csv, "ELIMINATED", "一（十）1", "热处理铅浴炉", "C33", "", "铅浴炉");
        row(csv, "ELIMINATED", "一（十）4", "含氰电镀工艺（电镀金、银、铜基合金及予镀铜打底工艺暂缓淘汰）", "C3360", "",
                "含氰电镀");
        row(csv, "ELIMINATED", "二（九）3", "TQ60、TQ80塔式起重机", "C3514", "TQ60塔式起重机;TQ80塔式起重机", "");
        row(csv, "RESTRICTED", "十一 1", "2臂以下（含2臂）凿岩台车制造项目", "C3511", "单臂凿岩台车;双臂凿岩台车", "");
        row(csv, "RESTRICTED", "十一 8", "800千瓦及以下采煤机制造项目", "C3511", "800千瓦及以下采煤机", "");
        row(csv, "RESTRICTED", "十一 25", "普通高速钢钻头、铣刀、锯片、丝锥、板牙项目", "C3321",
                "普通高速钢钻头;普通高速钢铣刀;普通高速钢锯片;普通高速钢丝锥;普通高速钢板牙", "");
        row(csv, "RESTRICTED", "十一 26", "棕刚玉、绿碳化硅、黑碳化硅等烧结块及磨料制造项目", "C309", "棕刚玉;绿碳化硅;黑碳化硅", "");
        row(csv, "RESTRICTED", "十一 37", "通用类10兆帕及以下中低压碳钢阀门制造项目", "C3443", "中低压碳钢阀门", "");
        return csv.toString();
    }

    /** Imports the demo's catalogue as the loader; throws when it is refused (the demo is broken then). */
    static void load(RestrictedLists lists) {
        var imported = lists.importList("demo-loader", csv().getBytes(StandardCharsets.UTF_8), "UTF-8");
        if (!imported.accepted()) {
            throw new IllegalStateException("demo restricted list refused: " + imported.errors());
        }
    }

    private static void row(StringBuilder csv, String category, String itemNo, String item, String industry,
                            String products, String processes) {
        csv.append(String.join(",", CATALOGUE, DOCUMENT, category, itemNo, quoted(item), industry, products, processes,
                "2024-02-01", "")).append('\n');
    }

    private static String quoted(String cell) {
        return cell.contains(",") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
