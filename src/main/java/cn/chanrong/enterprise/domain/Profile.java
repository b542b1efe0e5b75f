package cn.chanrong.enterprise.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A validated enterprise profile: every field typed and checked. {@code mainProducts} are the products
 * the enterprise names as its main ones (restricted-industry catalogues are matched against them); null
 * means the input did not state them (the registry import has no such column) and the products held are
 * kept.
 */
public record Profile(String creditCode, String creditCodeOverride, String name, String nameEn, String regionCode,
                      String industryCode, Ownership ownership, LocalDate foundingDate, int employees,
                      BigDecimal annualRevenue, List<String> mainProducts) {

    public Profile {
        mainProducts = mainProducts == null ? null : List.copyOf(mainProducts);
    }

    /** A profile that does not state its main products. */
    public Profile(String creditCode, String creditCodeOverride, String name, String nameEn, String regionCode,
                   String industryCode, Ownership ownership, LocalDate foundingDate, int employees,
                   BigDecimal annualRevenue) {
        this(creditCode, creditCodeOverride, name, nameEn, regionCode, industryCode, ownership, foundingDate, employees,
                annualRevenue, null);
    }

    /** This profile with the given main products. */
    public Profile withMainProducts(List<String> products) {
        return new Profile(creditCode, creditCodeOverride, name, nameEn, regionCode, industryCode, ownership, foundingDate,
                employees, annualRevenue, products);
    }

    public SizeClass sizeClass() {
        return SizeStandard.forIndustry(industryCode).classify(employees, annualRevenue);
    }

    public GrowthStage growthStage(LocalDate today) {
        return GrowthStage.of(foundingDate, sizeClass(), today);
    }
}
