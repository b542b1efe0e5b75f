package cn.chanrong.demo.generator;

import cn.chanrong.demo.generator.Businesses.Business;
import cn.chanrong.demo.generator.ReferenceTables.Prefecture;
import cn.chanrong.enterprise.domain.Ownership;
import cn.chanrong.enterprise.domain.SizeClass;
import java.util.List;
import java.util.Set;

/**
 * Company names as registered: city + trade name + business + legal form ("苏州华信精密机械有限公司",
 * "Suzhou Huaxin Precision Machinery Co., Ltd."); foreign-invested firms put the city in brackets
 * ("华信精密机械（苏州）有限公司"); group parents carry 集团. Chinese and English names are both kept
 * unique by fingerprint; on a clash the business word is redrawn, then the trade name replaced.
 */
final class CompanyNames {

    record Name(String zh, String en) {
    }

    private static final Set<String> TECH_DIVISIONS = Set.of("C26", "C27", "C34", "C35", "C38", "C39", "C40", "I65");

    private final LongHashSet zhSeen;
    private final LongHashSet enSeen;
    private final Population p;

    CompanyNames(Population p) {
        this.p = p;
        zhSeen = new LongHashSet(p.count);
        enSeen = new LongHashSet(p.count);
    }

    Name name(int i, boolean groupParent, Rng rng) {
        Prefecture where = p.prefecture(i);
        List<Business> businesses = Businesses.forIndustry(p.industry(i).code());
        boolean technology = TECH_DIVISIONS.contains(p.industry(i).division()) && rng.chance(0.2);
        String form = legalForm(p.size(i), p.ownership(i), groupParent, rng);
        for (int attempt = 0; ; attempt++) {
            if (attempt >= 2) {
                p.brand[i] = (int) p.brands.next(false);
            }
            Business business = businesses.get(rng.below(businesses.size()));
            boolean tech = technology && !business.zh().endsWith("科技");
            Name candidate = compose(where, p.brand[i], business, tech, form, groupParent, p.ownership(i) == Ownership.FOREIGN_INVESTED);
            long zh = LongHashSet.fingerprint(candidate.zh());
            long en = LongHashSet.fingerprint(candidate.en());
            if (!zhSeen.contains(zh) && !enSeen.contains(en)) {
                zhSeen.add(zh);
                enSeen.add(en);
                return candidate;
            }
        }
    }

    private static String legalForm(SizeClass size, Ownership ownership, boolean groupParent, Rng rng) {
        double sharesRate = switch (size) {
            case LARGE -> 0.6;
            case MEDIUM -> 0.3;
            case SMALL -> 0.08;
            case MICRO -> 0.01;
        };
        boolean shares = rng.chance(sharesRate);
        if (groupParent) {
            return shares ? "集团股份有限公司" : "集团有限公司";
        }
        if (shares) {
            return "股份有限公司";
        }
        return ownership == Ownership.STATE_OWNED && rng.chance(0.4) ? "有限责任公司" : "有限公司";
    }

    private static Name compose(Prefecture where, long brand, Business business, boolean tech, String form,
                                boolean groupParent, boolean foreign) {
        String brandZh = Brands.zh(brand);
        String brandEn = Brands.en(brand);
        String businessZh = business.zh() + (tech ? "科技" : "");
        String businessEn = business.en() + (tech ? " Technology" : "");
        String suffixEn = groupParent ? " Group Co., Ltd." : " Co., Ltd.";
        if (foreign && !groupParent) {
            return new Name(brandZh + businessZh + "（" + where.cityZh() + "）" + form,
                    brandEn + " " + businessEn + " (" + where.cityEn() + ")" + suffixEn);
        }
        return new Name(where.cityZh() + brandZh + businessZh + form,
                where.cityEn() + " " + brandEn + " " + businessEn + suffixEn);
    }
}
