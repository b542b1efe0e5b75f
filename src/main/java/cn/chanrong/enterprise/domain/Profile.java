package cn.chanrong.enterprise.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A validated enterprise profile: every field typed and checked. */
public record Profile(String creditCode, String creditCodeOverride, String name, String nameEn, String regionCode,
                      String industryCode, Ownership ownership, LocalDate foundingDate, int employees,
                      BigDecimal annualRevenue) {

    public SizeClass sizeClass() {
        return SizeStandard.forIndustry(industryCode).classify(employees, annualRevenue);
    }

    public GrowthStage growthStage(LocalDate today) {
        return GrowthStage.of(foundingDate, sizeClass(), today);
    }
}
