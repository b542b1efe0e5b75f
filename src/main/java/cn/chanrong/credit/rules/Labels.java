package cn.chanrong.credit.rules;

import static java.util.Map.entry;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chinese and English labels for the stable keys in an {@link Evaluation}: schemes, groups, indicators and
 * conditions. Innovation-points indicators are labelled from their table's names, so configured indicators
 * need no entry here. An unknown key is shown as itself rather than failing a page.
 */
public final class Labels {

    /** A key's label in both languages. */
    public record Label(String zh, String en) {

        public Label {
            IndicatorScore.requireKey(zh, "zh");
            IndicatorScore.requireKey(en, "en");
        }
    }

    private static final Map<String, Label> LABELS = Map.ofEntries(
            // schemes
            l("innovative_sme", "创新型中小企业", "Innovative SME"),
            l("specialised_sme", "专精特新中小企业", "Specialised and sophisticated SME"),
            l("little_giant", "专精特新“小巨人”企业", "Little giant enterprise"),
            l("innovation_points", "创新积分", "Innovation points"),
            // groups
            l("innovation", "创新能力", "Innovation"),
            l("growth", "成长性", "Growth"),
            l("specialisation", "专业化", "Specialisation"),
            l("refinement", "精细化", "Refinement"),
            l("distinctiveness", "特色化", "Distinctiveness"),
            l("technology", "技术创新", "Technology innovation"),
            l("auxiliary", "辅助指标", "Auxiliary"),
            // indicators
            l("main_product_ip", "与主导产品相关的有效知识产权", "Main-product intellectual property"),
            l("rd_ratio", "研发费用占营业收入比重", "R&D expense / revenue"),
            l("main_revenue_growth", "主营业务收入增长率", "Main-business revenue growth"),
            l("debt_ratio", "资产负债率", "Debt ratio"),
            l("strategic_emerging_industry", "主导产品属于战略性新兴产业", "Main product in a strategic emerging industry"),
            l("main_business_share", "主营业务收入占营业收入比重", "Main-business share of revenue"),
            l("main_revenue_cagr", "近2年主营业务收入平均增长率", "2-year revenue growth (compound)"),
            l("years_in_niche", "从事特定细分市场年限", "Years in the niche market"),
            l("product_field", "主导产品所属领域", "Main product's field"),
            l("digitalisation", "数字化水平", "Digitalisation level"),
            l("quality_management", "质量管理水平", "Quality management"),
            l("net_margin", "净利润率", "Net profit margin"),
            l("ip", "有效知识产权", "Intellectual property"),
            l("rd_investment", "研发费用投入", "R&D investment"),
            l("rd_amount", "近2年研发费用总额", "2-year R&D expense"),
            l("rd_staff_share", "研发人员占比", "R&D staff share"),
            l("rd_institution", "研发机构建设", "R&D institution"),
            // conditions
            l("total_at_least_60", "总分不低于60分", "Total ≥ 60 points"),
            l("innovation_at_least_20", "创新能力得分不低于20分", "Innovation ≥ 20 points"),
            l("growth_at_least_15", "成长性得分不低于15分", "Growth ≥ 15 points"),
            l("specialisation_at_least_15", "专业化得分不低于15分", "Specialisation ≥ 15 points"),
            l("route_points", "按评价得分认定", "Points route"),
            l("route_direct", "符合直通条件", "Direct route"),
            l("direct_science_award", "近三年获得科技奖励", "S&T award within 3 years"),
            l("direct_high_tech", "高新技术企业", "High-tech enterprise"),
            l("direct_provincial_rd_institution", "拥有省级以上研发机构", "Provincial or national R&D institution"),
            l("direct_equity_5m", "近三年新增股权融资不低于500万元", "≥ 5 M yuan new equity in 3 years"),
            l("years_in_niche_at_least_2", "从事特定细分市场2年以上", "≥ 2 years in the niche market"),
            l("rd_expense_at_least_1m", "上年度研发费用不低于100万元", "Latest-year R&D ≥ 1 M yuan"),
            l("rd_ratio_at_least_3", "研发费用占营业收入比重不低于3%", "R&D ≥ 3 % of revenue"),
            l("revenue_10m_or_equity_20m", "营业收入不低于1000万元或近2年新增股权融资不低于2000万元",
                    "Revenue ≥ 10 M yuan or ≥ 20 M yuan equity in 2 years"),
            l("score_at_least_60", "评价得分不低于60分", "Score ≥ 60 points"),
            l("years_in_niche_at_least_3", "从事特定细分市场3年以上", "≥ 3 years in the niche market"),
            l("main_business_share_at_least_70", "主营业务收入占比不低于70%", "Main-business share ≥ 70 %"),
            l("revenue_cagr_at_least_5", "近2年主营业务收入平均增长率不低于5%", "2-year revenue growth ≥ 5 %"),
            l("debt_ratio_at_most_70", "资产负债率不高于70%", "Debt ratio ≤ 70 %"),
            l("niche_market_share_at_least_10", "细分市场占有率不低于10%", "Niche market share ≥ 10 %"),
            l("revenue_at_least_50m", "营业收入不低于5000万元", "Revenue ≥ 50 M yuan"),
            l("rd_ratio_at_least_3_revenue_100m_plus", "营业收入1亿元以上且研发费用占比不低于3%",
                    "R&D ≥ 3 % of revenue (revenue ≥ 100 M yuan)"),
            l("rd_ratio_at_least_6_revenue_50m_to_100m", "营业收入5000万至1亿元且研发费用占比不低于6%",
                    "R&D ≥ 6 % of revenue (revenue 50–100 M yuan)"),
            l("rd_ratio_by_revenue_tier", "按营业收入档次的研发费用占比", "R&D ratio for the revenue tier"),
            l(InnovationPoints.STAGE_KEY, "企业发展阶段", "Growth stage"));

    private Labels() {
    }

    private static Map.Entry<String, Label> l(String key, String zh, String en) {
        return entry(key, new Label(zh, en));
    }

    /** The label of a key: fixed rule keys first, then the default innovation-points indicators. */
    public static Optional<Label> find(String key) {
        Label fixed = LABELS.get(key);
        if (fixed != null) {
            return Optional.of(fixed);
        }
        return InnovationPoints.defaults().indicator(key).map(i -> new Label(i.nameZh(), i.nameEn()));
    }

    /** The Chinese label, or the key itself. */
    public static String zh(String key) {
        return find(key).map(Label::zh).orElse(key);
    }

    /** The English label, or the key itself. */
    public static String en(String key) {
        return find(key).map(Label::en).orElse(key);
    }

    /** The label for a locale: Chinese for any {@code zh} locale, English otherwise. */
    public static String of(String key, Locale locale) {
        return "zh".equals(locale.getLanguage()) ? zh(key) : en(key);
    }
}
