package cn.chanrong.institution.domain;

import static cn.chanrong.institution.InstitutionType.CITY_COMMERCIAL_BANK;
import static cn.chanrong.institution.InstitutionType.FOREIGN_BANK;
import static cn.chanrong.institution.InstitutionType.JOINT_STOCK_BANK;
import static cn.chanrong.institution.InstitutionType.LARGE_STATE_OWNED_BANK;
import static cn.chanrong.institution.InstitutionType.POLICY_BANK;
import static cn.chanrong.institution.InstitutionType.PRIVATE_BANK;
import static cn.chanrong.institution.InstitutionType.RURAL_COMMERCIAL_BANK;
import static cn.chanrong.institution.InstitutionType.RURAL_COOPERATIVE;
import static cn.chanrong.institution.InstitutionType.VILLAGE_BANK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chanrong.institution.InstitutionType;
import cn.chanrong.institution.PolicyTool;
import cn.chanrong.institution.domain.PolicyToolEligibility.Rule;
import cn.chanrong.shared.Rejection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may take part in which tool, from FACTS §1 and the public documents the seed cites. The rules
 * below are the rows V47 seeds (PolicyToolEligibilityIntegrationTests checks the database holds exactly
 * these), so the table reads as the platform's answer on the seeded data.
 */
public class PolicyToolEligibilityTests {

    static final Set<InstitutionType> NATIONAL = EnumSet.of(POLICY_BANK, LARGE_STATE_OWNED_BANK, JOINT_STOCK_BANK);
    static final Set<InstitutionType> LOCAL = EnumSet.of(CITY_COMMERCIAL_BANK, RURAL_COMMERCIAL_BANK, RURAL_COOPERATIVE,
            VILLAGE_BANK, PRIVATE_BANK);
    static final Set<InstitutionType> BANKS = EnumSet.of(POLICY_BANK, LARGE_STATE_OWNED_BANK, JOINT_STOCK_BANK,
            CITY_COMMERCIAL_BANK, RURAL_COMMERCIAL_BANK, RURAL_COOPERATIVE, VILLAGE_BANK, PRIVATE_BANK, FOREIGN_BANK);

    /** The seeded rules: tool, types, from, to (exclusive). */
    public static final List<Rule> SEEDED = seeded();

    private static List<Rule> seeded() {
        List<Rule> out = new ArrayList<>();
        add(out, PolicyTool.TECH_RELENDING, NATIONAL, "2024-04-07", null);
        add(out, PolicyTool.CARBON_REDUCTION, NATIONAL, "2021-11-08", null);
        add(out, PolicyTool.SMALL_BUSINESS_RELENDING, LOCAL, "2014-03-20", null);
        add(out, PolicyTool.REDISCOUNT, BANKS, "1997-05-22", null);
        add(out, PolicyTool.EQUIPMENT_RENEWAL_SUBSIDY, NATIONAL, "2024-03-07", "2027-01-01");
        return List.copyOf(out);
    }

    private static void add(List<Rule> out, PolicyTool tool, Set<InstitutionType> types, String from, String to) {
        types.forEach(t -> out.add(new Rule(tool, t, LocalDate.parse(from), to == null ? null : LocalDate.parse(to), "FACTS §1")));
    }

    @ParameterizedTest(name = "{0} {1} from {2}: {3}")
    @CsvSource(textBlock = """
            # tool,                    institution type,         from,       verdict
            TECH_RELENDING,            JOINT_STOCK_BANK,         2024-04-07, eligible
            TECH_RELENDING,            LARGE_STATE_OWNED_BANK,   2025-05-07, eligible
            TECH_RELENDING,            POLICY_BANK,              2026-01-19, eligible
            TECH_RELENDING,            JOINT_STOCK_BANK,         2024-04-06, institution.policy-tool.not-in-force
            TECH_RELENDING,            CITY_COMMERCIAL_BANK,     2025-01-01, institution.policy-tool.ineligible
            TECH_RELENDING,            RURAL_COMMERCIAL_BANK,    2025-01-01, institution.policy-tool.ineligible
            TECH_RELENDING,            PRIVATE_BANK,             2026-01-19, institution.policy-tool.ineligible
            TECH_RELENDING,            FINANCIAL_LEASING,        2025-01-01, institution.policy-tool.ineligible
            CARBON_REDUCTION,          LARGE_STATE_OWNED_BANK,   2021-11-08, eligible
            CARBON_REDUCTION,          POLICY_BANK,              2024-01-01, eligible
            CARBON_REDUCTION,          JOINT_STOCK_BANK,         2021-11-07, institution.policy-tool.not-in-force
            CARBON_REDUCTION,          CITY_COMMERCIAL_BANK,     2024-01-01, institution.policy-tool.ineligible
            CARBON_REDUCTION,          FINANCIAL_LEASING,        2024-01-01, institution.policy-tool.ineligible
            SMALL_BUSINESS_RELENDING,  CITY_COMMERCIAL_BANK,     2024-01-01, eligible
            SMALL_BUSINESS_RELENDING,  RURAL_COMMERCIAL_BANK,    2024-06-01, eligible
            SMALL_BUSINESS_RELENDING,  RURAL_COOPERATIVE,        2025-05-07, eligible
            SMALL_BUSINESS_RELENDING,  VILLAGE_BANK,             2026-01-15, eligible
            SMALL_BUSINESS_RELENDING,  PRIVATE_BANK,             2025-01-01, eligible
            SMALL_BUSINESS_RELENDING,  JOINT_STOCK_BANK,         2024-01-01, institution.policy-tool.ineligible
            SMALL_BUSINESS_RELENDING,  LARGE_STATE_OWNED_BANK,   2024-01-01, institution.policy-tool.ineligible
            REDISCOUNT,                CITY_COMMERCIAL_BANK,     2023-01-01, eligible
            REDISCOUNT,                FOREIGN_BANK,             2024-01-01, eligible
            REDISCOUNT,                FINANCE_COMPANY,          2024-01-01, institution.policy-tool.ineligible
            REDISCOUNT,                FACTORING,                2024-01-01, institution.policy-tool.ineligible
            EQUIPMENT_RENEWAL_SUBSIDY, JOINT_STOCK_BANK,         2024-03-07, eligible
            EQUIPMENT_RENEWAL_SUBSIDY, LARGE_STATE_OWNED_BANK,   2026-12-31, eligible
            EQUIPMENT_RENEWAL_SUBSIDY, JOINT_STOCK_BANK,         2024-03-06, institution.policy-tool.not-in-force
            EQUIPMENT_RENEWAL_SUBSIDY, POLICY_BANK,              2027-01-01, institution.policy-tool.not-in-force
            EQUIPMENT_RENEWAL_SUBSIDY, CITY_COMMERCIAL_BANK,     2025-01-01, institution.policy-tool.ineligible
            """)
    void participation_is_judged_by_the_rules_in_force_on_its_first_day(PolicyTool tool, InstitutionType type, LocalDate from,
                                                                         String verdict) {
        var outcome = PolicyToolEligibility.check(SEEDED, tool, type, from);
        assertThat(outcome.map(Rejection::code).orElse("eligible")).isEqualTo(verdict);
        outcome.ifPresent(r -> assertThat(r.field()).isEqualTo("tool"));
    }

    @Test
    void a_refusal_names_the_tool_the_type_and_the_eligible_types_in_both_languages_never_codes() {
        Rejection r = PolicyToolEligibility.check(SEEDED, PolicyTool.TECH_RELENDING, CITY_COMMERCIAL_BANK,
                LocalDate.of(2025, 1, 1)).orElseThrow();
        assertThat(r.args()).containsExactly("科技创新和技术改造再贷款", "Tech-innovation and technological-transformation re-lending",
                "城市商业银行", "City commercial bank", "政策性银行、大型国有商业银行、股份制商业银行",
                "Policy bank, Large state-owned bank, Joint-stock bank", "2025-01-01");
        assertThat(r.args().toString()).doesNotContain("CITY_COMMERCIAL_BANK", "TECH_RELENDING", "JOINT_STOCK_BANK");
    }

    @Test
    void a_change_of_the_list_is_a_new_row_and_each_day_reads_the_row_in_force() {
        // a hypothetical widening: from 2027 city commercial banks take part too, by data alone
        List<Rule> widened = new ArrayList<>(SEEDED);
        widened.add(new Rule(PolicyTool.TECH_RELENDING, CITY_COMMERCIAL_BANK, LocalDate.of(2027, 1, 1), null, "test"));
        assertThat(PolicyToolEligibility.check(widened, PolicyTool.TECH_RELENDING, CITY_COMMERCIAL_BANK,
                LocalDate.of(2026, 12, 31))).isPresent();
        assertThat(PolicyToolEligibility.check(widened, PolicyTool.TECH_RELENDING, CITY_COMMERCIAL_BANK,
                LocalDate.of(2027, 1, 1))).isEmpty();
        assertThat(PolicyToolEligibility.eligibleTypes(widened, PolicyTool.TECH_RELENDING, LocalDate.of(2027, 1, 1)))
                .containsExactly(POLICY_BANK, LARGE_STATE_OWNED_BANK, JOINT_STOCK_BANK, CITY_COMMERCIAL_BANK);
    }

    @Test
    void a_rule_ends_after_it_starts() {
        assertThatThrownBy(() -> new Rule(PolicyTool.REDISCOUNT, FOREIGN_BANK, LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 1, 1), "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
