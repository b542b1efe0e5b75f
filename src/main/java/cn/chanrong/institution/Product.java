package cn.chanrong.institution;

import cn.chanrong.institution.domain.ProductType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A financing product as stored. */
public record Product(long id, String code, long institutionId, String institutionName, String name, String nameEn,
                      ProductType type, BigDecimal minAmount, BigDecimal maxAmount, int minTermMonths,
                      int maxTermMonths, String pricing, Integer spreadMinBp, Integer spreadMaxBp,
                      BigDecimal fixedRatePercent, String security, List<String> targetChains, List<String> targetSizes,
                      List<String> targetStages, List<String> targetRegions, Status status, LocalDate effectiveFrom, LocalDate effectiveTo,
                      List<ProductDraft.Clause> clauses, int version) {

    public enum Status { DRAFT, PUBLISHED, WITHDRAWN }
}
