package cn.chanrong.matching.internal;

import cn.chanrong.institution.InstitutionDetails;
import cn.chanrong.institution.Institutions;
import cn.chanrong.institution.PolicyTool;
import cn.chanrong.institution.domain.ProductType;
import cn.chanrong.matching.domain.DockingStep;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Which institutions a regulator's list item is pushed to (docs/MATCHING.md, "Project lists"). */
@Component
class PushTargets {

    /** The product types an institution must offer to be pushed an item of each list type. */
    static final Map<DockingStep.ListType, Set<ProductType>> FITTING = Map.of(
            DockingStep.ListType.TECH_SME, Set.of(ProductType.TECH_INNOVATION_LOAN, ProductType.IP_PLEDGE_LOAN,
                    ProductType.WORKING_CAPITAL_LOAN),
            DockingStep.ListType.TECH_TRANSFORMATION, Set.of(ProductType.FIXED_ASSET_LOAN,
                    ProductType.TECH_INNOVATION_LOAN, ProductType.FINANCIAL_LEASING),
            DockingStep.ListType.EQUIPMENT_RENEWAL, Set.of(ProductType.FIXED_ASSET_LOAN, ProductType.FINANCIAL_LEASING,
                    ProductType.TECH_INNOVATION_LOAN),
            DockingStep.ListType.KEY_CHAIN, Set.of(ProductType.WORKING_CAPITAL_LOAN, ProductType.FIXED_ASSET_LOAN,
                    ProductType.TECH_INNOVATION_LOAN, ProductType.SYNDICATED_LOAN, ProductType.RECEIVABLES_FINANCING));

    private final LiveProducts live;
    private final Institutions institutions;
    private final int pushPerItem;

    PushTargets(LiveProducts live, Institutions institutions, Environment env) {
        this.live = live;
        this.institutions = institutions;
        this.pushPerItem = env.getProperty("chanrong.matching.push-per-item", Integer.class, 3);
    }

    /** Re-lending lists go only to institutions taking part in the re-lending tool on the day. */
    static boolean relending(DockingStep.ListType t) {
        return t != DockingStep.ListType.KEY_CHAIN;
    }

    /**
     * Institutions suitable for an item: offering a fitting product type, present (head office or branch)
     * in the item's province — or the issuer's when the enterprise is not registered — and, for re-lending
     * lists, taking part in the re-lending tool today. Nearest presence first, then most fitting products;
     * at most {@code chanrong.matching.push-per-item}.
     */
    List<Long> suitable(DockingStep.ListType type, String itemRegion, LocalDate today, String issuerRegion,
                        Map<Long, InstitutionDetails> cache) {
        String region = itemRegion != null ? itemRegion : issuerRegion;
        Map<Long, int[]> score = new LinkedHashMap<>();
        for (LiveProducts.Entry e : live.get().all()) {
            if (!FITTING.get(type).contains(e.product().type())) {
                continue;
            }
            int presence = 0;
            if (region != null) {
                for (String r : e.regions()) {
                    presence = Math.max(presence, r.regionMatches(0, region, 0, 4) ? 2 : r.regionMatches(0, region, 0, 2) ? 1 : 0);
                }
                if (presence == 0) {
                    continue;
                }
            }
            int p = presence;
            score.computeIfAbsent(e.product().institutionId(), k -> new int[] {p, 0})[1]++;
        }
        return score.entrySet().stream()
                .filter(x -> !relending(type) || cache.computeIfAbsent(x.getKey(), institutions::details).policyTools()
                        .stream().anyMatch(t -> t.tool() == PolicyTool.TECH_RELENDING && t.inForceOn(today)))
                .sorted(Comparator.comparingInt((Map.Entry<Long, int[]> x) -> -x.getValue()[0])
                        .thenComparingInt(x -> -x.getValue()[1]).thenComparingLong(Map.Entry::getKey))
                .limit(pushPerItem).map(Map.Entry::getKey).toList();
    }
}
