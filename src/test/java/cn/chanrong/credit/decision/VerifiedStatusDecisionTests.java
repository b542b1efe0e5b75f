package cn.chanrong.credit.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 §4 through the decision: a 专精特新 the enterprise only declared no longer buys unsecured
 * credit and the long term; the same status on the authority's list does.
 */
class VerifiedStatusDecisionTests {

    static final Terms LONG_UNSECURED = new Terms(new BigDecimal("1000000"), 96, Terms.Purpose.TECH_TRANSFORMATION, false);

    static DecisionPolicy.Decision decide(SupportedStatus.Verdict status) {
        return DecisionPolicy.decide(0.03, List.of(), LONG_UNSECURED, DecisionPolicyTests.facts(status.supported(), null),
                DecisionPolicy.Settings.DEFAULT);
    }

    @Test
    void a_declared_specialised_sme_gets_neither_unsecured_credit_nor_the_long_term() {
        var declared = SupportedStatus.of(Set.of(), Set.of(), Set.of("SPECIALISED_SME"), Set.of("MACHINE_TOOLS", "HIGH_END_EQUIPMENT"));
        assertThat(declared.supported()).isFalse();
        assertThat(declared.declaredOnly()).containsExactly("SPECIALISED_SME", "KEY_CHAIN:MACHINE_TOOLS");
        var d = decide(declared);
        assertThat(DecisionPolicyTests.codes(d)).contains("policy.term", "policy.unsecured").doesNotContain("policy.supported");
        assertThat(d.outcome()).isEqualTo(DecisionPolicy.Outcome.REFER);
    }

    @Test
    void a_verified_specialised_sme_does() {
        var verified = SupportedStatus.of(Set.of("SPECIALISED_SME"), Set.of(), Set.of(), Set.of("MACHINE_TOOLS"));
        assertThat(verified.verifiedBy()).containsExactly("SPECIALISED_SME");
        var d = decide(verified);
        assertThat(DecisionPolicyTests.codes(d)).contains("policy.supported").doesNotContain("policy.term", "policy.unsecured");
        assertThat(d.outcome()).isEqualTo(DecisionPolicy.Outcome.APPROVE);
    }

    @Test
    void an_emerging_industry_tag_with_a_verified_chain_leader_list_is_no_key_chain() {
        // the demo's core enterprise: on the 链主 list, tagged only 高端装备 (an emerging industry)
        var core = SupportedStatus.of(Set.of("CHAIN_LEADER"), Set.of(), Set.of(), Set.of("HIGH_END_EQUIPMENT"));
        assertThat(core.supported()).isFalse();
        assertThat(DecisionPolicyTests.codes(decide(core))).contains("policy.term");
    }
}
