package cn.chanrong.registry.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Registrable collateral (FACTS §3) and the asset class each belongs to: a receivable pledged and
 * the same receivable factored are one asset, as are goods, their warehouse receipt and their bill
 * of lading; equipment, its lease and its retention of title are one machine.
 */
public enum CollateralType {
    RECEIVABLES_PLEDGE("RECEIVABLES", Nature.PLEDGE), FACTORING("RECEIVABLES", Nature.OWNERSHIP),
    INVENTORY("GOODS", Nature.MORTGAGE), WAREHOUSE_RECEIPT("GOODS", Nature.PLEDGE), BILL_OF_LADING("GOODS", Nature.PLEDGE),
    DEPOSIT_RECEIPT("DEPOSITS", Nature.PLEDGE),
    EQUIPMENT("EQUIPMENT", Nature.MORTGAGE), FINANCIAL_LEASING("EQUIPMENT", Nature.OWNERSHIP),
    RETENTION_OF_TITLE("EQUIPMENT", Nature.OWNERSHIP);

    /**
     * What the secured party holds: a mortgage (抵押, the grantor keeps the goods), a pledge (质押, of a
     * claim or of goods through their document), or ownership (factoring's assignment, a lessor's or
     * seller's title), which cannot be shared.
     */
    public enum Nature { MORTGAGE, PLEDGE, OWNERSHIP }

    /** Kinds that have registries of their own and are refused here, with the reason. */
    public static final Set<String> EXCLUDED = Set.of("VEHICLE", "SHIP", "AIRCRAFT", "BOND", "FUND_SHARE", "EQUITY", "IP");

    private final String assetClass;
    private final Nature nature;

    CollateralType(String assetClass, Nature nature) {
        this.assetClass = assetClass;
        this.nature = nature;
    }

    public Nature nature() {
        return nature;
    }

    public String assetClass() {
        return assetClass;
    }

    public static Optional<CollateralType> parse(String code) {
        return Arrays.stream(values()).filter(t -> t.name().equals(code)).findFirst();
    }
}
