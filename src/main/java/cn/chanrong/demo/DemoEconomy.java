package cn.chanrong.demo;

import java.util.List;

/**
 * The fixed part of the demo world: recognisable kinds of manufacturers in the key chains, spread
 * over provinces, with sizes that span micro to large. Names are invented.
 */
final class DemoEconomy {

    private DemoEconomy() {
    }

    record Firm(String key, String name, String nameEn, String region, String industry, String ownership,
                String founded, int employees, String revenue) {
    }

    /** The demo SME whose finance manager logs in as {@code enterprise}. */
    static final Firm SME = new Firm("sme", "福州精工数控机床有限公司", "Fuzhou Precision CNC Machine Tool Co., Ltd.",
            "350100", "C3421", "PRIVATE", "2018-04-18", 186, "86500000.00");

    /** The demo core enterprise whose treasurer logs in as {@code core}. */
    static final Firm CORE = new Firm("core", "闽江重型装备集团股份有限公司", "Minjiang Heavy Equipment Group Co., Ltd.",
            "350100", "C3511", "MIXED", "1998-09-08", 4_850, "6820000000.00");

    static final List<Firm> OTHERS = List.of(
            new Firm("f01", "深圳芯微集成电路有限公司", "Shenzhen Xinwei Integrated Circuits Co., Ltd.", "440300", "C3973", "PRIVATE", "2019-03-12", 240, "158000000.00"),
            new Firm("f02", "广州粤海医疗设备股份有限公司", "Guangzhou Yuehai Medical Equipment Co., Ltd.", "440100", "C3581", "PRIVATE", "2009-07-01", 620, "735000000.00"),
            new Firm("f03", "东莞精密模具制造有限公司", "Dongguan Precision Mould Co., Ltd.", "441900", "C3525", "PRIVATE", "2012-11-20", 95, "42000000.00"),
            new Firm("f04", "佛山智能装备科技有限公司", "Foshan Intelligent Equipment Technology Co., Ltd.", "440600", "C3491", "PRIVATE", "2021-05-16", 48, "18600000.00"),
            new Firm("f05", "珠海华光仪器仪表有限公司", "Zhuhai Huaguang Instruments Co., Ltd.", "440400", "C4011", "PRIVATE", "2007-02-27", 310, "264000000.00"),
            new Firm("f06", "广东南岭新材料股份有限公司", "Guangdong Nanling Advanced Materials Co., Ltd.", "440200", "C3985", "MIXED", "2004-10-10", 1_260, "1480000000.00"),
            new Firm("f07", "深圳云脉工业软件有限公司", "Shenzhen Yunmai Industrial Software Co., Ltd.", "440300", "I6513", "PRIVATE", "2020-08-03", 130, "36000000.00"),
            new Firm("f08", "苏州科瑞半导体设备有限公司", "Suzhou Kerui Semiconductor Equipment Co., Ltd.", "320500", "C3562", "FOREIGN_INVESTED", "2011-06-15", 420, "512000000.00"),
            new Firm("f09", "无锡锡芯封装测试有限公司", "Wuxi Xixin Packaging and Test Co., Ltd.", "320200", "C3973", "PRIVATE", "2015-09-09", 880, "905000000.00"),
            new Firm("f10", "南京宁康医疗器械有限公司", "Nanjing Ningkang Medical Devices Co., Ltd.", "320100", "C3584", "PRIVATE", "2018-01-22", 72, "23500000.00"),
            new Firm("f11", "常州智联伺服电机有限公司", "Changzhou Zhilian Servo Motor Co., Ltd.", "320400", "C3812", "PRIVATE", "2013-04-30", 260, "198000000.00"),
            new Firm("f12", "上海浦江服务器制造有限公司", "Shanghai Pujiang Server Manufacturing Co., Ltd.", "310100", "C3911", "STATE_OWNED", "2002-12-18", 2_300, "4260000000.00"),
            new Firm("f13", "上海临港精密仪器有限公司", "Shanghai Lingang Precision Instruments Co., Ltd.", "310100", "C4014", "PRIVATE", "2017-03-06", 150, "68000000.00"),
            new Firm("f14", "杭州之江基础软件有限公司", "Hangzhou Zhijiang Basic Software Co., Ltd.", "330100", "I6511", "PRIVATE", "2016-10-26", 340, "126000000.00"),
            new Firm("f15", "宁波甬港数控刀具有限公司", "Ningbo Yonggang CNC Tools Co., Ltd.", "330200", "C3321", "PRIVATE", "2010-05-12", 64, "31000000.00"),
            new Firm("f16", "温州瓯江阀门有限公司", "Wenzhou Oujiang Valve Co., Ltd.", "330300", "C3443", "COLLECTIVE", "1996-08-08", 210, "142000000.00"),
            new Firm("f17", "合肥庐州显示材料有限公司", "Hefei Luzhou Display Materials Co., Ltd.", "340100", "C3976", "MIXED", "2014-02-14", 530, "688000000.00"),
            new Firm("f18", "武汉光谷激光装备有限公司", "Wuhan Optics Valley Laser Equipment Co., Ltd.", "420100", "C3424", "PRIVATE", "2012-07-19", 380, "356000000.00"),
            new Firm("f19", "长沙星沙工程机械配件有限公司", "Changsha Xingsha Construction Machinery Parts Co., Ltd.", "430100", "C3431", "PRIVATE", "2008-03-03", 450, "402000000.00"),
            new Firm("f20", "成都蓉芯电子科技有限公司", "Chengdu Rongxin Electronics Technology Co., Ltd.", "510100", "C3974", "PRIVATE", "2022-06-28", 36, "9200000.00"),
            new Firm("f21", "西安秦川精密轴承有限公司", "Xi'an Qinchuan Precision Bearing Co., Ltd.", "610100", "C3451", "STATE_OWNED", "1985-11-11", 1_650, "1210000000.00"),
            new Firm("f22", "沈阳盛京机床有限公司", "Shenyang Shengjing Machine Tool Co., Ltd.", "210100", "C3421", "STATE_OWNED", "1958-04-01", 3_900, "2950000000.00"),
            new Firm("f23", "大连海湾石化装备有限公司", "Dalian Haiwan Petrochemical Equipment Co., Ltd.", "210200", "C3521", "MIXED", "2001-09-25", 720, "834000000.00"),
            new Firm("f24", "青岛海川传感器有限公司", "Qingdao Haichuan Sensors Co., Ltd.", "370200", "C4015", "PRIVATE", "2019-12-02", 58, "14500000.00"),
            new Firm("f25", "济南泉城数控系统有限公司", "Jinan Quancheng CNC Systems Co., Ltd.", "370100", "C3424", "PRIVATE", "2015-05-20", 118, "52000000.00"),
            new Firm("f26", "厦门鹭岛光电有限公司", "Xiamen Ludao Optoelectronics Co., Ltd.", "350200", "C3976", "FOREIGN_INVESTED", "2006-03-18", 960, "1130000000.00"),
            new Firm("f27", "泉州闽南纺织机械有限公司", "Quanzhou Minnan Textile Machinery Co., Ltd.", "350500", "C3551", "PRIVATE", "2011-01-09", 145, "76000000.00"),
            new Firm("f28", "北京中关村工控软件有限公司", "Beijing Zhongguancun Industrial Control Software Co., Ltd.", "110100", "I6513", "PRIVATE", "2014-09-15", 260, "91000000.00"),
            new Firm("f29", "天津滨海医疗影像设备有限公司", "Tianjin Binhai Medical Imaging Equipment Co., Ltd.", "120100", "C3581", "MIXED", "2010-12-12", 390, "466000000.00"),
            new Firm("f30", "重庆两江汽车电子有限公司", "Chongqing Liangjiang Automotive Electronics Co., Ltd.", "500100", "C3670", "PRIVATE", "2018-08-18", 205, "173000000.00"),
            new Firm("f31", "郑州中原超硬材料有限公司", "Zhengzhou Zhongyuan Superhard Materials Co., Ltd.", "410100", "C3099", "PRIVATE", "2013-06-06", 88, "39000000.00"),
            new Firm("f32", "福州榕城电子元件有限公司", "Fuzhou Rongcheng Electronic Components Co., Ltd.", "350100", "C3989", "PRIVATE", "2023-02-20", 14, "2600000.00"));

    /**
     * The main products some of the cast name, which the restricted-industry catalogue is matched against
     * ({@link DemoRestrictedList}): f15 still makes ordinary high-speed-steel taps (限制类: no new project);
     * the SME, the core enterprise and the rest match no item.
     */
    static final java.util.Map<String, List<String>> PRODUCTS = java.util.Map.of(
            "sme", List.of("数控立式加工中心", "数控卧式车床", "五轴联动加工中心"),
            "core", List.of("智能化综采成套装备", "矿用液压支架", "大功率电牵引采煤机"),
            "f01", List.of("车规级MCU芯片", "电源管理芯片"),
            "f15", List.of("数控硬质合金刀片", "整体硬质合金立铣刀", "普通高速钢丝锥"),
            "f16", List.of("高压锻钢闸阀", "不锈钢球阀"),
            "f21", List.of("精密机床主轴轴承", "风电主轴轴承"),
            "f22", List.of("数控龙门铣床", "数控卧式镗铣床"),
            "f31", List.of("人造金刚石单晶", "立方氮化硼"));
}
