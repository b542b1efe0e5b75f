package cn.chanrong.demo.generator;

import static cn.chanrong.demo.generator.ProductType.*;

import cn.chanrong.institution.InstitutionType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which product types each kind of institution may offer: banks lend (the smallest ones only simple
 * loans; large and joint-stock banks also underwrite debt instruments), finance companies serve their
 * group's chain, insurers insure, guarantee agencies guarantee, leasing companies lease, factoring
 * companies finance receivables, funds and asset managers invest, securities firms underwrite bonds
 * and invest through their direct-investment arms.
 */
public final class ProductRules {

    private static final Set<ProductType> BANK_LOANS = EnumSet.of(WORKING_CAPITAL_LOAN, FIXED_ASSET_LOAN, MA_LOAN,
            SYNDICATED_LOAN, TECH_INNOVATION_LOAN, IP_PLEDGE_LOAN, RECEIVABLES_FINANCING, INVENTORY_FINANCING,
            ORDER_FINANCING, EVOUCHER_DISCOUNTING, BANK_ACCEPTANCE_BILL);

    private static final Map<InstitutionType, Set<ProductType>> ALLOWED = new EnumMap<>(InstitutionType.class);

    static {
        ALLOWED.put(InstitutionType.POLICY_BANK, EnumSet.of(WORKING_CAPITAL_LOAN, FIXED_ASSET_LOAN, MA_LOAN, SYNDICATED_LOAN,
                TECH_INNOVATION_LOAN));
        ALLOWED.put(InstitutionType.LARGE_STATE_OWNED_BANK, with(BANK_LOANS, BOND_UNDERWRITING));
        ALLOWED.put(InstitutionType.JOINT_STOCK_BANK, with(BANK_LOANS, BOND_UNDERWRITING));
        ALLOWED.put(InstitutionType.CITY_COMMERCIAL_BANK, EnumSet.copyOf(BANK_LOANS));
        ALLOWED.put(InstitutionType.RURAL_COMMERCIAL_BANK, EnumSet.of(WORKING_CAPITAL_LOAN, FIXED_ASSET_LOAN, TECH_INNOVATION_LOAN,
                IP_PLEDGE_LOAN, RECEIVABLES_FINANCING, INVENTORY_FINANCING, ORDER_FINANCING, EVOUCHER_DISCOUNTING, BANK_ACCEPTANCE_BILL));
        ALLOWED.put(InstitutionType.RURAL_COOPERATIVE, EnumSet.of(WORKING_CAPITAL_LOAN, FIXED_ASSET_LOAN, ORDER_FINANCING,
                INVENTORY_FINANCING));
        ALLOWED.put(InstitutionType.VILLAGE_BANK, EnumSet.of(WORKING_CAPITAL_LOAN, ORDER_FINANCING, INVENTORY_FINANCING));
        ALLOWED.put(InstitutionType.PRIVATE_BANK, EnumSet.of(WORKING_CAPITAL_LOAN, ORDER_FINANCING, RECEIVABLES_FINANCING,
                EVOUCHER_DISCOUNTING, TECH_INNOVATION_LOAN));
        ALLOWED.put(InstitutionType.FOREIGN_BANK, EnumSet.of(WORKING_CAPITAL_LOAN, FIXED_ASSET_LOAN, SYNDICATED_LOAN,
                RECEIVABLES_FINANCING, BANK_ACCEPTANCE_BILL));
        ALLOWED.put(InstitutionType.FINANCE_COMPANY, EnumSet.of(WORKING_CAPITAL_LOAN, RECEIVABLES_FINANCING, EVOUCHER_DISCOUNTING,
                BANK_ACCEPTANCE_BILL));
        ALLOWED.put(InstitutionType.INSURER, EnumSet.of(TECH_INSURANCE, FIRST_SET_INSURANCE));
        ALLOWED.put(InstitutionType.SECURITIES_FIRM, EnumSet.of(BOND_UNDERWRITING, EQUITY_INVESTMENT));
        ALLOWED.put(InstitutionType.FUND_VC, EnumSet.of(EQUITY_INVESTMENT));
        ALLOWED.put(InstitutionType.GOVERNMENT_GUARANTEE_AGENCY, EnumSet.of(GUARANTEE));
        ALLOWED.put(InstitutionType.OTHER_GUARANTEE_AGENCY, EnumSet.of(GUARANTEE));
        ALLOWED.put(InstitutionType.FINANCIAL_LEASING, EnumSet.of(FINANCIAL_LEASING));
        ALLOWED.put(InstitutionType.FACTORING, EnumSet.of(RECEIVABLES_FINANCING));
        ALLOWED.put(InstitutionType.ASSET_MANAGEMENT_COMPANY, EnumSet.of(EQUITY_INVESTMENT));
        for (InstitutionType t : InstitutionType.values()) {
            if (!ALLOWED.containsKey(t)) {
                throw new IllegalStateException("no product rule for institution type " + t);
            }
        }
    }

    private ProductRules() {
    }

    public static Set<ProductType> allowed(InstitutionType type) {
        return Collections.unmodifiableSet(ALLOWED.get(type));
    }

    private static Set<ProductType> with(Set<ProductType> base, ProductType extra) {
        Set<ProductType> s = EnumSet.copyOf(base);
        s.add(extra);
        return s;
    }
}
