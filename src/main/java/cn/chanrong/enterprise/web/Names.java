package cn.chanrong.enterprise.web;

import cn.chanrong.enterprise.Enterprise;
import cn.chanrong.reference.Industry;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.reference.Region;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Region and industry names in the reader's language. */
@Component
class Names {

    private final ReferenceData reference;

    Names(ReferenceData reference) {
        this.reference = reference;
    }

    EnterpriseJson json(Enterprise e, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        String region = reference.region(e.regionCode()).map(r -> regionName(r, en)).orElse(null);
        String industry = reference.industry(e.industryCode()).map(i -> i.name(en)).orElse(null);
        return EnterpriseJson.of(e, region, industry);
    }

    private String regionName(Region r, boolean en) {
        if (r.level() == 1) {
            return r.name(en);
        }
        String province = reference.region(r.provinceCode()).map(p -> p.name(en)).orElse("");
        return en ? r.name(true) + ", " + province : province + r.name(false);
    }

    static String industryLabel(Industry i, boolean en) {
        return i.code() + " " + i.name(en);
    }
}
