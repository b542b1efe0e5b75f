package cn.chanrong.lending.internal;

import cn.chanrong.enterprise.Enterprise;
import cn.chanrong.enterprise.Enterprises;
import cn.chanrong.identity.Caller;
import cn.chanrong.institution.domain.ProductType;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.reference.RestrictedLists;
import cn.chanrong.reference.domain.RestrictedIndustryPolicy;
import cn.chanrong.shared.Rejection;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The restricted-industry catalogue ({@link RestrictedIndustryPolicy}) on the firm that receives credit,
 * as of the business date, wherever lending grants it: an application, a credit line, a supply-chain
 * financing. An eliminated (淘汰类) entry refuses any credit, a restricted (限制类) one credit for a new
 * project. The refusal names the entry: catalogue, item number and text, the issuing document, and the
 * main product (or industry code) it matched.
 */
@Component
class RestrictedCredit {

    private final Enterprises enterprises;
    private final RestrictedLists restrictedLists;
    private final BusinessDate businessDate;

    RestrictedCredit(Enterprises enterprises, RestrictedLists restrictedLists, BusinessDate businessDate) {
        this.enterprises = enterprises;
        this.restrictedLists = restrictedLists;
        this.businessDate = businessDate;
    }

    /** Why credit of this use to the firm is refused, on {@code field} for an eliminated entry; empty when it is not. */
    Optional<Rejection> refusal(long firm, RestrictedIndustryPolicy.Use use, String field) {
        Enterprise e = enterprises.get(Caller.system("lending"), firm);
        return restrictedLists.verdict(e.industryCode(), e.mainProducts(), businessDate.today(), use)
                .filter(RestrictedIndustryPolicy.Verdict::refuses)
                .map(v -> Rejection.of("restricted." + v.rule().code(),
                        v.rule() == RestrictedIndustryPolicy.Rule.ELIMINATED_NO_CREDIT ? field : "purpose",
                        v.entry().catalogue(), v.entry().itemNo(), v.entry().item(), v.entry().document(),
                        v.product() == null ? v.entry().industryCode() : v.product()));
    }

    /**
     * What an application is for, as the restricted-industry rule sees it: a new project when its purpose is
     * FIXED_ASSET, or when it asks a fixed-asset product for anything but renewing equipment or transforming
     * technology (which upgrade existing capacity, 国发〔2005〕40号 art. 18); anything else is other credit.
     */
    static RestrictedIndustryPolicy.Use use(String purpose, ProductType type) {
        boolean upgrade = "EQUIPMENT_RENEWAL".equals(purpose) || "TECH_TRANSFORMATION".equals(purpose);
        return "FIXED_ASSET".equals(purpose) || type == ProductType.FIXED_ASSET_LOAN && !upgrade
                ? RestrictedIndustryPolicy.Use.NEW_PROJECT : RestrictedIndustryPolicy.Use.OTHER;
    }
}
