package cn.chanrong.registry.domain;

import cn.chanrong.shared.CreditCode;
import cn.chanrong.shared.Rejection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What a filing (or a check) must state: a valid grantor, a registrable type, identifiers or a blanket scope, a term. */
public final class FilingRules {

    public static final int MAX_TERM_MONTHS = 360;
    public static final int MAX_IDENTIFIERS = 1000;

    private FilingRules() {
    }

    public static List<Rejection> check(String grantor, String collateralType, String description, List<String> identifiers,
                                        String blanketScope, Integer termMonths, boolean filing) {
        List<Rejection> r = new ArrayList<>();
        CreditCode.check(grantor == null ? null : grantor.strip(), "grantor").ifPresent(r::add);
        if (collateralType == null || collateralType.isBlank()) {
            r.add(Rejection.of("required", "collateralType"));
        } else if (CollateralType.EXCLUDED.contains(collateralType.strip())) {
            r.add(Rejection.of("registry.type-excluded", "collateralType", collateralType.strip()));
        } else if (CollateralType.parse(collateralType.strip()).isEmpty()) {
            r.add(Rejection.of("enum", "collateralType", collateralType, Arrays.toString(CollateralType.values())));
        }
        boolean blanket = blanketScope != null && !blanketScope.isBlank();
        List<String> ids = identifiers == null ? List.of() : identifiers;
        if (!blanket && ids.isEmpty()) {
            r.add(Rejection.of("registry.nothing-identified", "identifiers"));
        }
        if (ids.size() > MAX_IDENTIFIERS) {
            r.add(Rejection.of("registry.too-many-identifiers", "identifiers", MAX_IDENTIFIERS));
        }
        for (int i = 0; i < ids.size() && i < MAX_IDENTIFIERS; i++) {
            String id = ids.get(i);
            if (id == null || id.isBlank() || id.strip().length() > 200 || id.chars().anyMatch(c -> c < 0x20)) {
                r.add(Rejection.of("registry.identifier", "identifiers[" + i + "]", String.valueOf(id)));
            }
        }
        if (filing) {
            if (description == null || description.isBlank() || description.length() > 2000) {
                r.add(Rejection.of("length", "description", 1, 2000));
            }
            if (termMonths == null) {
                r.add(Rejection.of("required", "termMonths"));
            } else if (termMonths < 1 || termMonths > MAX_TERM_MONTHS) {
                r.add(Rejection.of("range", "termMonths", 1, MAX_TERM_MONTHS, termMonths));
            }
        }
        return r;
    }

    /**
     * A purchase-money interest (Civil Code 416) is a mortgage of the goods bought (inventory,
     * equipment); retention of title and financial leasing take the same priority by their nature.
     */
    public static java.util.Optional<Rejection> checkPurchaseMoney(String collateralType, boolean purchaseMoney) {
        if (!purchaseMoney || collateralType == null) {
            return java.util.Optional.empty();
        }
        return CollateralType.parse(collateralType.strip())
                .filter(t -> t.nature() != CollateralType.Nature.MORTGAGE)
                .map(t -> Rejection.of("registry.purchase-money-type", "purchaseMoney", t.name()));
    }
}
