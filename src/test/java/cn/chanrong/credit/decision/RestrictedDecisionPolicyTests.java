package cn.chanrong.credit.decision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.reference.domain.RestrictedCategory;
import cn.chanrong.reference.domain.RestrictedEntry;
import cn.chanrong.reference.domain.RestrictedIndustryPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The policy overlay applies the restricted-industry catalogue first: an entry that refuses the credit
 * declines it with a limit of zero and a reason naming the entry; a restricted entry and a credit that is
 * no new project leave the outcome to the other rules, the entry named all the same.
 */
class RestrictedDecisionPolicyTests {

    static DecisionPolicy.Facts facts(RestrictedCategory category) {
        RestrictedEntry e = new RestrictedEntry("产业结构调整指导目录（2024年本）", "国家发展改革委令2023年第7号", category,
                "十一 25", "普通高速钢钻头、铣刀、锯片、丝锥、板牙项目", "C3321", List.of("普通高速钢丝锥"), List.of(),
                LocalDate.of(2024, 2, 1), null);
        return new DecisionPolicy.Facts(new BigDecimal("40000000"), 0.05, 0.10, new BigDecimal("10000000"),
                new BigDecimal("2000000"), new BigDecimal("3000000"), 24, 3.0, false, null, null,
                category == null ? List.of() : List.of(new RestrictedIndustryPolicy.Match(e, "M8普通高速钢丝锥")));
    }

    @ParameterizedTest(name = "{0} {1} → {2} {3}")
    @CsvSource(nullValues = "-", textBlock = """
            ELIMINATED, WORKING_CAPITAL,     DECLINE, policy.restricted.eliminated
            ELIMINATED, TECH_TRANSFORMATION, DECLINE, policy.restricted.eliminated
            RESTRICTED, FIXED_ASSET,         DECLINE, policy.restricted.new-project
            RESTRICTED, WORKING_CAPITAL,     APPROVE, policy.restricted.existing-capacity
            RESTRICTED, EQUIPMENT_RENEWAL,   APPROVE, policy.restricted.existing-capacity
            RESTRICTED, TECH_TRANSFORMATION, APPROVE, policy.restricted.existing-capacity
            -,          FIXED_ASSET,         APPROVE, -
            """)
    void the_catalogue_declines_what_its_entry_forbids(RestrictedCategory category, Terms.Purpose purpose, String outcome,
                                                       String reason) {
        Terms terms = new Terms(new BigDecimal("1000000"), 24, purpose, true);
        DecisionPolicy.Decision d = DecisionPolicy.decide(0.008, List.of(), terms, facts(category), DecisionPolicy.Settings.DEFAULT);
        assertThat(d.outcome().name()).as(d.reasons().toString()).isEqualTo(outcome);
        List<String> codes = d.reasons().stream().map(Reason::code).toList();
        if (reason == null) {
            assertThat(codes).noneMatch(c -> c.startsWith("policy.restricted."));
            return;
        }
        Reason named = d.reasons().stream().filter(r -> r.code().equals(reason)).findFirst().orElseThrow();
        assertThat(named.args()).containsExactly("产业结构调整指导目录（2024年本）", "十一 25", "普通高速钢钻头、铣刀、锯片、丝锥、板牙项目",
                "国家发展改革委令2023年第7号", "M8普通高速钢丝锥");
        if (outcome.equals("DECLINE")) {
            assertThat(d.recommendedLimit()).isEqualByComparingTo("0");
        }
    }
}
