package cn.chanrong.enterprise;

import cn.chanrong.enterprise.domain.GrowthStage;
import cn.chanrong.enterprise.domain.Ownership;
import cn.chanrong.enterprise.domain.SizeClass;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An enterprise's public profile as the registry shows it, with derived size class and stage, and the
 * main products it names (restricted-industry catalogues are matched against them).
 */
public record Enterprise(long id, String creditCode, boolean creditCodeOverridden, String name, String nameEn,
                         String regionCode, String industryCode, Ownership ownership, LocalDate foundingDate,
                         int employees, BigDecimal annualRevenue, SizeClass sizeClass, GrowthStage growthStage,
                         int version, List<String> mainProducts) {

    public Enterprise {
        mainProducts = mainProducts == null ? List.of() : List.copyOf(mainProducts);
    }
}
