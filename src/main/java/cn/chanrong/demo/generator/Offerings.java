package cn.chanrong.demo.generator;

import static cn.chanrong.institution.domain.ProductType.*;

import cn.chanrong.institution.InstitutionType;
import cn.chanrong.institution.domain.ProductType;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What each kind of institution typically offers in the demo economy: a narrower choice than the
 * platform allows ({@link ProductType#offeredBy}) — village banks and rural cooperatives stick to
 * simple loans, online private banks to working capital and chain finance, policy banks to long
 * project and technology lending, insurers to insurance. Checked against the platform's rule when
 * the class loads, so a generated product is always one its institution may publish.
 */
final class Offerings {

    private static final Set<ProductType> BANK_LOANS = EnumSet.of(WORKING_CAPITAL_LOAN, FIXED_ASSET_LOAN, MA_LOAN,
            SYNDICATED_LOAN, TECH_INNOVATION_LOAN, IP_PLEDGE_LOAN, RECEIVABLES_FINANCING, INVENTORY_FINANCING,
            ORDER_FINANCING, EVOUCHER_DISCOUNTING, BANK_ACCEPTANCE_BILL);

    private static final Map<InstitutionType, Set<ProductType>> TYPICAL = new EnumMap<>(InstitutionType.class);

    static {
        TYPICAL.put(InstitutionType.POLICY_BANK, EnumSet.of(WORKING_CAPITAL_LOAN, FIXED_ASSET_LOAN, MA_LOAN, SYNDICATED_LOAN,
                TECH_INNOVATION_LOAN));
        TYPICAL.put(InstitutionType.LARGE_STATE_OWNED_BANK, BANK_LOANS);
        TYPICAL.put(InstitutionType.JOINT_STOCK_BANK, BANK_LOANS);
        TYPICAL.put(InstitutionType.CITY_COMMERCIAL_BANK, BANK_LOANS);
        TYPICAL.put(InstitutionType.RURAL_COMMERCIAL_BANK, EnumSet.of(WORKING_CAPITAL_LOAN, FIXED_ASSET_LOAN, TECH_INNOVATION_LOAN,
                IP_PLEDGE_LOAN, RECEIVABLES_FINANCING, INVENTORY_FINANCING, ORDER_FINANCING, EVOUCHER_DISCOUNTING, BANK_ACCEPTANCE_BILL));
        TYPICAL.put(InstitutionType.RURAL_COOPERATIVE, EnumSet.of(WORKING_CAPITAL_LOAN, FIXED_ASSET_LOAN, ORDER_FINANCING,
                INVENTORY_FINANCING));
        TYPICAL.put(InstitutionType.VILLAGE_BANK, EnumSet.of(WORKING_CAPITAL_LOAN, ORDER_FINANCING, INVENTORY_FINANCING));
        TYPICAL.put(InstitutionType.PRIVATE_BANK, EnumSet.of(WORKING_CAPITAL_LOAN, ORDER_FINANCING, RECEIVABLES_FINANCING,
                EVOUCHER_DISCOUNTING, TECH_INNOVATION_LOAN));
        TYPICAL.put(InstitutionType.FOREIGN_BANK, EnumSet.of(WORKING_CAPITAL_LOAN, FIXED_ASSET_LOAN, SYNDICATED_LOAN,
                RECEIVABLES_FINANCING, BANK_ACCEPTANCE_BILL));
        TYPICAL.put(InstitutionType.FINANCE_COMPANY, EnumSet.of(WORKING_CAPITAL_LOAN, RECEIVABLES_FINANCING, EVOUCHER_DISCOUNTING,
                BANK_ACCEPTANCE_BILL));
        TYPICAL.put(InstitutionType.INSURER, EnumSet.of(TECH_INSURANCE, FIRST_SET_INSURANCE));
        TYPICAL.put(InstitutionType.SECURITIES_FIRM, EnumSet.of(BOND_UNDERWRITING, EQUITY_INVESTMENT));
        TYPICAL.put(InstitutionType.FUND_VC, EnumSet.of(EQUITY_INVESTMENT));
        TYPICAL.put(InstitutionType.GOVERNMENT_GUARANTEE_AGENCY, EnumSet.of(GUARANTEE));
        TYPICAL.put(InstitutionType.OTHER_GUARANTEE_AGENCY, EnumSet.of(GUARANTEE));
        // re-guarantee: the provincial re-guarantors and the national fund guarantee the guarantors
        TYPICAL.put(InstitutionType.PROVINCIAL_REGUARANTOR, EnumSet.of(GUARANTEE));
        TYPICAL.put(InstitutionType.NATIONAL_GUARANTEE_FUND, EnumSet.of(GUARANTEE));
        TYPICAL.put(InstitutionType.FINANCIAL_LEASING, EnumSet.of(FINANCIAL_LEASING));
        TYPICAL.put(InstitutionType.FACTORING, EnumSet.of(RECEIVABLES_FINANCING, EVOUCHER_DISCOUNTING));
        TYPICAL.put(InstitutionType.ASSET_MANAGEMENT_COMPANY, EnumSet.of(EQUITY_INVESTMENT));
        for (InstitutionType institution : InstitutionType.values()) {
            Set<ProductType> types = TYPICAL.get(institution);
            if (types == null || types.isEmpty() || types.stream().anyMatch(t -> !t.offeredBy(institution))) {
                throw new IllegalStateException("demo offerings of " + institution + " missing or not allowed by the platform");
            }
        }
    }

    private Offerings() {
    }

    /** In {@link ProductType} order, so draws are reproducible. */
    static Set<ProductType> of(InstitutionType type) {
        return TYPICAL.get(type);
    }
}
