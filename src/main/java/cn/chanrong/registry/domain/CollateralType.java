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
    RECEIVABLES_PLEDGE("RECEIVABLES"), FACTORING("RECEIVABLES"),
    INVENTORY("GOODS"), WAREHOUSE_RECEIPT("GOODS"), BILL_OF_LADING("GOODS"),
    DEPOSIT_RECEIPT("DEPOSITS"),
    EQUIPMENT("EQUIPMENT"), FINANCIAL_LEASING("EQUIPMENT"), RETENTION_OF_TITLE("EQUIPMENT");

    /** Kinds that have registries of their own and are refused here, with the reason. */
    public static final Set<String> EXCLUDED = Set.of("VEHICLE", "SHIP", "AIRCRAFT", "BOND", "FUND_SHARE", "EQUITY", "IP");

    private final String assetClass;

    CollateralType(String assetClass) {
        this.assetClass = assetClass;
    }

    public String assetClass() {
        return assetClass;
    }

    public static Optional<CollateralType> parse(String code) {
        return Arrays.stream(values()).filter(t -> t.name().equals(code)).findFirst();
    }
}
