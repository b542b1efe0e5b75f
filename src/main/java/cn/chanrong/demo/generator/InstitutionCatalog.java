package cn.chanrong.demo.generator;

import static cn.chanrong.institution.InstitutionType.*;

import cn.chanrong.institution.InstitutionType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Forty institutions, every {@link InstitutionType} at least once, the mix leaning to banks as on the
 * cooperation platform. Names are invented in the registered style of each type (any resemblance to
 * a real institution is unintended); short names prefix product names. The list does not depend on
 * the seed or the enterprise count.
 */
final class InstitutionCatalog {

    record Spec(String nameZh, String nameEn, String shortZh, String shortEn, InstitutionType type, String headRegion) {
    }

    static final List<Spec> ALL = List.of(
            new Spec("中华产业开发银行", "China Industrial Development Bank", "产业开发银行", "CIDB", POLICY_BANK, "110100"),
            new Spec("中国装备进出口银行", "China Equipment Export-Import Bank", "装备进出口银行", "CEEIB", POLICY_BANK, "110100"),
            new Spec("中国长江银行股份有限公司", "China Changjiang Bank Co., Ltd.", "长江银行", "Changjiang Bank", LARGE_STATE_OWNED_BANK, "110100"),
            new Spec("中国黄河银行股份有限公司", "China Huanghe Bank Co., Ltd.", "黄河银行", "Huanghe Bank", LARGE_STATE_OWNED_BANK, "110100"),
            new Spec("中国神州银行股份有限公司", "China Shenzhou Bank Co., Ltd.", "神州银行", "Shenzhou Bank", LARGE_STATE_OWNED_BANK, "110100"),
            new Spec("鼎盛银行股份有限公司", "Dingsheng Bank Co., Ltd.", "鼎盛银行", "Dingsheng Bank", JOINT_STOCK_BANK, "440300"),
            new Spec("恒通银行股份有限公司", "Hengtong Bank Co., Ltd.", "恒通银行", "Hengtong Bank", JOINT_STOCK_BANK, "310100"),
            new Spec("华信银行股份有限公司", "Huaxin Bank Co., Ltd.", "华信银行", "Huaxin Bank", JOINT_STOCK_BANK, "110100"),
            new Spec("申江银行股份有限公司", "Shenjiang Bank Co., Ltd.", "申江银行", "Shenjiang Bank", CITY_COMMERCIAL_BANK, "310100"),
            new Spec("钱塘银行股份有限公司", "Qiantang Bank Co., Ltd.", "钱塘银行", "Qiantang Bank", CITY_COMMERCIAL_BANK, "330100"),
            new Spec("泉城银行股份有限公司", "Quancheng Bank Co., Ltd.", "泉城银行", "Quancheng Bank", CITY_COMMERCIAL_BANK, "370100"),
            new Spec("荆楚银行股份有限公司", "Jingchu Bank Co., Ltd.", "荆楚银行", "Jingchu Bank", CITY_COMMERCIAL_BANK, "420100"),
            new Spec("蜀都银行股份有限公司", "Shudu Bank Co., Ltd.", "蜀都银行", "Shudu Bank", CITY_COMMERCIAL_BANK, "510100"),
            new Spec("粤北农村商业银行股份有限公司", "Yuebei Rural Commercial Bank Co., Ltd.", "粤北农商银行", "Yuebei RCB", RURAL_COMMERCIAL_BANK, "440200"),
            new Spec("苏南农村商业银行股份有限公司", "Sunan Rural Commercial Bank Co., Ltd.", "苏南农商银行", "Sunan RCB", RURAL_COMMERCIAL_BANK, "320400"),
            new Spec("云岭农村信用合作联社", "Yunling Rural Credit Cooperative Union", "云岭农信", "Yunling RCC", RURAL_COOPERATIVE, "530100"),
            new Spec("陇原农村信用合作联社", "Longyuan Rural Credit Cooperative Union", "陇原农信", "Longyuan RCC", RURAL_COOPERATIVE, "620100"),
            new Spec("德清惠民村镇银行股份有限公司", "Deqing Huimin Village Bank Co., Ltd.", "德清惠民村镇银行", "Deqing Huimin Village Bank", VILLAGE_BANK, "330500"),
            new Spec("晋江兴农村镇银行股份有限公司", "Jinjiang Xingnong Village Bank Co., Ltd.", "晋江兴农村镇银行", "Jinjiang Xingnong Village Bank", VILLAGE_BANK, "350500"),
            new Spec("数联银行股份有限公司", "Shulian Bank Co., Ltd.", "数联银行", "Shulian Bank", PRIVATE_BANK, "440300"),
            new Spec("云商银行股份有限公司", "Yunshang Bank Co., Ltd.", "云商银行", "Yunshang Bank", PRIVATE_BANK, "330100"),
            new Spec("莱茵银行（中国）有限公司", "Rhine Bank (China) Co., Ltd.", "莱茵银行", "Rhine Bank", FOREIGN_BANK, "310100"),
            new Spec("枫叶银行（中国）有限公司", "Maple Leaf Bank (China) Co., Ltd.", "枫叶银行", "Maple Leaf Bank", FOREIGN_BANK, "310100"),
            new Spec("华中重工集团财务有限公司", "Huazhong Heavy Industry Group Finance Co., Ltd.", "华中重工财务公司", "Huazhong Finance", FINANCE_COMPANY, "420100"),
            new Spec("中原装备集团财务有限公司", "Zhongyuan Equipment Group Finance Co., Ltd.", "中原装备财务公司", "Zhongyuan Finance", FINANCE_COMPANY, "410100"),
            new Spec("中联科技财产保险股份有限公司", "Zhonglian Technology Property Insurance Co., Ltd.", "中联科技保险", "Zhonglian Insurance", INSURER, "110100"),
            new Spec("泰和财产保险股份有限公司", "Taihe Property Insurance Co., Ltd.", "泰和保险", "Taihe Insurance", INSURER, "440300"),
            new Spec("鼎信证券股份有限公司", "Dingxin Securities Co., Ltd.", "鼎信证券", "Dingxin Securities", SECURITIES_FIRM, "310100"),
            new Spec("长河证券股份有限公司", "Changhe Securities Co., Ltd.", "长河证券", "Changhe Securities", SECURITIES_FIRM, "440300"),
            new Spec("江苏苏创产业投资基金管理有限公司", "Jiangsu Suchuang Industrial Investment Fund Management Co., Ltd.", "苏创产业基金",
                    "Suchuang Fund", FUND_VC, "320100"),
            new Spec("深圳南山科创投资管理有限公司", "Shenzhen Nanshan Sci-Tech Venture Investment Management Co., Ltd.", "南山科创投",
                    "Nanshan Ventures", FUND_VC, "440300"),
            new Spec("浙江省信保融资担保有限公司", "Zhejiang Xinbao Financing Guarantee Co., Ltd.", "浙江信保担保", "Zhejiang Xinbao Guarantee",
                    GOVERNMENT_GUARANTEE_AGENCY, "330100"),
            new Spec("安徽省皖融融资担保有限公司", "Anhui Wanrong Financing Guarantee Co., Ltd.", "皖融担保", "Wanrong Guarantee",
                    GOVERNMENT_GUARANTEE_AGENCY, "340100"),
            new Spec("深圳市恒泰融资担保有限公司", "Shenzhen Hengtai Financing Guarantee Co., Ltd.", "恒泰担保", "Hengtai Guarantee",
                    OTHER_GUARANTEE_AGENCY, "440300"),
            new Spec("上海浦汇融资担保有限公司", "Shanghai Puhui Financing Guarantee Co., Ltd.", "浦汇担保", "Puhui Guarantee",
                    OTHER_GUARANTEE_AGENCY, "310100"),
            new Spec("申江金融租赁股份有限公司", "Shenjiang Financial Leasing Co., Ltd.", "申江金租", "Shenjiang Leasing", FINANCIAL_LEASING, "310100"),
            new Spec("华信国际融资租赁（天津）有限公司", "Huaxin International Financial Leasing (Tianjin) Co., Ltd.", "华信租赁",
                    "Huaxin Leasing", FINANCIAL_LEASING, "120100"),
            new Spec("深圳前海联信商业保理有限公司", "Shenzhen Qianhai Lianxin Commercial Factoring Co., Ltd.", "联信保理",
                    "Lianxin Factoring", FACTORING, "440300"),
            new Spec("天津滨海瑞通商业保理有限公司", "Tianjin Binhai Ruitong Commercial Factoring Co., Ltd.", "瑞通保理",
                    "Ruitong Factoring", FACTORING, "120100"),
            new Spec("中国华盛资产管理股份有限公司", "China Huasheng Asset Management Co., Ltd.", "华盛资产", "Huasheng AMC",
                    ASSET_MANAGEMENT_COMPANY, "110100"));

    /** Institutions that only serve their own province (or, for village banks, their own city). */
    static final Set<InstitutionType> REGIONAL = EnumSet.of(CITY_COMMERCIAL_BANK, RURAL_COMMERCIAL_BANK, RURAL_COOPERATIVE, VILLAGE_BANK);

    private InstitutionCatalog() {
    }

    /** Registered before the unified code, like most institutions: an eight-digit organisation code. */
    static String creditCode(int k) {
        return CreditCodes.institution(k, ALL.get(k).headRegion(), true);
    }

    static void write(CsvOut out) {
        for (int k = 0; k < ALL.size(); k++) {
            Spec s = ALL.get(k);
            out.text(creditCode(k)).text(s.nameZh()).text(s.nameEn()).text(s.type().name()).text(s.headRegion()).end();
        }
    }
}
